import { EngineName } from "../engines/names";
import { createRoute, z } from "@hono/zod-openapi";
import { problemResponses } from "../platform/http/openapi";
import { requireRole } from "../platform/http/require-role";
import { eventKinds } from "./events";

const admin = requireRole("admin");

export const FailedDelivery = z
  .object({
    id: z.uuid(),
    subscription_id: z.string(),
    event_id: z.string(),
    event_kind: z.enum(eventKinds),
    event: z.record(z.string(), z.unknown()),
    attempts: z.number().int(),
    last_error: z.string().nullable(),
    created_at: z.string(),
    failed_at: z.string().nullable(),
  })
  .openapi("FailedDelivery");

export const failed = createRoute({
  method: "get",
  path: "/api/v1/notifications/failed",
  tags: ["notifications"],
  summary: "Dead letters: deliveries that failed for good (refused, or 10 tries), newest first (admin)",
  middleware: admin,
  request: {
    query: z.strictObject({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: z.string().max(512).optional(),
    }),
  },
  responses: {
    200: {
      description: "A page of dead letters",
      content: {
        "application/json": {
          schema: z
            .object({ items: z.array(FailedDelivery), next_cursor: z.string().nullable() })
            .openapi("FailedDeliveryPage"),
        },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

export const retry = createRoute({
  method: "post",
  path: "/api/v1/notifications/failed/{id}/retry",
  tags: ["notifications"],
  summary: "Tries a dead letter again, with 10 new tries (admin)",
  middleware: admin,
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }) },
  responses: {
    202: {
      description: "Queued again",
      content: {
        "application/json": {
          schema: z.object({ id: z.uuid(), status: z.literal("pending") }).openapi("RetriedDelivery"),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404, 503),
  },
});

export const watcher = createRoute({
  method: "get",
  path: "/api/v1/notifications/watcher",
  tags: ["notifications"],
  summary: "The plan watcher of an engine: running, its period, its last look (admin)",
  middleware: admin,
  request: {
    query: z.strictObject({
      engine: EngineName.optional().openapi({ description: "Whose watcher; default: the registry's default engine" }),
    }),
  },
  responses: {
    200: {
      description: "The watcher's state",
      content: {
        "application/json": {
          schema: z
            .object({
              engine: z.string().nullable(),
              running: z.boolean(),
              period_seconds: z.number().int(),
              next_look_at: z.string().nullable(),
              reachable: z.boolean(),
              open_failures: z.number().int(),
              followed_jobs: z.number().int(),
              unsent_events: z.number().int(),
              last_look: z
                .object({
                  at: z.string(),
                  ok: z.boolean(),
                  reason: z.string().optional(),
                  duration_ms: z.number().int(),
                  hwa_calls: z.number().int(),
                  jobs_read: z.number().int(),
                  events: z.number().int(),
                })
                .nullable(),
            })
            .openapi("PlanWatcherStatus"),
        },
      },
    },
    ...problemResponses(401, 403),
  },
});

export const socket = createRoute({
  method: "get",
  path: "/api/v1/notifications/ws",
  tags: ["notifications"],
  summary: "Notifications of your console subscriptions over a WebSocket",
  description:
    "Authenticated at the upgrade by `Authorization: Bearer` or by the session cookie from the same origin. Server " +
    'frames: `{"type": "info", "state": "connected"}`, then `{"type": "notification", id, subscription_id, event, ' +
    "title, text, language}`. The client sends nothing but an optional keepalive `ping` (answered `pong`). Closed " +
    "with 4401 when its credential expires or is revoked.",
  responses: {
    101: { description: "Switching to the WebSocket protocol" },
    ...problemResponses(401, 403, 426),
  },
});
