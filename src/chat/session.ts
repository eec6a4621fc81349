import type { EngineRole, Role } from "../platform/db/schema";
import type { ChatAction, ConversationContext, Intent, Language } from "./understanding/types";

// What a chat session remembers between messages, and for how long.

/** Messages kept per session (each question and each answer counts one). */
export const HISTORY_LIMIT = 40;
/** A session nobody writes to for this long is forgotten. */
export const SESSION_IDLE_MS = 30 * 60_000;
/** A proposed action executes only when confirmed within this time. */
export const CONFIRMATION_TTL_MS = 2 * 60_000;
/** A WebSocket that sends nothing for this long is closed. */
export const SOCKET_IDLE_MS = 10 * 60_000;

export interface Turn {
  from: "operator" | "assistant";
  text: string;
  intent?: Intent;
  at: string;
}

/** An action the assistant described and now waits to hear "sim"/"yes" for; its token is the Idempotency-Key. */
export interface PendingAction {
  token: string;
  /** A job action, or "notify": a one-shot notification of the job's end (src/subscriptions/chat-request.ts). */
  action: Exclude<ChatAction, "confirm" | "decline"> | "notify";
  jobId: string;
  jobName: string;
  jobStream: string | null;
  runId: string | null;
  /** The engine the action was proposed on: "sim" acts there. */
  engine?: string;
  expiresAt: number;
}

export interface SessionState {
  context: ConversationContext;
  history: Turn[];
  pending?: PendingAction;
}

/** Who is asking, as the Worker authenticated them; crosses into the ChatSession object as plain data. */
export interface Asker {
  username: string;
  role: Role;
  /** The credential's id and expiry: the session stops answering when it is revoked or expired. */
  jti: string;
  iat: number;
  exp: number;
  ip: string;
  correlationId: string;
  traceparent?: string;
  language?: Language;
  /** The engine the user's questions go to when they name none. */
  defaultEngine?: string;
  /** Roles per engine (name in lower case) replacing `role` there. */
  engineRoles?: Readonly<Record<string, EngineRole>>;
}

export function emptySession(): SessionState {
  return { context: {}, history: [] };
}

/** Appends turns, keeping the newest `HISTORY_LIMIT`. */
export function remember(history: readonly Turn[], ...turns: Turn[]): Turn[] {
  return [...history, ...turns].slice(-HISTORY_LIMIT);
}
