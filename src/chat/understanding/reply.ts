// A whole message that answers a proposed action: "sim", "yes please", "pode fazer", "não", "cancela isso",
// "never mind"; a refusal may say how to leave the job ("não, deixa rodando", "no, leave it running", "keep it on
// hold").

import type { Cue } from "./lexicon";
import type { Reading } from "./reading";

/** Words a reply to "confirm?" may hold besides yes or no ("sim, pode fazer por favor", "no thanks"). */
const replyWords = new Set<Cue>(["confirm", "decline", "filler", "article", "pronoun", "negation"]);
/** After a refusal, the state the job is left in: "deixa rodando", "leave it on hold", "let it finish". */
const leftAs = new Set<Cue>(["running", "start", "status", "on_hold"]);

export function replyOf(reading: Reading): "confirm" | "decline" | undefined {
  if (reading.mentions.length > 0 || reading.period || reading.tokens.length === 0) return undefined;
  let answer: "confirm" | "decline" | undefined;
  for (const [i, token] of reading.tokens.entries()) {
    const cues = reading.cues[i];
    if (token.word === "no" && (i === 0 || answer === undefined)) {
      answer ??= "decline";
      continue;
    }
    const allowed = (cue: Cue) => replyWords.has(cue) || (answer === "decline" && leftAs.has(cue));
    if (!cues?.some(allowed)) return undefined;
    if (answer === undefined && cues.includes("confirm")) answer = "confirm";
    else if (answer === undefined && cues.includes("decline")) answer = "decline";
  }
  return answer;
}
