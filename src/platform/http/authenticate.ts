import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env";
import { readConfig } from "../env/config";
import { standingOf } from "../auth/revocation";
import { readSessionCookie } from "./session-cookie";
import { verifyToken, type Claims } from "../auth/tokens";

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Establishes who is calling from `Authorization: Bearer` (API clients) or the session cookie (console).
 * Never refuses by itself: routes declare what they need with `requireRole`.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const authorization = c.req.header("Authorization");
    // A Bearer token wins over the cookie: the cookie is only read without one.
    const cookie = authorization === undefined ? readSessionCookie(c) : undefined;
    if (authorization === undefined && cookie === undefined) return next();

    const config = readConfig(c.env);
    const bearer = authorization === undefined ? undefined : BEARER.exec(authorization)?.[1];
    let claims: Claims | null = null;
    if (authorization !== undefined) {
      claims = bearer ? await verifyToken(config, bearer, "access") : null;
    } else if (cookie !== undefined) {
      claims = await verifyToken(config, cookie, "session");
    }
    let problem = "The token is invalid, expired or revoked";
    if (claims) {
      const standing = await standingOf(c.env.CACHE, claims);
      // A retired session (its CSRF token was rotated) still reads, so requests in flight at the rotation succeed;
      // it changes nothing: the new cookie does.
      if (standing === "revoked" || (standing === "retired" && !SAFE_METHODS.has(c.req.method))) {
        if (standing === "retired") problem = "This session was renewed; use the new session cookie";
        claims = null;
      }
    }

    if (claims) {
      c.set("identity", {
        username: claims.sub,
        role: claims.role,
        jti: claims.jti,
        iat: claims.iat,
        exp: claims.exp,
        via: claims.typ === "session" ? "cookie" : "bearer",
        csrfNonce: claims.csrf,
        ...(claims.eng ? { defaultEngine: claims.eng } : {}),
        ...(claims.er ? { engineRoles: claims.er } : {}),
      });
    } else {
      c.set("credentialProblem", problem);
    }
    return next();
  };
}
