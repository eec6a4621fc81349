// An action word said of the past asks what happened, never orders it: "o X precisou de rerun?", "X teve que rodar de
// novo?", "teve q dar rerun no X hj?", "precisaram reprocessar o X?", "rolou rerun no X?", "X had to be rerun?", "was
// it rerun?". The job's status, with its runs, answers it. "da um rerun no X", "tem que dar rerun no X" (now) order.

import type { Reading } from "./reading";

/** Words right before the action word that make it past. */
const happened = new Set([
  "precisou",
  "precisaram",
  "teve",
  "tiveram",
  "houve",
  "foi",
  "foram",
  "sofreu",
  "rolou",
  "fizeram",
  "deram",
  "was",
  "were",
  "been",
  "had",
  "needed",
  "required",
  "got",
]);
/**
 * Words that may stand between such a word and the action word ("precisou de", "teve q dar um", "foi preciso fazer",
 * "had to be", "had to do a").
 */
const links = new Set([
  "que",
  "q",
  "to",
  "be",
  "it",
  "ele",
  "ela",
  "de",
  "do",
  "da",
  "a",
  "an",
  "um",
  "uma",
  "o",
  "dar",
  "fazer",
  "preciso",
  "necessario",
]);

/** The action word at `at` follows a word that makes it past. */
export function happenedBefore(reading: Reading, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && links.has(reading.tokens[i]!.word)) i--;
  return i >= 0 && happened.has(reading.tokens[i]!.word);
}
