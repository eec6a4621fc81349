import type { Bindings } from "../platform/env/bindings";
import { metrics } from "../platform/observability/metrics";
import { backgroundScope } from "../platform/scope/scope";
import { converse, type SessionAccess } from "./conversation";
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
  session: SessionAccess,
  message: string,
): Promise<{ reply: ChatAnswer; context: ConversationContext; turns: Turn[] }> {
  const { asker } = where;
  const scope = backgroundScope({
    env: where.env,
    waitUntil: where.waitUntil,
    actor: { username: asker.username, role: asker.role },
    ip: asker.ip,
    correlationId: asker.correlationId,
    ...(asker.traceparent ? { traceparent: asker.traceparent } : {}),
    logFields: { chat_user: asker.username },
  });
  const now = new Date();
  const { reply, context } = await converse(scope, asker, session, message, now, where.sessionId);
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
