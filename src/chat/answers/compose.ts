import type { Intent } from "../understanding/types";
import { durationText, type AnswerOptions } from "./format";
import { messagesFor } from "./messages";
import type { Reply } from "./reply";

// How every answer is put together: the text in the question's language, the stale note, 2–4 suggestions.

/** A Reply whose `data` has a known shape. */
export type ReplyWith<Data extends Record<string, unknown>> = Reply & { data: Data };

/** "(dados de há 40 s: o HWA não respondeu)" / "(data from 40 s ago: HWA did not answer)". */
export function staleNote(ageSeconds: number, language: AnswerOptions["language"]): string {
  return messagesFor(language).upstream.staleNote(durationText(ageSeconds * 1000));
}

const MAX_SUGGESTIONS = 4;

export function composeReply<Data extends Record<string, unknown>>(
  intent: Intent,
  options: AnswerOptions,
  lines: readonly (string | undefined | false)[],
  data: Data,
  suggestions: readonly string[] = [],
): ReplyWith<Data> {
  const text = lines.filter((line): line is string => typeof line === "string" && line.length > 0);
  if (options.stale) text.push(staleNote(options.stale.ageSeconds, options.language));
  // The console shows that the facts are old from `data.stale` as well as from the text.
  const facts = options.stale ? { ...data, stale: { age_seconds: options.stale.ageSeconds } } : data;
  const reply: ReplyWith<Data> = { intent, language: options.language, response: text.join("\n"), data: facts };
  const unique = [...new Set(suggestions)].slice(0, MAX_SUGGESTIONS);
  if (unique.length > 0) reply.suggestions = unique;
  return reply;
}
