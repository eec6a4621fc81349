import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { csrfTokenFor } from "../../../src/platform/auth/csrf";
import { readConfig } from "../../../src/platform/env/config";
import { csrfProtection } from "../../../src/platform/http/csrf-protection";
import { bearer, createUser, freshIp, ORIGIN, sessionFor, tokenFor } from "../../helpers/accounts";
import { identityOf, tinyApp } from "../../helpers/tiny-app";
import { problemOf } from "../../helpers/worker";

function logout(headers: Record<string, string>) {
  return SELF.fetch(`${ORIGIN}/api/v1/auth/logout`, { method: "POST", headers });
}

describe("console sessions", () => {
  it("login sets a __Host- cookie: HttpOnly, Secure, SameSite=Strict, Path=/", async () => {
    const user = await createUser("viewer");
    const response = await SELF.fetch(`${ORIGIN}/api/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": freshIp(), Origin: ORIGIN },
      body: JSON.stringify({ username: user.username, password: user.password }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^__Host-resync_session=/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("SameSite=Strict");
    expect(cookie).toContain("Path=/");
    expect(cookie).not.toContain("Domain");
    const body = (await response.json()) as { user: unknown; csrf_token: string; expires_at: string };
    expect(body.user).toEqual({ username: user.username, role: "viewer", default_engine: null });
    expect(new Date(body.expires_at).getTime()).toBeGreaterThan(Date.now());
  });

  it("GET /auth/csrf returns the session's token", async () => {
    const user = await createUser("viewer");
    const session = await sessionFor(user);
    const response = await SELF.fetch(`${ORIGIN}/api/v1/auth/csrf`, { headers: { Cookie: session.cookie } });
    expect(await response.json()).toEqual({ csrf_token: session.csrf });
  });

  it("refuses a cross-site login", async () => {
    const user = await createUser("viewer");
    const response = await SELF.fetch(`${ORIGIN}/api/v1/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": freshIp(), Origin: "https://evil.example" },
      body: JSON.stringify({ username: user.username, password: user.password }),
    });
    expect(response.status).toBe(403);
  });
});

