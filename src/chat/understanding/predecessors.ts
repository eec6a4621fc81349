// What comes before a job: "quem tá antes do X?", "e quem roda antes dele?", "what runs before X?", "jobs prior to
// X", "upstream jobs of X". A before word whose object is the job (or a pronoun for it) asks for its predecessors;
// "upstream" asks for them wherever it stands. A failure, log or lateness word makes "antes" a time instead ("o LOAD
// falhou antes do PAYROLL_CALC?").

import type { Cue } from "./lexicon";
import type { Reading } from "./reading";

const beforeWords = new Set(["antes", "before", "prior", "anterior", "anteriores", "precede", "precedem"]);
/** Words between the before word and the job ("antes do X", "before the X job", "prior to it"). */
const links = new Set(["de", "do", "da", "o", "a", "ao", "the", "to", "of", "job"]);
const timeQuestions: Cue[] = ["failure", "log", "error_text", "why", "late"];

export function asksForPredecessors(reading: Reading): boolean {
  const { tokens, cues, mentions } = reading;
  if (tokens.some((token) => token.word === "upstream")) return true;
  if (timeQuestions.some((cue) => reading.has(cue))) return false;
  return tokens.some((token, i) => {
    if (!beforeWords.has(token.word)) return false;
    let object = i + 1;
    while (object < tokens.length && links.has(tokens[object]!.word)) object++;
    // "antes do X", "antes dele", or at the end ("e quem roda antes?"): the job spoken of.
    const named = mentions.some((mention) => mention.at === object);
    return named || object === tokens.length || (cues[object]?.includes("pronoun") ?? false);
  });
}
