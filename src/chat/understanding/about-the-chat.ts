// Questions about the assistant itself: "o que dá pra perguntar aqui?", "que tipo de pergunta vc responde?", "what
// kind of questions can you answer?", "como vc funciona?", "what do you understand?", "como eu uso esse chat?". Help,
// when nothing in the message asks about the plan. So is "what do you do?", "vc faz oq exatamente?": doing, said of
// the assistant after it ("you do"), never "do you know…?".

import type { Cue } from "./lexicon";
import type { Reading } from "./reading";

/** Asking itself: enough alone ("o que posso perguntar?", "which questions?"). */
const askWords = new Set(["perguntar", "pergunto", "pergunta", "perguntas", "question", "questions", "ask", "asking"]);
/**
 * What the assistant does: only with "you" or "here" ("como vc funciona?", "what do you understand?"); so does a
 * closing "for" ("what is this chat for?").
 */
const doWords = new Set([
  "responder",
  "responde",
  "respondes",
  "answer",
  "answers",
  "entende",
  "entender",
  "entendes",
  "understand",
  "understands",
  "funciona",
  "funcionas",
  "work",
  "works",
  "serve",
  "serves",
  // Using it: "como eu uso esse chat?", "how do I use this bot?".
  "uso",
  "usa",
  "usar",
  "utilizo",
  "utilizar",
  "use",
  "using",
]);
/** Doing, only after "you" or "this chat" ("what exactly do you do?", "o que esse bot faz?", "vc faz oq?"). */
const doneWords = new Set(["faz", "fazes", "fazem", "do", "does"]);
const youWords = new Set([
  "vc",
  "voce",
  "tu",
  "ce",
  "you",
  "u",
  "aqui",
  "here",
  "chat",
  "bot",
  "assistente",
  "assistant",
]);
/** Cues that say nothing of the plan; any other cue makes the message a question about the plan. */
const neutral = new Set<Cue>(["filler", "article", "many", "pronoun", "help", "how_to", "preposition", "follow_up"]);

export function asksAboutTheChat(reading: Reading): boolean {
  if (reading.mentions.length > 0 || reading.period) return false;
  if (reading.cues.some((cues) => cues?.some((cue) => !neutral.has(cue)))) return false;
  const words = reading.tokens.map((token) => token.word);
  const you = words.findIndex((word) => youWords.has(word));
  return (
    words.some((word) => askWords.has(word)) ||
    ((words.some((word) => doWords.has(word)) || words.at(-1) === "for") && you >= 0) ||
    (you >= 0 && words.some((word, i) => i > you && doneWords.has(word)))
  );
}
