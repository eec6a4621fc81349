import { DurableObject } from "cloudflare:workers";
import type { ConsoleFrame } from "../src/notifications/console";
import { isRevoked } from "../src/platform/auth/revocation";
import type { Bindings } from "../src/platform/env/bindings";

/** Header by which the Worker hands the authenticated listener to `fetch` (the object is reachable only from the Worker). */
export const LISTENER_HEADER = "X-Resync-Console-Listener";
/** The credential expired or was revoked. */
const CLOSE_UNAUTHORIZED = 4401;

/** Who a socket belongs to: the credential it was opened with, which ends it when it expires or is revoked. */
export interface Listener {
  username: string;
  jti: string;
  iat: number;
  exp: number;
}

/**
 * One user's console sockets (Hibernation API: the object sleeps between notifications). A notification for the user
 * is sent to every socket open now; a socket whose credential expired or was revoked is closed instead. The
 * console's keepalive ("ping" → "pong") is answered without waking the object.
 */
export class ConsoleFeed extends DurableObject<Bindings> {
  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  override async fetch(request: Request): Promise<Response> {
    const listener = JSON.parse(request.headers.get(LISTENER_HEADER) ?? "null") as Listener | null;
    if (!listener) return new Response("missing listener", { status: 400 });
    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment(listener);
    server.send(JSON.stringify({ type: "info", state: "connected" } satisfies ConsoleFrame));
    await this.closeAtExpiry();
    return new Response(null, { status: 101, webSocket: client });
  }

  /** Sends a frame to each live socket; returns how many got it. */
  async deliver(frame: ConsoleFrame): Promise<number> {
    let sent = 0;
    for (const ws of this.ctx.getWebSockets()) {
      const listener = ws.deserializeAttachment() as Listener;
      if (
        listener.exp * 1000 <= Date.now() ||
        (await isRevoked(this.env.CACHE, { ...listener, sub: listener.username }))
      ) {
        ws.close(CLOSE_UNAUTHORIZED, "unauthorized");
        continue;
      }
      ws.send(JSON.stringify(frame));
      sent += 1;
    }
    return sent;
  }

  /** The console only listens: anything it sends but the keepalive is ignored. */
  override async webSocketMessage(): Promise<void> {}

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    // Completes the closing handshake; 1005/1006 may not be sent back.
    ws.close(code === 1005 || code === 1006 ? 1000 : code, "closed");
  }

  /** Closes the sockets whose credential expired, then waits for the next expiry. */
  override async alarm(): Promise<void> {
    for (const ws of this.ctx.getWebSockets()) {
      if ((ws.deserializeAttachment() as Listener).exp * 1000 <= Date.now()) ws.close(CLOSE_UNAUTHORIZED, "expired");
    }
    await this.closeAtExpiry();
  }

  /** Readiness: one round trip through this object's storage; returns Date.now(). */
  async ping(): Promise<number> {
    await this.ctx.storage.getAlarm();
    return Date.now();
  }

  private async closeAtExpiry(): Promise<void> {
    const now = Date.now();
    const expiries = this.ctx
      .getWebSockets()
      .map((ws) => (ws.deserializeAttachment() as Listener).exp * 1000)
      .filter((expiry) => expiry > now);
    if (expiries.length > 0) await this.ctx.storage.setAlarm(Math.min(...expiries));
  }
}
