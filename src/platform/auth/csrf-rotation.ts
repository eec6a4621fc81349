import type { Context } from "hono";
import type { AppEnv } from "../http/app-env";
import { readConfig } from "../env/config";
import { csrfTokenFor } from "./csrf";
import { writeSessionCookie } from "./session-cookie";
import { rotateSession } from "./tokens";

/**
 * After a high-security operation (workflow delete, user or settings change) a cookie session gets a new
 * CSRF nonce: a new cookie, and the new token in `X-CSRF-Token`; the old token stops matching.
 */
export async function rotateCsrfToken(c: Context<AppEnv>): Promise<void> {
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
  });
  writeSessionCookie(c, rotated.token, Math.max(0, identity.exp - Math.floor(Date.now() / 1000)));
  c.set("identity", { ...identity, csrfNonce: rotated.claims.csrf });
  c.header("X-CSRF-Token", await csrfTokenFor(config, identity.jti, rotated.claims.csrf!));
}
