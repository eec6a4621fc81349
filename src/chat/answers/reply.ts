import type { Intent, Language } from "../understanding/types";

/** One chat answer as API.md's chat response carries it (without correlation and session ids). */
export interface Reply {
  intent: Intent;
  language: Language;
  /** Plain text for the operator; never markup (the console renders it as text). */
  response: string;
  /** The structured facts the text states, for the console. */
  data?: Record<string, unknown>;
  /** Next questions the operator may ask, in the answer's language. */
  suggestions?: string[];
}
