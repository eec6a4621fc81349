import { sign, verify } from "hono/jwt";
import { LRUCache } from "lru-cache";
import { z } from "zod";
import type { Config } from "../env/config";
import { engineRoles, roles, type EngineRole, type Role } from "../db/schema";

/** "access": the Bearer token of API clients; "session": the console's cookie. */
export type TokenKind = "access" | "session";

const ALGORITHM = "HS256";

const claimsSchema = z.object({
  sub: z.string().min(1),
  role: z.enum(roles),
  /** Seconds since the epoch with millisecond precision (a NumericDate may be fractional, RFC 7519 §2). */
  iat: z.number().nonnegative(),
  exp: z.number().int(),
  jti: z.string().min(16),
  iss: z.string(),
  aud: z.string(),
  typ: z.enum(["access", "session"]),
  csrf: z.string().optional(),
  /** The user's own default engine, when they have one. */
  eng: z.string().max(32).optional(),
  /** Per-engine roles (by the engine's name in lower case) that replace `role` on that engine's HWA routes. */
  er: z.record(z.string().max(32), z.enum(engineRoles)).optional(),
});

export type Claims = z.infer<typeof claimsSchema>;

export interface IssuedToken {
  token: string;
  claims: Claims;
}

function randomId(bytes = 16): string {
  const buffer = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...buffer))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/**
 * Signs a token for `username`; sessions carry the nonce their CSRF token is derived from. `iat` keeps milliseconds,
 * so revoking a user's tokens refuses exactly those issued up to that moment (see revocation.ts).
 */
export async function issueToken(
  config: Config,
  kind: TokenKind,
  user: {
    username: string;
    role: Role;
    defaultEngine?: string | null;
    engineRoles?: Readonly<Record<string, EngineRole>> | null;
  },
  nowMs = Date.now(),
): Promise<IssuedToken> {
  const claims: Claims = {
    sub: user.username,
    role: user.role,
    iat: nowMs / 1000,
    exp: Math.floor(nowMs / 1000) + config.JWT_TTL_SECONDS,
    jti: randomId(),
    iss: config.JWT_ISSUER,
    aud: config.JWT_AUDIENCE,
    typ: kind,
    ...(kind === "session" ? { csrf: randomId() } : {}),
    ...(user.defaultEngine ? { eng: user.defaultEngine } : {}),
    ...(user.engineRoles && Object.keys(user.engineRoles).length > 0 ? { er: { ...user.engineRoles } } : {}),
  };
  return { token: await sign(claims, config.JWT_SECRET, ALGORITHM), claims };
}

/** Tokens verified in this isolate, at most; each is forgotten at its expiry, or sooner when the bound is reached. */
const MAX_VERIFIED_TOKENS = 10_000;

/**
 * Claims of tokens this isolate has verified, per configuration (secret, issuer, audience), keyed by the token's
 * exact text — whose last part is its HMAC-SHA-256 — so no other token can match and no digest is computed per
 * request. A verification that succeeded stays true until `exp` (issued-at and not-before only move into the past),
 * so a hit returns the same answer `verify` would, without the HMAC; a failure is never remembered.
 */
const verifiedTokens = new WeakMap<Config, LRUCache<string, Readonly<Claims>>>();

function verifiedOf(config: Config): LRUCache<string, Readonly<Claims>> {
  let verified = verifiedTokens.get(config);
  if (!verified) {
    // No timers (ttlAutopurge off): an entry's expiry is checked when it is read.
    verified = new LRUCache<string, Readonly<Claims>>({ max: MAX_VERIFIED_TOKENS, ttlAutopurge: false });
    verifiedTokens.set(config, verified);
  }
  return verified;
}

/**
 * Verifies signature (HS256 only: `none` and other algorithms are refused), issuer, audience,
 * expiry, issued-at and kind; returns the claims or null. Revocation is the caller's to check, on every request.
 */
export async function verifyToken(config: Config, token: string, kind: TokenKind): Promise<Claims | null> {
  const verified = verifiedOf(config);
  const now = Math.floor(Date.now() / 1000);
  const known = verified.get(token);
  if (known) return known.exp > now && known.typ === kind ? known : null;
  try {
    // hono compares `iat` with whole seconds; ours has milliseconds, so it is checked here on the same clock.
    const payload = await verify(token, config.JWT_SECRET, {
      alg: ALGORITHM,
      iss: config.JWT_ISSUER,
      aud: config.JWT_AUDIENCE,
      iat: false,
    });
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success || claims.data.iat > Date.now() / 1000) return null;
    const kept = Object.freeze(claims.data);
    verified.set(token, kept, { ttl: Math.max(1, kept.exp * 1000 - Date.now()) });
    return kept.typ === kind ? kept : null;
  } catch {
    return null;
  }
}

/**
 * The same session under a new id and a new CSRF nonce: what rotation re-issues. The caller revokes the old id, so a
 * captured cookie and token stop working together.
 */
export async function rotateSession(config: Config, claims: Claims): Promise<IssuedToken> {
  const rotated: Claims = { ...claims, jti: randomId(), csrf: randomId() };
  return { token: await sign(rotated, config.JWT_SECRET, ALGORITHM), claims: rotated };
}
