// A job that does not move: "X is sitting there doing nothing", "o X não sai do lugar", "X não se mexe", "X hasn't
// budged", "o X tá congelado", "X is idle". Like "stuck" or "parado", it asks what blocks the job, not its log, even
// with a "why" ("o X n saiu do lugar, pq?").

import type { Reading } from "./reading";

/** Enough alone: the job sits still ("X is sitting there", "o X tá ocioso", "frozen"). */
const stillWords = new Set([
  "idle",
  "idling",
  "sitting",
  "frozen",
  "ocioso",
  "ociosa",
  "congelado",
  "congelada",
  "congelou",
  "estacionado",
  "estacionada",
]);
/** Moving, which only a negation makes a question about what blocks ("não se mexe", "hasn't budged"). */
const moveWords = new Set([
  "mexe",
  "mexeu",
  "mexendo",
  "budge",
  "budged",
  "budging",
  "avanca",
  "avancou",
  "avancando",
  "progride",
  "progrediu",
  "progredindo",
  "progressing",
  "progressed",
  "anda",
  "andou",
  "andando",
  "move",
  "moved",
  "moving",
]);
/** Leaving its place: "sai do lugar", "saiu do lugar", "sair do lugar". */
const leaveWords = new Set(["sai", "saiu", "sair"]);
/** Negations besides the negation cue: "won't budge", "sem sair do lugar". */
const alsoNegations = new Set(["wont", "cant", "sem"]);
/** Doing, then nothing: "doing nothing", "not doing anything", "sem fazer nada", "não faz nada". */
const doWords = new Set(["doing", "fazendo", "fazer", "faz", "fez"]);
const nothingWords = new Set(["nothing", "nada", "anything"]);

export function saysItDoesNotMove(reading: Reading): boolean {
  const words = reading.tokens.map((token) => token.word);
  const negated = reading.has("negation") || words.some((word) => alsoNegations.has(word));
  return words.some(
    (word, i) =>
      stillWords.has(word) ||
      (doWords.has(word) && nothingWords.has(words[i + 1] ?? "")) ||
      (negated && isMoving(reading, i)),
  );
}

/** A move word ("mexe", "budged"), not "como anda" (how it goes), or "sai do lugar". */
function isMoving(reading: Reading, at: number): boolean {
  const word = reading.tokens[at]!.word;
  if (moveWords.has(word)) return !(reading.cues[at]?.includes("status") ?? false);
  return leaveWords.has(word) && reading.tokens[at + 2]?.word === "lugar";
}
