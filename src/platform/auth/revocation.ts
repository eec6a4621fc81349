import { LRUCache } from "lru-cache";

/** How long this isolate trusts a "not revoked" answer before asking KV again. */
const NOT_REVOKED_TTL_MS = 5_000;
/** KV's minimum expiration TTL. */
const KV_MIN_TTL_S = 60;

/**
 * What a token may still do: everything; only read ("retired": a cookie session whose CSRF token was rotated — its
 * requests in flight still read, nothing changes through it); or nothing ("revoked").
 */
export type TokenStanding = "valid" | "retired" | "revoked";

// Bounded per-isolate memory of KV answers, one per token (by `jti`): a request does not pay a KV read for every call.
// `sub` is kept so that revoking a user's tokens can forget the answers about them.
const answers = new LRUCache<string, { standing: TokenStanding; sub: string }>({ max: 10_000, ttlAutopurge: false });

const revokedKey = (jti: string) => `auth:revoked:${jti}`;
const validAfterKey = (username: string) => `auth:valid-after:${username}`;

/** Refuses one token (by its `jti`) until it would have expired, in every isolate; "retired" refuses changes only. */
export async function revokeToken(
  kv: KVNamespace,
  token: { jti: string; sub: string; exp: number },
  standing: Exclude<TokenStanding, "valid"> = "revoked",
): Promise<void> {
  const ttl = Math.max(KV_MIN_TTL_S, token.exp - Math.floor(Date.now() / 1000));
  answers.set(token.jti, { standing, sub: token.sub }, { ttl: ttl * 1000 });
  await kv.put(revokedKey(token.jti), standing === "revoked" ? "1" : standing, { expirationTtl: ttl });
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
 * What a token with this id, subject and issue time (seconds, with milliseconds) may still do: revoked by its id or
 * with all of its user's, retired by its id, or valid. A token issued in the very millisecond of a user's change is
 * refused too: the safe side of a tie.
 */
export async function standingOf(
  kv: KVNamespace,
  claims: { jti: string; sub: string; iat: number; exp: number },
): Promise<TokenStanding> {
  const known = answers.get(claims.jti);
  if (known && known.sub === claims.sub) return known.standing;

  const [byId, validAfter] = await Promise.all([kv.get(revokedKey(claims.jti)), kv.get(validAfterKey(claims.sub))]);
  const standing: TokenStanding =
    (byId !== null && byId !== "retired") || (validAfter !== null && claims.iat <= Number(validAfter))
      ? "revoked"
      : byId === "retired"
        ? "retired"
        : "valid";
  // A revoked or retired token stays so until it expires; "valid" is trusted for a few seconds.
  const ttl = standing === "valid" ? NOT_REVOKED_TTL_MS : Math.max(1, claims.exp * 1000 - Date.now());
  answers.set(claims.jti, { standing, sub: claims.sub }, { ttl });
  return standing;
}

/** Whether the token may do nothing any more (see `standingOf`). */
export async function isRevoked(
  kv: KVNamespace,
  claims: { jti: string; sub: string; iat: number; exp: number },
): Promise<boolean> {
  return (await standingOf(kv, claims)) === "revoked";
}

/** Forgets what this isolate remembers, as a fresh isolate would (tests of cross-isolate visibility). */
export function forgetRevocationAnswers(): void {
  answers.clear();
}
