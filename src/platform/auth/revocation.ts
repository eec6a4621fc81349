import { LRUCache } from "lru-cache";

/** How long this isolate trusts a "not revoked" answer before asking KV again. */
const NOT_REVOKED_TTL_MS = 5_000;
/** KV's minimum expiration TTL. */
const KV_MIN_TTL_S = 60;

// Bounded per-isolate memory of KV answers: a request does not pay a KV read for every call.
const answers = new LRUCache<string, { revoked: boolean }>({ max: 10_000, ttlAutopurge: false });

const revokedKey = (jti: string) => `auth:revoked:${jti}`;
const validAfterKey = (username: string) => `auth:valid-after:${username}`;

/** Refuses one token (by its `jti`) until it would have expired, in every isolate. */
export async function revokeToken(kv: KVNamespace, jti: string, exp: number): Promise<void> {
  const ttl = Math.max(KV_MIN_TTL_S, exp - Math.floor(Date.now() / 1000));
  answers.set(revokedKey(jti), { revoked: true }, { ttl: ttl * 1000 });
  await kv.put(revokedKey(jti), "1", { expirationTtl: ttl });
}

/** Refuses every token of `username` issued before now: used after a role change, a password reset or disabling. */
export async function revokeTokensOf(kv: KVNamespace, username: string, maxTokenLifetimeS: number): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  // This isolate forgets its answers about the user's tokens (kept per issue time), so it asks KV at once.
  const remembered = `${validAfterKey(username)}:`;
  for (const key of [...answers.keys()]) if (key.startsWith(remembered)) answers.delete(key);
  await kv.put(validAfterKey(username), String(now), { expirationTtl: Math.max(KV_MIN_TTL_S, maxTokenLifetimeS + 60) });
}

/** Whether a token with this id, subject and issue time has been revoked. */
export async function isRevoked(kv: KVNamespace, claims: { jti: string; sub: string; iat: number; exp: number }): Promise<boolean> {
  const byId = revokedKey(claims.jti);
  const byUser = validAfterKey(claims.sub);
  const cachedId = answers.get(byId);
  const cachedUser = answers.get(`${byUser}:${claims.iat}`);
  if (cachedId?.revoked || cachedUser?.revoked) return true;
  if (cachedId && cachedUser) return false;

  const [revoked, validAfter] = await Promise.all([kv.get(byId), kv.get(byUser)]);
  const idRevoked = revoked !== null;
  // iat has second precision: a token issued in the very second of the change stays valid (a new login must not be refused).
  const userRevoked = validAfter !== null && claims.iat < Number(validAfter);
  const ttl = (r: boolean) => (r ? Math.max(1, claims.exp * 1000 - Date.now()) : NOT_REVOKED_TTL_MS);
  answers.set(byId, { revoked: idRevoked }, { ttl: ttl(idRevoked) });
  answers.set(`${byUser}:${claims.iat}`, { revoked: userRevoked }, { ttl: ttl(userRevoked) });
  return idRevoked || userRevoked;
}

/** Forgets what this isolate remembers, as a fresh isolate would (tests of cross-isolate visibility). */
export function forgetRevocationAnswers(): void {
  answers.clear();
}
