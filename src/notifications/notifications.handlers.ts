import { LISTENER_HEADER, type Listener } from "../../durable-objects/console-feed";
import { resolveEngine } from "../engines/registry";
import { audit, auditOutcome } from "../platform/audit/writer";
import { database } from "../platform/db/client";
import { sameOrigin } from "../platform/http/csrf-protection";
import { decodeOffset, encodeCursor } from "../platform/http/cursor";
import { Problem } from "../platform/http/problem";
import type { AppRouteHandler } from "../platform/http/router";
import { scopeOf } from "../platform/http/scope";
import { consoleFeed } from "./console";
import { failedDeliveries, reviveDelivery, settleDelivery } from "./deliveries";
import type { NotificationEvent } from "./events";
import { sendNotify } from "./messages";
import type { failed, retry, socket, watcher } from "./notifications.routes";
import { planWatcher } from "./watcher";
import { requireWebSocketUpgrade } from "../platform/http/websocket-upgrade";

export const listFailedHandler: AppRouteHandler<typeof failed> = async (c) => {
  const { limit, cursor } = c.req.valid("query");
  const scope = scopeOf(c);
  const offset = await decodeOffset(scope.config, cursor, "failed-deliveries");
  const rows = await failedDeliveries(await database(scope.config), limit + 1, offset);
  const page = rows.slice(0, limit);
  return c.json(
    {
      items: page.map((row) => ({
        id: row.id,
        subscription_id: row.subscriptionId,
        event_id: row.eventId,
        event_kind: (row.event as NotificationEvent).kind,
        event: row.event as Record<string, unknown>,
        attempts: row.attempts,
        last_error: row.lastError,
        created_at: row.createdAt.toISOString(),
        failed_at: row.finishedAt?.toISOString() ?? null,
      })),
      next_cursor: rows.length > limit ? await encodeCursor(scope.config, offset + limit, "failed-deliveries") : null,
    },
    200,
  );
};

export const retryFailedHandler: AppRouteHandler<typeof retry> = async (c) => {
  const { id } = c.req.valid("param");
  const scope = scopeOf(c);
  const event = { action: "notification.retry", target: `delivery:${id}` };
  await audit(scope, { ...event, outcome: "attempt" });
  const db = await database(scope.config);
  const revived = await reviveDelivery(db, id);
  if (!revived) {
    await auditOutcome(scope, { ...event, outcome: "failure", metadata: { reason: "not a dead letter" } });
    throw new Problem({ status: 404, kind: "delivery-not-found", detail: `No failed delivery ${id}` });
  }
  try {
    await sendNotify(c.env, [{ kind: "delivery", delivery_id: id }]);
  } catch {
    await settleDelivery(db, id, "failed", "the retry could not be queued", Date.now());
    await auditOutcome(scope, { ...event, outcome: "failure", metadata: { reason: "queue unavailable" } });
    throw new Problem({
      status: 503,
      kind: "queue-unavailable",
      detail: "The retry could not be queued; try again shortly",
      headers: { "Retry-After": "5" },
    });
  }
  await auditOutcome(scope, { ...event, outcome: "success" });
  return c.json({ id, status: "pending" as const }, 202);
};

export const watcherHandler: AppRouteHandler<typeof watcher> = async (c) => {
  const engine = await resolveEngine(scopeOf(c), c.req.valid("query").engine);
  return c.json(await planWatcher(c.env, engine.name).status(), 200);
};

/** The upgrade: a Bearer header, or the session cookie from this origin; the socket lives in the user's ConsoleFeed. */
export const openSocket: AppRouteHandler<typeof socket> = async (c) => {
  requireWebSocketUpgrade(c);
  const identity = c.get("identity");
  if (!identity)
    throw new Problem({
      status: 401,
      kind: "unauthenticated",
      detail: c.get("credentialProblem") ?? "Authenticate with a Bearer header or the session cookie",
    });
  if (identity.via === "cookie" && !sameOrigin(c)) {
    throw new Problem({
      status: 403,
      kind: "cross-origin",
      detail: "A WebSocket opened with the session cookie must come from this origin",
    });
  }
  const listener: Listener = { username: identity.username, jti: identity.jti, iat: identity.iat, exp: identity.exp };
  const answer = await consoleFeed(c.env, identity.username).fetch(
    new Request("https://console-feed/ws", {
      headers: { Upgrade: "websocket", [LISTENER_HEADER]: JSON.stringify(listener) },
    }),
  );
  if (!answer.webSocket)
    throw new Problem({ status: 500, kind: "internal-error", detail: "The console feed did not open a WebSocket" });
  // A new Response: the object's has immutable headers, and the middleware adds some on the way out.
  return new Response(null, { status: 101, webSocket: answer.webSocket }) as never;
};
