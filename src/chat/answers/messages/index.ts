import type { Language } from "../../understanding/types";
import { en } from "./en";
import type { Messages } from "./messages";
import { pt } from "./pt";

export type * from "./messages";

const catalogues: Record<Language, Messages> = { pt, en };

/** The sentences of one language. */
export function messagesFor(language: Language): Messages {
  return catalogues[language];
}
