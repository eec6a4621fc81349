import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env";
import { readConfig } from "../env/config";
import { csrfTokenFor } from "../auth/csrf";
import { writeSessionCookie } from "./session-cookie";
import { rotateSession } from "../auth/tokens";
import { revokeToken } from "../auth/revocation";
import { describeError } from "../observability/logger";

/**
 * Declared on high-security routes (workflow delete, user and settings changes): once the route succeeds, a cookie
 * session gets a new session id and CSRF nonce — a new cookie, and the new token in `X-CSRF-Token` — and the old id is
 * retired: it changes nothing any more (old cookie and old token are refused), while reads already in flight with it
 * still succeed.
 */
export function rotatesCsrf(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.res.ok) await rotateCsrfToken(c);
  };
}

async function rotateCsrfToken(c: Context<AppEnv>): Promise<void> {
  const identity = c.get("identity");
  if (identity?.via !== "cookie") return;
  const config = readConfig(c.env);
  const rotated = await rotateSession(config, {
    sub: identity.username,
    role: identity.role,
    iat: identity.iat,
    exp: identity.exp,
    jti: identity.jti,
    iss: config.JWT_ISSUER,
    aud: config.JWT_AUDIENCE,
    typ: "session",
    ...(identity.defaultEngine ? { eng: identity.defaultEngine } : {}),
    ...(identity.engineRoles ? { er: { ...identity.engineRoles } } : {}),
  });
  writeSessionCookie(c, rotated.token, Math.max(0, identity.exp - Math.floor(Date.now() / 1000)));
  c.set("identity", { ...identity, jti: rotated.claims.jti, csrfNonce: rotated.claims.csrf });
  c.header("X-CSRF-Token", await csrfTokenFor(config, rotated.claims.jti, rotated.claims.csrf!));
  // The change is done and audited: a failed revocation is logged, not answered (a retry would act twice).
  await revokeToken(c.env.CACHE, { jti: identity.jti, sub: identity.username, exp: identity.exp }, "retired").catch(
    (error) => c.get("log")?.error("old session id not retired after CSRF rotation", describeError(error)),
  );
}
