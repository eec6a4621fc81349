// The answer to "qual deles?": after "Encontrei 2 jobs SFTP_SEND_BANK; qual deles?", "o do PAYROLL", "the one in
// SUPPLIER_PAYMENTS", "PAYROLL" or "o segundo" picks that candidate for the question (or action) that was asked.

import type { Cue } from "./lexicon";
import { canonicalName } from "./names";
import type { Reading } from "./reading";
import type { Choice, Entities } from "./types";

/** Words a pick may hold besides the name: "o do", "the one in", "isso, o job do stream". */
const pickWords = new Set<Cue>([
  "article",
  "filler",
  "preposition",
  "pronoun",
  "follow_up",
  "job",
  "stream",
  "workstation",
  "many",
  "confirm",
]);
const MAX_PICK_TOKENS = 8;

const ordinals = new Map<string, number>([
  ["primeiro", 0],
  ["primeira", 0],
  ["first", 0],
  ["1", 0],
  ["1o", 0],
  ["1a", 0],
  ["1st", 0],
  ["segundo", 1],
  ["segunda", 1],
  ["second", 1],
  ["2", 1],
  ["2o", 1],
  ["2a", 1],
  ["2nd", 1],
  ["terceiro", 2],
  ["terceira", 2],
  ["third", 2],
  ["3", 2],
  ["3o", 2],
  ["3a", 2],
  ["3rd", 2],
  ["quarto", 3],
  ["quarta", 3],
  ["fourth", 3],
  ["4", 3],
  ["4th", 3],
]);

/** What a candidate is called in a pick: its stream for a job, its own name otherwise. */
const pickName = (choice: Choice, candidate: Choice["candidates"][number]) =>
  canonicalName(choice.kind === "job" ? (candidate.job_stream ?? "") : candidate.name);

/** The candidate the message picks, when it is a pick and not a question of its own. */
function picked(reading: Reading, choice: Choice): Choice["candidates"][number] | undefined {
  if (reading.tokens.length === 0 || reading.tokens.length > MAX_PICK_TOKENS || reading.period) return undefined;
  const named = new Set(reading.mentions.flatMap((m) => Array.from({ length: m.end - m.at }, (_, k) => m.at + k)));
  for (const [i, cues] of reading.cues.entries()) {
    if (named.has(i) || ordinals.has(reading.tokens[i]!.word)) continue;
    if (!cues?.every((cue) => pickWords.has(cue))) return undefined;
  }
  for (const mention of reading.mentions) {
    const written = canonicalName(mention.name);
    const found = choice.candidates.filter((candidate) => pickName(choice, candidate) === written);
    if (found.length === 1) return found[0];
  }
  if (reading.mentions.length > 0) return undefined;
  const order = reading.tokens.map((token) => ordinals.get(token.word)).find((n) => n !== undefined);
  if (order !== undefined) return choice.candidates[order];
  if (reading.tokens.some((token) => token.word === "ultimo" || token.word === "ultima" || token.word === "last"))
    return choice.candidates.at(-1);
  return undefined;
}

/** The question the pick completes: the choice's intent and action, about the candidate picked. */
export function pickOf(reading: Reading, choice: Choice): { intent: Choice["intent"]; entities: Entities } | undefined {
  const candidate = picked(reading, choice);
  if (!candidate) return undefined;
  const entities: Entities =
    choice.kind === "job"
      ? { job: candidate.name, ...(candidate.job_stream ? { job_stream: candidate.job_stream } : {}) }
      : choice.kind === "job_stream"
        ? { job_stream: candidate.name }
        : { workstation: candidate.name };
  if (choice.action) entities.action = choice.action;
  return { intent: choice.intent, entities };
}