describe("CSRF on cookie sessions", () => {
  it("refuses an unsafe request without the token", async () => {
    const session = await sessionFor(await createUser("viewer"));
    const response = await logout({ Cookie: session.cookie, Origin: ORIGIN });
    expect(response.status).toBe(403);
    expect((await problemOf(response)).type).toBe("urn:resync:problem:csrf");
  });

  it("refuses a wrong token", async () => {
    const session = await sessionFor(await createUser("viewer"));
    const response = await logout({ Cookie: session.cookie, Origin: ORIGIN, "X-CSRF-Token": `${session.csrf}x` });
    expect(response.status).toBe(403);
  });

  it("refuses the token of another session of the same user", async () => {
    const user = await createUser("viewer");
    const mine = await sessionFor(user);
    const other = await sessionFor(user);
    const response = await logout({ Cookie: mine.cookie, Origin: ORIGIN, "X-CSRF-Token": other.csrf });
    expect(response.status).toBe(403);
  });

  it("refuses a cross-origin request even with the right token", async () => {
    const session = await sessionFor(await createUser("viewer"));
    const crossOrigin = await logout({
      Cookie: session.cookie,
      Origin: "https://evil.example",
      "X-CSRF-Token": session.csrf,
    });
    expect(crossOrigin.status).toBe(403);
    const crossSite = await logout({
      Cookie: session.cookie,
      "Sec-Fetch-Site": "cross-site",
      "X-CSRF-Token": session.csrf,
    });
    expect(crossSite.status).toBe(403);
    const noOrigin = await logout({ Cookie: session.cookie, "X-CSRF-Token": session.csrf });
    expect(noOrigin.status).toBe(403);
  });

  it("accepts the right token from the same origin", async () => {
    const session = await sessionFor(await createUser("viewer"));
    const response = await logout({
      Cookie: session.cookie,
      "Sec-Fetch-Site": "same-origin",
      "X-CSRF-Token": session.csrf,
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("Set-Cookie")).toMatch(/__Host-resync_session=;/);
    // The session is revoked.
    const after = await SELF.fetch(`${ORIGIN}/api/v1/auth/me`, { headers: { Cookie: session.cookie } });
    expect(after.status).toBe(401);
  });

  it("exempts Bearer requests: no CSRF token needed", async () => {
    const token = await tokenFor(await createUser("viewer"));
    const response = await logout({ ...bearer(token), Origin: "https://elsewhere.example" });
    expect(response.status).toBe(204);
  });

  it("rotates the token after a high-security operation", async () => {
    const admin = await sessionFor(await createUser("admin"));
    const target = await createUser("viewer");
    const headers = {
      Cookie: admin.cookie,
      Origin: ORIGIN,
      "X-CSRF-Token": admin.csrf,
      "Content-Type": "application/json",
    };
    const change = await SELF.fetch(`${ORIGIN}/api/v1/users/${target.username}`, {
      method: "PATCH",
      headers,
      body: JSON.stringify({ role: "operator" }),
    });
    expect(change.status).toBe(200);
    const rotated = change.headers.get("X-CSRF-Token")!;
    expect(rotated).toBeTruthy();
    expect(rotated).not.toBe(admin.csrf);
    const newCookie = change.headers.get("Set-Cookie")!.split(";")[0]!;

    const stale = await SELF.fetch(`${ORIGIN}/api/v1/users/${target.username}`, {
      method: "PATCH",
      headers: { ...headers, Cookie: newCookie },
      body: JSON.stringify({ role: "viewer" }),
    });
    expect(stale.status).toBe(403);
    const fresh = await SELF.fetch(`${ORIGIN}/api/v1/users/${target.username}`, {
      method: "PATCH",
      headers: { ...headers, Cookie: newCookie, "X-CSRF-Token": rotated },
      body: JSON.stringify({ role: "viewer" }),
    });
    expect(fresh.status).toBe(200);
  });

  it("after a rotation the old cookie and its token change nothing: the session id rotates and the old one is retired", async () => {
    const admin = await sessionFor(await createUser("admin"));
    const target = await createUser("viewer");
    const change = (cookie: string, csrf: string, role: string) =>
      SELF.fetch(`${ORIGIN}/api/v1/users/${target.username}`, {
        method: "PATCH",
        headers: { Cookie: cookie, Origin: ORIGIN, "X-CSRF-Token": csrf, "Content-Type": "application/json" },
        body: JSON.stringify({ role }),
      });
    const first = await change(admin.cookie, admin.csrf, "operator");
    expect(first.status).toBe(200);
    const newCookie = first.headers.get("Set-Cookie")!.split(";")[0]!;
    const newToken = first.headers.get("X-CSRF-Token")!;

    // Someone who captured the old pair (cookie and token) before the change cannot replay it.
    const replay = await change(admin.cookie, admin.csrf, "viewer");
    expect(replay.status).toBe(401);
    expect((await problemOf(replay)).detail).toBe("This session was renewed; use the new session cookie");
    // A read sent with the old cookie (the console's page refresh in flight at the rotation) still answers.
    const oldMe = await SELF.fetch(`${ORIGIN}/api/v1/auth/me`, { headers: { Cookie: admin.cookie } });
    expect(oldMe.status).toBe(200);
    // The old token is not valid with the new cookie either, and the new pair works.
    expect((await change(newCookie, admin.csrf, "viewer")).status).toBe(403);
    expect((await change(newCookie, newToken, "viewer")).status).toBe(200);
  });
});

describe("csrfProtection() on a tiny app", () => {
  const session = identityOf("carol", { via: "cookie", jti: "session-1", csrfNonce: "nonce-1" });
  const tokenOf = (jti: string, nonce: string) => csrfTokenFor(readConfig(env), jti, nonce);
  const post = (headers: Record<string, string>) => ({ method: "POST", headers });

  it("lets safe methods of a cookie session through without a token", async () => {
    const { calls, send } = tinyApp([csrfProtection()], { identity: session });
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect((await send("/x", { method })).status).toBe(200);
    expect(calls).toHaveLength(3);
  });

  it("exempts Bearer and anonymous requests: no ambient credential", async () => {
    for (const options of [{ identity: identityOf("dave") }, {}]) {
      const { calls, send } = tinyApp([csrfProtection()], options);
      expect((await send("/x", post({ Origin: "https://evil.example" }))).status).toBe(200);
      expect(calls).toHaveLength(1);
    }
  });

  it.each([
    ["another Origin", { Origin: "https://evil.example" }],
    ["Sec-Fetch-Site: cross-site, whatever Origin says", { "Sec-Fetch-Site": "cross-site", Origin: ORIGIN }],
    ["Sec-Fetch-Site: same-site", { "Sec-Fetch-Site": "same-site" }],
    ["neither Origin nor Sec-Fetch-Site", {}],
  ])("refuses a cookie session's unsafe request from %s, even with the right token", async (_from, headers) => {
    const { calls, send } = tinyApp([csrfProtection()], { identity: session });
    const response = await send("/x", post({ ...headers, "X-CSRF-Token": await tokenOf("session-1", "nonce-1") }));
    expect(response.status).toBe(403);
    const problem = await problemOf(response);
    expect(problem.type).toBe("urn:resync:problem:csrf");
    expect(problem.detail).toMatch(/Cross-origin/);
    expect(calls).toEqual([]);
  });

  it.each([
    ["no token", undefined, /X-CSRF-Token is required/],
    ["a wrong token", "nonce-1.not-the-mac", /does not match/],
    ["another session's token", "other", /does not match/],
  ])("refuses a same-origin unsafe request with %s", async (_name, given, detail) => {
    const { calls, send } = tinyApp([csrfProtection()], { identity: session });
    const token = given === "other" ? await tokenOf("session-2", "nonce-1") : given;
    const response = await send("/x", post({ Origin: ORIGIN, ...(token ? { "X-CSRF-Token": token } : {}) }));
    expect(response.status).toBe(403);
    expect((await problemOf(response)).detail).toMatch(detail);
    expect(calls).toEqual([]);
  });

  it("refuses a cookie session that has no CSRF nonce", async () => {
    const { calls, send } = tinyApp([csrfProtection()], { identity: { ...session, csrfNonce: undefined } });
    const response = await send("/x", post({ Origin: ORIGIN, "X-CSRF-Token": await tokenOf("session-1", "nonce-1") }));
    expect(response.status).toBe(403);
    expect(calls).toEqual([]);
  });

  it("accepts the session's token from the same origin, by Origin or by Sec-Fetch-Site", async () => {
    const { calls, send } = tinyApp([csrfProtection()], { identity: session });
    const token = await tokenOf("session-1", "nonce-1");
    expect((await send("/x", post({ Origin: ORIGIN, "X-CSRF-Token": token }))).status).toBe(200);
    expect((await send("/x", post({ "Sec-Fetch-Site": "same-origin", "X-CSRF-Token": token }))).status).toBe(200);
    expect(calls).toHaveLength(2);
  });
});
