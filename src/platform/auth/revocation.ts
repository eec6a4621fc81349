import { LRUCache } from "lru-cache";

/** How long this isolate trusts a "not revoked" answer before asking KV again. */
const NOT_REVOKED_TTL_MS = 5_000;
/** KV's minimum expiration TTL. */
const KV_MIN_TTL_S = 60;

// Bounded per-isolate memory of KV answers, one per token (by `jti`): a request does not pay a KV read for every call.
// `sub` is kept so that revoking a user's tokens can forget the answers about them.
const answers = new LRUCache<string, { revoked: boolean; sub: string }>({ max: 10_000, ttlAutopurge: false });

const revokedKey = (jti: string) => `auth:revoked:${jti}`;
const validAfterKey = (username: string) => `auth:valid-after:${username}`;

/** Refuses one token (by its `jti`) until it would have expired, in every isolate. */
export async function revokeToken(kv: KVNamespace, token: { jti: string; sub: string; exp: number }): Promise<void> {
  const ttl = Math.max(KV_MIN_TTL_S, token.exp - Math.floor(Date.now() / 1000));
  answers.set(token.jti, { revoked: true, sub: token.sub }, { ttl: ttl * 1000 });
  await kv.put(revokedKey(token.jti), "1", { expirationTtl: ttl });
}

/**
 * Refuses every token of `username` issued up to now (to the millisecond): used after a role change, a password
 * reset or disabling. A login an instant before the change dies with it.
 */
export async function revokeTokensOf(kv: KVNamespace, username: string, maxTokenLifetimeS: number): Promise<void> {
  const now = Date.now() / 1000;
  // This isolate forgets its answers about the user's tokens, so it asks KV at once.
  for (const [jti, answer] of [...answers.entries()]) if (answer.sub === username) answers.delete(jti);
  await kv.put(validAfterKey(username), String(now), { expirationTtl: Math.max(KV_MIN_TTL_S, maxTokenLifetimeS + 60) });
}

/**
 * Whether a token with this id, subject and issue time (seconds, with milliseconds) has been revoked, by its id or with
 * all of its user's. A token issued in the very millisecond of the change is refused too: the safe side of a tie.
 */
export async function isRevoked(
  kv: KVNamespace,
  claims: { jti: string; sub: string; iat: number; exp: number },
): Promise<boolean> {
  const known = answers.get(claims.jti);
  if (known && known.sub === claims.sub) return known.revoked;

  const [revoked, validAfter] = await Promise.all([kv.get(revokedKey(claims.jti)), kv.get(validAfterKey(claims.sub))]);
  const isRevokedNow = revoked !== null || (validAfter !== null && claims.iat <= Number(validAfter));
  // A revoked token stays refused until it expires; "not revoked" is trusted for a few seconds.
  const ttl = isRevokedNow ? Math.max(1, claims.exp * 1000 - Date.now()) : NOT_REVOKED_TTL_MS;
  answers.set(claims.jti, { revoked: isRevokedNow, sub: claims.sub }, { ttl });
  return isRevokedNow;
}

/** Forgets what this isolate remembers, as a fresh isolate would (tests of cross-isolate visibility). */
export function forgetRevocationAnswers(): void {
  answers.clear();
}
