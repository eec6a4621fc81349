import type { Context } from "hono";
import { Problem } from "./problem";

/** A WebSocket endpoint answers 426 with `Upgrade: websocket` to anything but an upgrade request. */
export function requireWebSocketUpgrade(c: Context): void {
  if (c.req.header("Upgrade")?.toLowerCase() === "websocket") return;
  throw new Problem({
    status: 426,
    kind: "upgrade-required",
    detail: "This endpoint speaks WebSocket only",
    headers: { Upgrade: "websocket" },
  });
}
