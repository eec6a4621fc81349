import { createRoute, z } from "@hono/zod-openapi";
import { problemResponses } from "../platform/http/openapi";

export const Liveness = z.object({ status: z.literal("ok") }).openapi("Liveness");

const Component = z
  .object({
    status: z.enum(["ok", "error", "not_configured"]),
    latency_ms: z.number().int(),
    critical: z.boolean(),
    detail: z.string().optional(),
  })
  .openapi("ComponentHealth");

export const Readiness = z
  .object({
    status: z.enum(["ok", "degraded", "unavailable"]),
    components: z.object({
      libsql: Component,
      kv: Component,
      durable_objects: Component.extend({ namespaces: z.record(z.string(), Component) }),
      hwa: Component,
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

export const ready = createRoute({
  method: "get",
  path: "/health/ready",
  tags: ["operations"],
  summary: "Readiness: libSQL (write and read), KV, every Durable Object namespace and HWA; 503 during maintenance",
  responses: {
    200: { description: "Ready (HWA may be degraded)", content: { "application/json": { schema: Readiness } } },
    503: {
      description: "A critical component failed, or maintenance mode is on (then no component is checked)",
      content: { "application/json": { schema: z.union([Readiness, UnderMaintenance]) } },
    },
    ...problemResponses(500),
  },
});
