import type { HwaFailure } from "../../hwa/errors";
import type { Intent, Language } from "../understanding/types";
import { composeReply, type ReplyWith } from "./compose";
import { durationText, type AnswerOptions } from "./format";

// When HWA could not answer the question: what happened, in the operator's words, and when to try again.

function retryText(seconds: number | undefined, language: Language): string {
  if (seconds === undefined || !(seconds > 0))
    return language === "pt" ? "tente de novo em instantes" : "try again shortly";
  const wait = durationText(Math.ceil(seconds) * 1000);
  return language === "pt" ? `tente de novo em ${wait}` : `try again in ${wait}`;
}

/** Why HWA did not answer, as the end of a sentence ("está indisponível; tente de novo em 30 s"). */
export function upstreamReason(failure: HwaFailure, retryAfterSeconds: number | undefined, language: Language): string {
  const pt = language === "pt";
  const retry = retryText(retryAfterSeconds, language);
  switch (failure) {
    case "timeout":
      return pt ? `não respondeu a tempo; ${retry}` : `it did not answer in time; ${retry}`;
    case "circuit-open":
      return pt
        ? `vem falhando, e as chamadas a ele estão pausadas para não sobrecarregá-lo; ${retry}`
        : `it has been failing, so calls to it are paused to spare it; ${retry}`;
    case "rate-limited":
      return pt ? `está limitando as requisições; ${retry}` : `it is limiting requests; ${retry}`;
    case "bulkhead-full":
      return pt ? `já tem muitas consultas em andamento; ${retry}` : `too many calls to it are in progress; ${retry}`;
    case "credentials-rejected":
      return pt
        ? "recusou as credenciais do Resync; avise o administrador"
        : "it rejected Resync's credentials; tell the administrator";
    case "not-configured":
      return pt
        ? "o endereço dele não está configurado no Resync; avise o administrador"
        : "its address is not configured in Resync; tell the administrator";
    case "not-found":
      return pt ? "não encontrou o que foi pedido" : "it did not find what was asked for";
    case "conflict":
      return pt ? "recusou o pedido no estado atual" : "it refused the request in the current state";
    case "bad-request":
    case "invalid-response":
    case "upstream-error":
      return pt
        ? `respondeu com erro; ${retry}, e se persistir avise o administrador`
        : `it answered with an error; ${retry}, and tell the administrator if it persists`;
    default:
      return pt ? `está indisponível; ${retry}` : `it is unavailable; ${retry}`;
  }
}

export type HwaTroubleData = { error: { failure: HwaFailure; retry_after_seconds: number | null } };

/** The question could not be answered because HWA failed (and no cached facts were at hand). */
export function answerHwaTrouble(
  trouble: { failure: HwaFailure; retryAfterSeconds?: number },
  options: AnswerOptions & { intent: Intent },
): ReplyWith<HwaTroubleData> {
  const { language } = options;
  const reason = upstreamReason(trouble.failure, trouble.retryAfterSeconds, language);
  const line = language === "pt" ? `Não consegui consultar o HWA: ${reason}.` : `I could not ask HWA: ${reason}.`;
  const data: HwaTroubleData = {
    error: { failure: trouble.failure, retry_after_seconds: trouble.retryAfterSeconds ?? null },
  };
  // No suggestions: any other question would meet the same HWA; asking again later is the next step.
  return composeReply(options.intent, options, [line], data);
}
