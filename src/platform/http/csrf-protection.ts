import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env";
import { readConfig } from "../env/config";
import { Problem } from "./problem";
import { csrfTokenValid } from "../auth/csrf";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function forbidden(detail: string): Problem {
  return new Problem({ status: 403, kind: "csrf", detail });
}

/** Same-origin by `Sec-Fetch-Site` when the browser sends it, else by `Origin`; a request with neither is refused. */
export function sameOrigin(c: Context): boolean {
  const site = c.req.header("Sec-Fetch-Site");
  if (site !== undefined) return site === "same-origin";
  const origin = c.req.header("Origin");
  return origin !== undefined && origin === new URL(c.req.url).origin;
}

/**
 * CSRF defence for cookie sessions: unsafe methods need a same-origin request and the session's
 * `X-CSRF-Token`. Bearer requests carry no ambient credential and are exempt.
 */
export function csrfProtection(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const identity = c.get("identity");
    if (SAFE_METHODS.has(c.req.method) || identity?.via !== "cookie") return next();
    if (!sameOrigin(c)) throw forbidden("Cross-origin requests are not allowed with a session cookie");
    const given = c.req.header("X-CSRF-Token");
    if (!given || !identity.csrfNonce) throw forbidden("X-CSRF-Token is required with a session cookie");
    if (!(await csrfTokenValid(readConfig(c.env), identity.jti, identity.csrfNonce, given))) {
      throw forbidden("X-CSRF-Token does not match this session");
    }
    return next();
  };
}
