// A personal pronoun and no name: the message speaks of the job spoken of before ("how many times did it crash?",
// "quantas vezes ele caiu?", "did it fail?"). A failure word then asks that job's status, with its runs, not which
// jobs failed. A pronoun after "than" compares ("taking longer than it should"): it names nothing.

import type { Reading } from "./reading";

/** "it", "ele", "dele": one thing; "esse", "this" also open a time ("this week") or a kind ("esse stream"). */
const personalPronouns = new Set(["it", "ele", "ela", "dele", "dela", "nele", "nela"]);

const comparisons = new Set(["than", "que"]);

export function speaksOfTheJob(reading: Reading): boolean {
  return (
    reading.mentions.length === 0 &&
    reading.tokens.some(
      (token, i) => personalPronouns.has(token.word) && !comparisons.has(reading.tokens[i - 1]?.word ?? ""),
    )
  );
}
