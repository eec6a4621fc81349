import { audit, auditOutcome } from "../platform/audit/writer";
import { csrfTokenFor } from "../platform/auth/csrf";
import { cookieAfterSignIn, newDeviceId } from "../platform/auth/device";
import { readDeviceCookie, writeDeviceCookie } from "../platform/http/device-cookie";
import { sameOrigin } from "../platform/http/csrf-protection";
import { revokeToken } from "../platform/auth/revocation";
import { clearSessionCookie, writeSessionCookie } from "../platform/http/session-cookie";
import { issueToken } from "../platform/auth/tokens";
import { readConfig } from "../platform/env/config";
import { Problem } from "../platform/http/problem";
import type { AppRouteHandler } from "../platform/http/router";
import { scopeOf } from "../platform/http/scope";
import type { csrf, login, logout, me, token } from "./sessions.routes";
import { signIn } from "./sign-in";

export const issueAccessToken: AppRouteHandler<typeof token> = async (c) => {
  // The body is optional in the declaration so that either media type validates; an absent one is {} here.
  const isForm = (c.req.header("Content-Type") ?? "").startsWith("application/x-www-form-urlencoded");
  const input: Partial<{ username: string; password: string }> = isForm ? c.req.valid("form") : c.req.valid("json");
  if (!input.username || !input.password) {
    throw new Problem({
      status: 400,
      kind: "validation-error",
      detail: "username and password are required",
      errors: [{ path: "body", message: "Required" }],
    });
  }
  // An API client has no device cookie; a browser posting here may, and is told apart by it just the same.
  const user = await signIn(scopeOf(c), input.username, input.password, readDeviceCookie(c));
  const config = readConfig(c.env);
  const issued = await issueToken(config, "access", user);
  return c.json(
    { access_token: issued.token, token_type: "bearer" as const, expires_in: config.JWT_TTL_SECONDS },
    200,
    user.headers,
  );
};

export const startSession: AppRouteHandler<typeof login> = async (c) => {
  // Login CSRF: a browser posting from another site is refused before any password is checked.
  const fromBrowser = c.req.header("Origin") !== undefined || c.req.header("Sec-Fetch-Site") !== undefined;
  if (fromBrowser && !sameOrigin(c))
    throw new Problem({ status: 403, kind: "csrf", detail: "Cross-origin sign-in is not allowed" });
  const { username, password } = c.req.valid("json");
  const deviceCookie = readDeviceCookie(c);
  const user = await signIn(scopeOf(c), username, password, deviceCookie);
  const config = readConfig(c.env);
  const session = await issueToken(config, "session", user);
  // The session cookie first: a client reading a single Set-Cookie gets the session.
  writeSessionCookie(c, session.token, config.JWT_TTL_SECONDS);
  // This browser is now trusted by the account (its failures count apart); the same device id when it had one.
  const deviceId = user.device?.id ?? newDeviceId();
  writeDeviceCookie(c, await cookieAfterSignIn(config, deviceCookie, user.username, deviceId));
  const csrfToken = await csrfTokenFor(config, session.claims.jti, session.claims.csrf!);
  return c.json(
    {
      user: { username: user.username, role: user.role, default_engine: user.defaultEngine ?? null },
      csrf_token: csrfToken,
      expires_at: new Date(session.claims.exp * 1000).toISOString(),
    },
    200,
    user.headers,
  );
};

export const endSession: AppRouteHandler<typeof logout> = async (c) => {
  const identity = c.get("identity")!;
  const event = { action: "auth.logout", target: identity.username, metadata: { via: identity.via } };
  await audit(scopeOf(c), { ...event, outcome: "attempt" });
  await revokeToken(c.env.CACHE, { jti: identity.jti, sub: identity.username, exp: identity.exp });
  if (identity.via === "cookie") clearSessionCookie(c);
  await auditOutcome(scopeOf(c), { ...event, outcome: "success" });
  return c.body(null, 204);
};

export const whoAmI: AppRouteHandler<typeof me> = (c) => {
  const identity = c.get("identity")!;
  return c.json(
    { username: identity.username, role: identity.role, default_engine: identity.defaultEngine ?? null },
    200,
  );
};

export const currentCsrfToken: AppRouteHandler<typeof csrf> = async (c) => {
  const identity = c.get("identity")!;
  if (identity.via !== "cookie" || !identity.csrfNonce) {
    throw new Problem({
      status: 400,
      kind: "no-session",
      detail: "CSRF tokens exist only for cookie sessions; Bearer clients need none",
    });
  }
  return c.json({ csrf_token: await csrfTokenFor(readConfig(c.env), identity.jti, identity.csrfNonce) }, 200);
};
