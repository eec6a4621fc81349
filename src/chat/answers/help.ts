import type { Intent, Language } from "../understanding/types";
import { composeReply, type ReplyWith } from "./compose";
import type { AnswerOptions } from "./format";
import { messagesFor } from "./messages";

// What the chat can be asked, with one example per intent; the same examples when a message was not understood.

const exampleLines = (language: Language) =>
  messagesFor(language).help.examples.map((entry) => `- ${entry.example}${entry.note ? ` (${entry.note})` : ""}`);

export type HelpData = { examples: { intent: Intent; example: string }[] };
const exampleData = (language: Language) =>
  messagesFor(language).help.examples.map(({ intent, example }) => ({ intent, example }));

function examplesReply(intent: "help" | "unknown", head: string, options: AnswerOptions): ReplyWith<HelpData> {
  const { language } = options;
  return composeReply(intent, options, [head, ...exampleLines(language)], { examples: exampleData(language) }, [
    ...messagesFor(language).help.suggested,
  ]);
}

/** What the operator can ask, with examples. */
export function answerHelp(options: AnswerOptions): ReplyWith<HelpData> {
  return examplesReply("help", messagesFor(options.language).help.head, options);
}

/** A message that was not understood (or not about HWA): say so and show what works; never guess. */
export function answerUnknown(options: AnswerOptions): ReplyWith<HelpData> {
  return examplesReply("unknown", messagesFor(options.language).help.notUnderstood, options);
}
