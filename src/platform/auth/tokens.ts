import { sign, verify } from "hono/jwt";
import { z } from "zod";
import type { Config } from "../env/config";
import { roles, type Role } from "../db/schema";

/** "access": the Bearer token of API clients; "session": the console's cookie. */
export type TokenKind = "access" | "session";

const ALGORITHM = "HS256";

const claimsSchema = z.object({
  sub: z.string().min(1),
  role: z.enum(roles),
  iat: z.number().int(),
  exp: z.number().int(),
  jti: z.string().min(16),
  iss: z.string(),
  aud: z.string(),
  typ: z.enum(["access", "session"]),
  csrf: z.string().optional(),
});

export type Claims = z.infer<typeof claimsSchema>;

export interface IssuedToken {
  token: string;
  claims: Claims;
}

function randomId(bytes = 16): string {
  const buffer = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...buffer)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Signs a token for `username`; sessions carry the nonce their CSRF token is derived from. */
export async function issueToken(
  config: Config,
  kind: TokenKind,
  user: { username: string; role: Role },
  now = Math.floor(Date.now() / 1000),
): Promise<IssuedToken> {
  const claims: Claims = {
    sub: user.username,
    role: user.role,
    iat: now,
    exp: now + config.JWT_TTL_SECONDS,
    jti: randomId(),
    iss: config.JWT_ISSUER,
    aud: config.JWT_AUDIENCE,
    typ: kind,
    ...(kind === "session" ? { csrf: randomId() } : {}),
  };
  return { token: await sign(claims, config.JWT_SECRET, ALGORITHM), claims };
}

/**
 * Verifies signature (HS256 only: `none` and other algorithms are refused), issuer, audience,
 * expiry, issued-at and kind; returns the claims or null.
 */
export async function verifyToken(config: Config, token: string, kind: TokenKind): Promise<Claims | null> {
  try {
    const payload = await verify(token, config.JWT_SECRET, { alg: ALGORITHM, iss: config.JWT_ISSUER, aud: config.JWT_AUDIENCE });
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success || claims.data.typ !== kind) return null;
    return claims.data;
  } catch {
    return null;
  }
}

/** A session with the same id and a new CSRF nonce: what rotation re-issues. */
export async function rotateSession(config: Config, claims: Claims): Promise<IssuedToken> {
  const rotated: Claims = { ...claims, csrf: randomId() };
  return { token: await sign(rotated, config.JWT_SECRET, ALGORITHM), claims: rotated };
}
