// A personal pronoun and no name: the message speaks of the job spoken of before ("how many times did it crash?",
// "quantas vezes ele caiu?", "did it fail?"). A failure word then asks that job's status, with its runs, not which
// jobs failed.

import type { Reading } from "./reading";

/** "it", "ele", "dele": one thing; "esse", "this" also open a time ("this week") or a kind ("esse stream"). */
const personalPronouns = new Set(["it", "ele", "ela", "dele", "dela", "nele", "nela"]);

export function speaksOfTheJob(reading: Reading): boolean {
  return reading.mentions.length === 0 && reading.tokens.some((token) => personalPronouns.has(token.word));
}
