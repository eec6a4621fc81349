import { sign, verify } from "hono/jwt";
import { z } from "zod";
import type { Identity } from "../platform/auth/identity";
import { engineRoles, roles } from "../platform/db/schema";
import type { Config } from "../platform/env/config";

// A WebSocket ticket: browsers cannot send headers on an upgrade, and a token never goes in a URL. The ticket is
// short-lived, single use (its ChatSession redeems it once), bound to one session, and cannot serve as a token:
// its audience is its own.

export const TICKET_TTL_SECONDS = 30;
const AUDIENCE = "resync-chat-ticket";

const ticketClaims = z.object({
  sub: z.string().min(1),
  role: z.enum(roles),
  sid: z.uuid(),
  jti: z.string().min(16),
  exp: z.number().int(),
  /** The credential the ticket was asked with: its revocation and expiry end the WebSocket too. */
  cred: z.object({ jti: z.string(), iat: z.number().nonnegative(), exp: z.number().int() }),
  /** The user's own default engine and roles per engine, as their token carries them (`eng`, `er`). */
  eng: z.string().max(32).optional(),
  er: z.record(z.string().max(32), z.enum(engineRoles)).optional(),
});
export type TicketClaims = z.infer<typeof ticketClaims>;

export async function issueTicket(
  config: Config,
  identity: Identity,
  sessionId: string,
  now = Math.floor(Date.now() / 1000),
) {
  const claims: TicketClaims & { iss: string; aud: string; iat: number } = {
    sub: identity.username,
    role: identity.role,
    sid: sessionId,
    jti: crypto.randomUUID(),
    iat: now,
    exp: Math.min(now + TICKET_TTL_SECONDS, identity.exp),
    iss: config.JWT_ISSUER,
    aud: AUDIENCE,
    cred: { jti: identity.jti, iat: identity.iat, exp: identity.exp },
    ...(identity.defaultEngine ? { eng: identity.defaultEngine } : {}),
    ...(identity.engineRoles ? { er: { ...identity.engineRoles } } : {}),
  };
  return { ticket: await sign(claims, config.JWT_SECRET, "HS256"), expiresAt: claims.exp };
}

/** The ticket's claims when its signature, issuer, audience and expiry hold; else null. */
export async function verifyTicket(config: Config, ticket: string): Promise<TicketClaims | null> {
  try {
    const payload = await verify(ticket, config.JWT_SECRET, { alg: "HS256", iss: config.JWT_ISSUER, aud: AUDIENCE });
    const claims = ticketClaims.safeParse(payload);
    return claims.success ? claims.data : null;
  } catch {
    return null;
  }
}
