import type { Context } from "hono";
import { ASKER_HEADER, TICKET_HEADER } from "../../durable-objects/chat-session";
import { sameOrigin } from "../platform/http/csrf-protection";
import type { Identity } from "../platform/auth/identity";
import { isRevoked } from "../platform/auth/revocation";
import { readConfig } from "../platform/env/config";
import type { AppEnv } from "../platform/http/app-env";
import type { AppRouteHandler } from "../platform/http/router";
import { Problem } from "../platform/http/problem";
import { clientIp } from "../platform/http/client-ip";
import { traceparentOf } from "../platform/observability/trace";
import type { chat, chatCompat, socket, ticket } from "./chat.routes";
import type { Asker } from "./session";
import { issueTicket, verifyTicket } from "./tickets";
import { requireWebSocketUpgrade } from "../platform/http/websocket-upgrade";

/** A session belongs to its user: the object's name holds both, so a guessed session id opens nothing. */
function sessionOf(c: Context<AppEnv>, username: string, sessionId: string) {
  const namespace = c.env.CHAT_SESSION;
  return namespace.get(namespace.idFromName(`${username}\n${sessionId}`));
}

function askerOf(
  c: Context<AppEnv>,
  identity: Pick<Identity, "username" | "role" | "jti" | "iat" | "exp" | "defaultEngine" | "engineRoles">,
): Asker {
  return {
    username: identity.username,
    role: identity.role,
    ...(identity.defaultEngine ? { defaultEngine: identity.defaultEngine } : {}),
    ...(identity.engineRoles ? { engineRoles: identity.engineRoles } : {}),
    jti: identity.jti,
    iat: identity.iat,
    exp: identity.exp,
    ip: clientIp(c.req.raw.headers),
    correlationId: c.get("correlationId"),
    traceparent: traceparentOf(c.get("trace")),
  };
}

export const postChat: AppRouteHandler<typeof chat | typeof chatCompat> = async (c) => {
  const identity = c.get("identity")!;
  const { message, session_id } = c.req.valid("json");
  const sessionId = session_id ?? crypto.randomUUID();
  const answer = await sessionOf(c, identity.username, sessionId).ask(askerOf(c, identity), sessionId, message);
  return c.json(answer, 200);
};

export const postTicket: AppRouteHandler<typeof ticket> = async (c) => {
  const identity = c.get("identity")!;
  const body = (c.req.valid("json") as { session_id?: string } | undefined) ?? {};
  const sessionId = body.session_id ?? crypto.randomUUID();
  const issued = await issueTicket(readConfig(c.env), identity, sessionId);
  return c.json(
    { ticket: issued.ticket, session_id: sessionId, expires_at: new Date(issued.expiresAt * 1000).toISOString() },
    201,
  );
};

const unauthorized = (detail: string) => new Problem({ status: 401, kind: "unauthenticated", detail });

/**
 * The upgrade: a ticket, a Bearer header, or the session cookie from this origin (a cross-site page must not open
 * a socket with the operator's cookie). The socket itself lives in the session's ChatSession object.
 */
export const openSocket: AppRouteHandler<typeof socket> = async (c) => {
  const url = new URL(c.req.url);
  if (url.searchParams.has("access_token") || url.searchParams.has("token")) {
    throw new Problem({
      status: 400,
      kind: "token-in-url",
      detail: "Never put a token in a URL: use a ticket from POST /api/v1/chat/tickets or a header",
    });
  }
  requireWebSocketUpgrade(c);
  const query = c.req.valid("query");
  let asker: Asker;
  let sessionId: string;
  let redeem: string | undefined;
  if (query.ticket !== undefined) {
    const claims = await verifyTicket(readConfig(c.env), query.ticket);
    if (!claims) throw unauthorized("The ticket is invalid or expired");
    if (query.session_id !== undefined && query.session_id !== claims.sid)
      throw unauthorized("The ticket belongs to another session");
    if (
      await isRevoked(c.env.CACHE, {
        jti: claims.cred.jti,
        sub: claims.sub,
        iat: claims.cred.iat,
        exp: claims.cred.exp,
      })
    ) {
      throw unauthorized("The credential the ticket was issued for was revoked");
    }
    asker = askerOf(c, {
      username: claims.sub,
      role: claims.role,
      ...claims.cred,
      ...(claims.eng ? { defaultEngine: claims.eng } : {}),
      ...(claims.er ? { engineRoles: claims.er } : {}),
    });
    sessionId = claims.sid;
    redeem = `${claims.jti}.${claims.exp}`;
  } else {
    const identity = c.get("identity");
    if (!identity)
      throw unauthorized(
        c.get("credentialProblem") ?? "Authenticate with a Bearer header, the session cookie or a ticket",
      );
    if (identity.via === "cookie" && !sameOrigin(c)) {
      throw new Problem({
        status: 403,
        kind: "cross-origin",
        detail: "A WebSocket opened with the session cookie must come from this origin",
      });
    }
    asker = askerOf(c, identity);
    sessionId = query.session_id ?? crypto.randomUUID();
  }
  const headers = new Headers({ Upgrade: "websocket", [ASKER_HEADER]: JSON.stringify(asker) });
  if (redeem) headers.set(TICKET_HEADER, redeem);
  const target = new URL("https://chat-session/ws");
  target.searchParams.set("session_id", sessionId);
  const answer = await sessionOf(c, asker.username, sessionId).fetch(new Request(target, { headers }));
  if (answer.status === 401) throw unauthorized("The ticket was already used");
  if (!answer.webSocket)
    throw new Problem({ status: 500, kind: "internal-error", detail: "The chat session did not open a WebSocket" });
  // A new Response: the object's has immutable headers, and the middleware adds some on the way out.
  return new Response(null, { status: 101, webSocket: answer.webSocket }) as never;
};
