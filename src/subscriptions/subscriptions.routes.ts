import { createRoute, z } from "@hono/zod-openapi";
import { eventKinds } from "../notifications/events";
import { problemResponses } from "../platform/http/openapi";
import { requireRole } from "../platform/http/require-role";
import { languages, Match, QuietHours, SubscriptionChange, SubscriptionInput, webhookFormats } from "./subscription";

const viewer = requireRole("viewer");

export const SubscriptionView = z
  .object({
    id: z.uuid(),
    shared: z.boolean(),
    owner: z.string().nullable(),
    events: z.array(z.enum(eventKinds)),
    match: Match,
    target: z.union([
      z.object({
        kind: z.literal("webhook"),
        url: z.string().openapi({ description: "Origin and first path segment only: the rest may be a credential" }),
        format: z.enum(webhookFormats),
      }),
      z.object({ kind: z.literal("console") }),
    ]),
    quiet_hours: QuietHours.nullable(),
    language: z.enum(languages),
    one_shot: z.boolean(),
    created_by: z.string(),
    created_at: z.string(),
  })
  .openapi("Subscription");

const Secret = z.string().openapi({
  description:
    "The webhook's signing secret, shown only here: `Resync-Signature: t=<unix seconds>,v1=<base64url HMAC-SHA256 of t, a line feed and the body>`",
});

const SubscriptionId = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });

export const list = createRoute({
  method: "get",
  path: "/api/v1/subscriptions",
  tags: ["subscriptions"],
  summary: "Your subscriptions (admins: also the shared ones)",
  middleware: viewer,
  responses: {
    200: {
      description: "Subscriptions, oldest first",
      content: {
        "application/json": { schema: z.object({ items: z.array(SubscriptionView) }).openapi("SubscriptionList") },
      },
    },
    ...problemResponses(401, 403),
  },
});

export const create = createRoute({
  method: "post",
  path: "/api/v1/subscriptions",
  tags: ["subscriptions"],
  summary: "Subscribe to plan events (a shared subscription: admin)",
  description:
    "Webhook URLs must be https:// and resolve to public addresses only (the local configuration also accepts " +
    "http://127.0.0.1). `job.succeeded` follows named jobs: `match.job` must be an exact name. A console target " +
    "sends frames to GET /api/v1/notifications/ws. At most 50 subscriptions per user (and 50 shared).",
  middleware: viewer,
  request: { body: { required: true, content: { "application/json": { schema: SubscriptionInput } } } },
  responses: {
    201: {
      description: "Created; a webhook's signing `secret` is shown this once",
      content: {
        "application/json": {
          schema: SubscriptionView.extend({ secret: Secret.optional() }).openapi("CreatedSubscription"),
        },
      },
    },
    ...problemResponses(400, 401, 403, 409, 503),
  },
});

export const show = createRoute({
  method: "get",
  path: "/api/v1/subscriptions/{id}",
  tags: ["subscriptions"],
  summary: "One of your subscriptions (never its secret)",
  middleware: viewer,
  request: { params: SubscriptionId },
  responses: {
    200: { description: "The subscription", content: { "application/json": { schema: SubscriptionView } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

export const change = createRoute({
  method: "patch",
  path: "/api/v1/subscriptions/{id}",
  tags: ["subscriptions"],
  summary: "Change a subscription's events, names, quiet hours or language (its target and secret stay)",
  middleware: viewer,
  request: {
    params: SubscriptionId,
    body: { required: true, content: { "application/json": { schema: SubscriptionChange } } },
  },
  responses: {
    200: { description: "The subscription as changed", content: { "application/json": { schema: SubscriptionView } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

export const remove = createRoute({
  method: "delete",
  path: "/api/v1/subscriptions/{id}",
  tags: ["subscriptions"],
  summary: "Unsubscribe (its pending deliveries and dead letters go with it)",
  middleware: viewer,
  request: { params: SubscriptionId },
  responses: { 204: { description: "Deleted" }, ...problemResponses(400, 401, 403, 404) },
});

export const rotate = createRoute({
  method: "post",
  path: "/api/v1/subscriptions/{id}/secret",
  tags: ["subscriptions"],
  summary: "A new signing secret for a webhook subscription; the old one stops at once",
  middleware: viewer,
  request: { params: SubscriptionId },
  responses: {
    200: {
      description: "The new secret, shown this once",
      content: {
        "application/json": { schema: z.object({ id: z.uuid(), secret: Secret }).openapi("SubscriptionSecret") },
      },
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});
