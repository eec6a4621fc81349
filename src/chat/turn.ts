import type { Scope } from "../platform/scope/scope";
import type { AnswerOptions } from "./answers/format";
import type { Reply } from "./answers/reply";
import type { PendingSlot } from "./chat-actions";
import type { EngineClock } from "./engine-clock";
import type { Facts } from "./facts";
import type { Asker } from "./session";
import type { Choice, ConversationContext, Entities, Language, Understanding } from "./understanding/types";

// One message being answered: what was understood, who asks, the session, the facts at hand and the engine's clock.
// Each intent has one handler that takes a Turn.

/** What the conversation needs from its session: the context of follow-ups and the action waiting for "sim". */
export interface SessionAccess extends PendingSlot {
  context: ConversationContext;
}

export interface Turn {
  readonly scope: Scope;
  readonly asker: Asker;
  readonly sessionId: string;
  readonly session: SessionAccess;
  readonly understood: Understanding;
  readonly facts: Facts;
  readonly clock: EngineClock;
  readonly language: Language;
  /** When the message arrived on the Worker's clock: the session's own times (a confirmation's 2 minutes). */
  readonly receivedAt: Date;
}

export interface TurnAnswer {
  reply: Reply;
  /** What the answer was about, by the plan's names: what follow-ups refer to. */
  resolved?: Entities;
  /** The answer asked which of several objects; the next message may pick one. */
  choice?: Choice;
}

export type IntentHandler = (turn: Turn) => Promise<TurnAnswer>;

/** The options of every answer of a turn: its language, the engine's clock, the stale note when HWA failed. */
export function optionsOf(turn: Turn): AnswerOptions {
  const base: AnswerOptions = { language: turn.language, now: turn.clock.now, timeZone: turn.clock.timeZone };
  const stale = turn.facts.freshness.staleSeconds;
  return stale === undefined ? base : { ...base, stale: { ageSeconds: stale } };
}
