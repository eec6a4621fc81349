// Which jobs need a job: "quais jobs precisam do X?", "quem precisa dele?", "which jobs need X?", "what requires
// X?". The jobs that wait on X, its successors. "o que o X precisa?", "I need X's log" are not this: the need word
// must have a job or a question word for its subject and the job (or a pronoun for it) for its object.

import type { Reading } from "./reading";

const needVerbs = new Set(["precisa", "precisam", "need", "needs", "require", "requires", "requerem", "requer"]);
/** Subjects of such a verb that ask which jobs ("quais jobs", "quem", "what", "which ones"). */
const askingSubjects = new Set(["jobs", "job", "quem", "que", "oq", "what", "which", "who", "ones"]);
/** Words between the verb and the job ("precisam do X", "need the X job"). */
const links = new Set(["de", "do", "da", "o", "a", "the"]);

export function asksWhatNeeds(reading: Reading): boolean {
  const { tokens, cues, mentions } = reading;
  return tokens.some((token, i) => {
    if (!needVerbs.has(token.word) || !askingSubjects.has(tokens[i - 1]?.word ?? "")) return false;
    let object = i + 1;
    while (object < tokens.length && links.has(tokens[object]!.word)) object++;
    return mentions.some((mention) => mention.at === object) || (cues[object]?.includes("pronoun") ?? false);
  });
}
