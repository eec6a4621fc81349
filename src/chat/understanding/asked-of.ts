// An action word whose subject is a question word asks rather than orders: "o que segura o X?", "what holds X?"
// ask what blocks X (its dependencies); "quem cancelou o X?", "who killed X?" ask what was done to it (its status).

import type { Reading } from "./reading";

/** Question words that can be the subject of a verb ("o que segura", "quem matou", "what holds", "who killed"). */
const askingSubjects = new Set(["que", "oq", "quem", "what", "who", "whats", "whos"]);
/** Words between that subject and its verb ("o que tá segurando", "what is holding", "quem ainda segura"). */
const links = new Set(["ta", "esta", "is", "ainda", "still"]);

/** The word at `at` has a question word for its subject. */
export function isAskedOf(reading: Reading, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && links.has(reading.tokens[i]!.word)) i--;
  return i >= 0 && askingSubjects.has(reading.tokens[i]!.word);
}

/** "o que segura o X?", "what holds X?": a hold word asked of, which asks what blocks X. */
export function asksWhatHolds(reading: Reading): boolean {
  return reading.cues.some((cues, i) => (cues?.includes("hold") ?? false) && isAskedOf(reading, i));
}
