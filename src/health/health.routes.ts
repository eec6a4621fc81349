import { createRoute, z } from "@hono/zod-openapi";
import { problemResponses } from "../platform/http/openapi";
import { limitPerAddress, readinessPolicy } from "../platform/http/rate-limit";

export const Liveness = z.object({ status: z.literal("ok") }).openapi("Liveness");

const Component = z
  .object({
    status: z.enum(["ok", "error", "not_configured"]),
    latency_ms: z.number().int(),
    critical: z.boolean(),
    detail: z.string().optional(),
  })
  .openapi("ComponentHealth");

const ReadinessStatus = z.enum(["ok", "degraded", "unavailable"]);

export const ReadinessSummary = z.object({ status: ReadinessStatus }).openapi("ReadinessSummary");

export const Readiness = z
  .object({
    status: ReadinessStatus,
    checked_at: z.string().openapi({ description: "When the checks started (ISO-8601); shared for up to 10 s" }),
    components: z.object({
      libsql: Component,
      kv: Component,
      durable_objects: Component.extend({ namespaces: z.record(z.string(), Component) }),
      hwa: Component.openapi({ description: "The default engine" }),
      engines: z
        .record(z.string(), Component)
        .openapi({ description: "Every enabled HWA engine by name, each through its own circuit breaker" }),
    }),
  })
  .openapi("Readiness");

export const UnderMaintenance = z
  .object({
    status: z.literal("maintenance"),
    message: z.string(),
    until: z.string().optional().openapi({ description: "When maintenance ends by itself (ISO-8601)" }),
  })
  .openapi("UnderMaintenance");

const liveness = {
  method: "get" as const,
  tags: ["operations"],
  summary: "Liveness: the Worker answers; touches nothing else",
  responses: { 200: { description: "Alive", content: { "application/json": { schema: Liveness } } } },
};

export const health = createRoute({ ...liveness, path: "/health" });
export const healthCompat = createRoute({
  ...liveness,
  path: "/api/health",
  description: "Compatibility path of /health.",
});

const answers = z.union([ReadinessSummary, Readiness]);

export const ready = createRoute({
  method: "get",
  path: "/health/ready",
  tags: ["operations"],
  summary: "Readiness: libSQL (write and read), KV, every Durable Object namespace and HWA; 503 during maintenance",
  description:
    "Checked at most once per 10 s per isolate, whoever asks. Anonymous callers get the status only; " +
    "`Authorization: Bearer $METRICS_TOKEN` or an admin also gets each component. 60 requests a minute per client address.",
  middleware: limitPerAddress(readinessPolicy),
  responses: {
    200: { description: "Ready (HWA may be degraded)", content: { "application/json": { schema: answers } } },
    503: {
      description: "A critical component failed, or maintenance mode is on (then no component is checked)",
      content: { "application/json": { schema: z.union([ReadinessSummary, Readiness, UnderMaintenance]) } },
    },
    ...problemResponses(429, 500),
  },
});
