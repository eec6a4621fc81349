// What must happen before a job can start: "o que precisa terminar pro X rodar?", "o que falta para o X começar?",
// "what has to finish before X can start?", "what's needed for X to run?". A purpose or "before" word right before
// the job and a start word right after it: the question is about its predecessors, not its status.

import type { Reading } from "./reading";

/** "pro X rodar", "para o X começar", "before X starts", "for X to run", "antes do X rodar". */
const purposeWords = new Set(["pro", "pra", "para", "for", "before", "antes", "until", "till", "ate"]);
/** Words between the purpose word and the job ("para o X", "antes do X", "before the X job"). */
const beforeJob = new Set(["o", "a", "os", "as", "do", "da", "de", "the", "job", "that"]);
/** Words between the job and its start word ("X can start", "X to run", "X conseguir rodar", "X de rodar"). */
const afterJob = new Set([
  "can",
  "could",
  "will",
  "to",
  "be",
  "able",
  "de",
  "conseguir",
  "poder",
  "possa",
  "get",
  "finally",
]);

/** `at` is where the job's name starts, `end` where it ends. */
export function asksWhatMustComeFirst(reading: Reading, job: { at: number; end: number } | undefined): boolean {
  if (!job) return false;
  const { tokens, cues } = reading;
  let before = job.at - 1;
  while (before >= 0 && beforeJob.has(tokens[before]!.word)) before--;
  if (before < 0 || !purposeWords.has(tokens[before]!.word)) return false;
  let after = job.end;
  while (after < tokens.length && afterJob.has(tokens[after]!.word)) after++;
  return cues[after]?.includes("start") ?? false;
}
