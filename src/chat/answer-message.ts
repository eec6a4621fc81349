import type { Bindings } from "../platform/env/bindings";
import { metrics } from "../platform/observability/metrics";
import { backgroundScope } from "../platform/scope/scope";
import { converse, type SessionAccess } from "./conversation";
import { nameKeyOf } from "../engines/names";
import { chatEngineOf, sayEngine } from "./engine-choice";
import type { Asker, Turn } from "./session";
import type { ConversationContext } from "./understanding/types";

/** API.md's chat answer. */
export interface ChatAnswer {
  response: string;
  correlation_id: string;
  session_id: string;
  intent: string;
  data?: Record<string, unknown>;
  suggestions?: string[];
}

const answered = metrics.counter("resync_chat_messages_total", "Chat messages answered, by intent and language.");

/** Stored per turn: enough to read the conversation back, bounded. */
const MAX_TURN_CHARS = 2_000;

/** One message of one session, answered in the ChatSession object that holds the session. */
export async function answerMessage(
  where: { asker: Asker; env: Bindings; waitUntil: (promise: Promise<unknown>) => void; sessionId: string },
  session: SessionAccess & { pendingEngine?: string },
  message: string,
): Promise<{ reply: ChatAnswer; context: ConversationContext; turns: Turn[] }> {
  const { asker: who } = where;
  const base = backgroundScope({
    env: where.env,
    waitUntil: where.waitUntil,
    actor: { username: who.username, role: who.role },
    ip: who.ip,
    correlationId: who.correlationId,
    ...(who.traceparent ? { traceparent: who.traceparent } : {}),
    logFields: { chat_user: who.username },
  });
  const now = new Date();
  const { engine, scope, asker, message: understood } = await chatEngineOf(base, who, session, message);
  let proposed = false;
  // An action proposed now remembers its engine, so "sim" acts there and nowhere else: a message answered on another
  // engine ("sim no PROD" after a proposal on HML) finds nothing to confirm or decline, and the proposal keeps waiting.
  const pendingElsewhere =
    session.pendingEngine !== undefined && nameKeyOf(session.pendingEngine) !== nameKeyOf(engine.name);
  const onEngine: SessionAccess = {
    context: session.context,
    takePending: () => (pendingElsewhere ? undefined : session.takePending()),
    setPending: (pending) => {
      proposed ||= pending !== undefined;
      session.setPending(pending && { ...pending, engine: engine.name });
    },
  };
  const conversed = await converse(scope, asker, onEngine, understood, now, where.sessionId);
  const reply = sayEngine(conversed.reply, engine, proposed);
  const context = engine.sole ? conversed.context : { ...conversed.context, engine: engine.name };
  answered.inc({ intent: reply.intent, language: reply.language });
  const at = now.toISOString();
  return {
    reply: {
      response: reply.response,
      correlation_id: where.asker.correlationId,
      session_id: where.sessionId,
      intent: reply.intent,
      data: { ...reply.data, language: reply.language },
      ...(reply.suggestions?.length ? { suggestions: reply.suggestions } : {}),
    },
    context,
    turns: [
      { from: "operator", text: message.slice(0, MAX_TURN_CHARS), at },
      { from: "assistant", text: reply.response.slice(0, MAX_TURN_CHARS), intent: reply.intent, at },
    ],
  };
}
