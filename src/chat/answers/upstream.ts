import type { HwaFailure } from "../../hwa/errors";
import type { Intent, Language } from "../understanding/types";
import { composeReply, type ReplyWith } from "./compose";
import { durationText, type AnswerOptions } from "./format";
import { messagesFor } from "./messages";

// When HWA could not answer the question: what happened, in the operator's words, and when to try again.

function retryText(seconds: number | undefined, language: Language): string {
  const { upstream } = messagesFor(language);
  if (seconds === undefined || !(seconds > 0)) return upstream.retrySoon;
  return upstream.retryIn(durationText(Math.ceil(seconds) * 1000));
}

/** Why HWA did not answer, as the end of a sentence ("está indisponível; tente de novo em 30 s"). */
export function upstreamReason(failure: HwaFailure, retryAfterSeconds: number | undefined, language: Language): string {
  return messagesFor(language).upstream.reason(failure, retryText(retryAfterSeconds, language));
}

export type HwaTroubleData = { error: { failure: HwaFailure; retry_after_seconds: number | null } };

/** The question could not be answered because HWA failed (and no cached facts were at hand). */
export function answerHwaTrouble(
  trouble: { failure: HwaFailure; retryAfterSeconds?: number },
  options: AnswerOptions & { intent: Intent },
): ReplyWith<HwaTroubleData> {
  const { language } = options;
  const line = messagesFor(language).upstream.couldNotAsk(
    upstreamReason(trouble.failure, trouble.retryAfterSeconds, language),
  );
  const data: HwaTroubleData = {
    error: { failure: trouble.failure, retry_after_seconds: trouble.retryAfterSeconds ?? null },
  };
  // No suggestions: any other question would meet the same HWA; asking again later is the next step.
  return composeReply(options.intent, options, [line], data);
}
