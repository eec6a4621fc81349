import { Context } from "hono";
import type { Bindings } from "../platform/env/bindings";
import type { AppEnv } from "../platform/http/app-env";
import { createLogger, type LogLevel } from "../platform/observability/logger";
import { traceFrom } from "../platform/observability/trace";
import type { Asker } from "./session";

const LOG_LEVELS = new Set(["debug", "info", "warn", "error"]);

/**
 * A request context inside the ChatSession object for one message: the same Hono Context the API's handlers get,
 * so the chat reads HWA through the same cache and acts through the same audited, idempotent path.
 */
export function scopeFor(asker: Asker, env: Bindings, waitUntil: (promise: Promise<unknown>) => void): Context<AppEnv> {
  const request = new Request("https://resync.internal/api/v1/chat", {
    method: "POST",
    headers: {
      "CF-Connecting-IP": asker.ip,
      "X-Correlation-ID": asker.correlationId,
      ...(asker.traceparent ? { traceparent: asker.traceparent } : {}),
    },
  });
  const c = new Context<AppEnv>(request, { env, executionCtx: { waitUntil, passThroughOnException() {}, props: {} } });
  const trace = traceFrom(asker.traceparent);
  const level = (LOG_LEVELS.has(env.LOG_LEVEL ?? "") ? env.LOG_LEVEL : "info") as LogLevel;
  c.set("correlationId", asker.correlationId);
  c.set("trace", trace);
  c.set(
    "log",
    createLogger(level, { correlation_id: asker.correlationId, trace_id: trace.traceId, chat_user: asker.username }),
  );
  c.set("identity", {
    username: asker.username,
    role: asker.role,
    jti: asker.jti,
    iat: asker.iat,
    exp: asker.exp,
    via: "bearer",
  });
  return c;
}
