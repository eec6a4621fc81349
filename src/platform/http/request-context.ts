import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env";
import { createLogger, logLevelOf } from "../observability/logger";
import { httpDuration, httpRequests } from "../observability/metrics";
import { traceFrom } from "../observability/trace";

const CORRELATION_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's correlation id when it is well formed, else a new UUID. */
export function correlationIdFrom(header: string | undefined): string {
  return header !== undefined && CORRELATION_ID.test(header) ? header : crypto.randomUUID();
}

/** The route pattern a request matched, for metrics and logs; unmatched paths share one label. */
function routeOf(routePath: string | undefined, status: number): string {
  if (!routePath || routePath === "/*" || routePath === "*")
    return status === 404 || status === 405 ? "unmatched" : "middleware";
  return routePath;
}

/**
 * First middleware of every request: correlation id, trace context, logger, timer;
 * one structured log line and the request metrics when the response is ready.
 */
export function requestContext(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const startedWall = Date.now();
    const correlationId = correlationIdFrom(c.req.header("X-Correlation-ID"));
    const trace = traceFrom(c.req.header("traceparent"));
    const level = logLevelOf(c.env);
    const log = createLogger(level, { correlation_id: correlationId, trace_id: trace.traceId });
    c.set("correlationId", correlationId);
    c.set("trace", trace);
    c.set("log", log);

    await next();

    c.res.headers.set("X-Correlation-ID", correlationId);
    const status = c.res.status;
    const route = routeOf(c.req.routePath, status);
    // performance.now() only advances across I/O in Workers; the wall clock covers the rest.
    const seconds = Math.max(performance.now() - started, Date.now() - startedWall) / 1000;
    // The engine an HWA-backed route answered from (32 engines at most: a bounded label); none for the others.
    const engine = c.get("scope")?.engine?.name;
    const labels = { method: c.req.method, route, status: String(status), ...(engine ? { engine } : {}) };
    httpRequests.inc(labels);
    httpDuration.observe(labels, seconds);
    if (log.enabled("info")) {
      log.info("request", {
        method: c.req.method,
        route,
        path: new URL(c.req.url).pathname,
        status,
        duration_ms: Math.round(seconds * 1000),
      });
    }
  };
}
