// What the chat understood from one operator message: deterministic, no network.

export type Language = "pt" | "en";

export const intents = [
  "job_status",
  "job_log",
  "failed_jobs",
  "jobstream_status",
  "workstation_status",
  "job_dependencies",
  "running_now",
  "job_action",
  "help",
  "unknown",
] as const;
export type Intent = (typeof intents)[number];

/**
 * What an operator may ask the chat to do. `confirm` and `decline` answer a pending confirmation
 * ("sim", "confirmo", "yes, go ahead" / "não", "cancel that", "no").
 */
export const chatActions = ["hold", "release", "rerun", "cancel", "kill", "confirm", "decline"] as const;
export type ChatAction = (typeof chatActions)[number];

export interface Entities {
  /** A job name as the operator wrote it, upper-cased (`payrol_calc` → `PAYROL_CALC`); resolved later against the plan. */
  job?: string;
  job_stream?: string;
  workstation?: string;
  action?: ChatAction;
  /** The start of the period asked about, as an ISO 8601 instant ("desde as 6h", "in the last 2 hours", "hoje", "yesterday"). */
  since?: string;
  /** The end of the period when the operator bounded it ("ontem", "yesterday's abends": today 00:00); else now. */
  until?: string;
  /**
   * What the question is after, beyond its intent: what blocks ("tá travado?"), what is late ("atrasado"), what
   * waits on a job ("quem vem depois do X?"), or which jobs wait for an agent ("tem job esperando agente?").
   */
  focus?: "blocking" | "late" | "successors" | "agent";
}

/** The assistant asked which of several objects was meant: the question (or action) waits for the choice. */
export interface Choice {
  intent: Intent;
  action?: ChatAction;
  kind: "job" | "job_stream" | "workstation";
  candidates: { name: string; job_stream?: string | null }[];
}

/** The conversation so far, as far as follow-ups need it ("e o log?", "rerun it", "e no stream DAILY?"). */
export interface ConversationContext {
  intent?: Intent;
  entities?: Entities;
  language?: Language;
  /** The last answer asked "qual deles?": "o do PAYROLL", "the second one" answer it. */
  choice?: Choice;
  /** The engine the conversation is on (its follow-ups stay there). */
  engine?: string;
}

/** Names in the current plan; they help find a name the operator wrote in lower case or without underscores. */
export interface Vocabulary {
  jobs?: readonly string[];
  jobStreams?: readonly string[];
  workstations?: readonly string[];
}

export interface UnderstandOptions {
  /** "Now", for relative times. */
  now: Date;
  /** IANA zone of the operator's clock for "desde as 6h", "hoje"; default UTC. */
  timeZone?: string;
  context?: ConversationContext;
  vocabulary?: Vocabulary;
}

export interface Understanding {
  intent: Intent;
  language: Language;
  entities: Entities;
  /** True when an entity or the intent came from the context rather than from this message. */
  followUp: boolean;
}

/** A written name against the plan's names. */
export type NameMatch =
  | { kind: "exact"; name: string }
  /** One name close enough to be what was meant (a typo). */
  | { kind: "close"; name: string }
  /** Several plausible names, best first: ask which. */
  | { kind: "ambiguous"; candidates: string[] }
  | { kind: "none"; suggestions: string[] };
