import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { bearer, createUser, freshIp, ORIGIN, postToken } from "../helpers/accounts";
import { database } from "../../src/platform/db/client";
import { readConfig } from "../../src/platform/env/config";
import { changeAccount } from "../../src/users/accounts";
import { bindings, problemOf } from "../helpers/worker";

describe("POST /token", () => {
  it("signs in with an OAuth2 password form", async () => {
    const user = await createUser("viewer");
    const response = await postToken(
      { username: user.username, password: user.password, grant_type: "password", scope: "" },
      freshIp(),
      true,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body.token_type).toBe("bearer");
    expect(body.expires_in).toBeGreaterThanOrEqual(900);
    expect(body.expires_in).toBeLessThanOrEqual(3600);
    const me = await SELF.fetch(`${ORIGIN}/api/v1/auth/me`, { headers: bearer(body.access_token) });
    expect(await me.json()).toEqual({ username: user.username, role: "viewer", default_engine: null });
  });

  it("signs in with JSON, case-insensitively on the username", async () => {
    const user = await createUser("operator");
    const response = await postToken({ username: user.username.toUpperCase(), password: user.password });
    expect(response.status).toBe(200);
  });

  it("answers byte-identical failures for an unknown user and a wrong password", async () => {
    const user = await createUser("viewer");
    const headers = { "X-Correlation-ID": "same-correlation-id" };
    const unknown = await postToken(
      { username: `ghost-${crypto.randomUUID()}`, password: "whatever-password" },
      freshIp(),
      false,
      headers,
    );
    const wrong = await postToken(
      { username: user.username, password: "whatever-password" },
      freshIp(),
      false,
      headers,
    );
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.clone().text()).toBe(await wrong.clone().text());
    const comparable = (r: Response) => [...r.headers].filter(([name]) => name !== "date");
    expect(comparable(unknown)).toEqual(comparable(wrong));
    const problem = await problemOf(wrong);
    expect(problem.detail).toBe("Invalid credentials");
    expect(wrong.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
  });

  it("refuses a disabled account with the same 401", async () => {
    const user = await createUser("viewer");
    await changeAccount(await database(readConfig(bindings)), user.username, { disabled: true });
    const response = await postToken({ username: user.username, password: user.password });
    expect(response.status).toBe(401);
    expect((await problemOf(response)).detail).toBe("Invalid credentials");
  });

  it("validates the body", async () => {
    const missing = await postToken({ username: "someone" });
    expect(missing.status).toBe(400);
    const extra = await postToken({ username: "someone", password: "x", admin: "true" });
    expect(extra.status).toBe(400);
    expect((await problemOf(extra)).errors!.length).toBeGreaterThan(0);
  });
});

describe("login limits", () => {
  it("locks an account after 5 failures: the 6th answers 429 even with the right password", async () => {
    const user = await createUser("viewer");
    for (let i = 0; i < 5; i++) {
      const response = await postToken({ username: user.username, password: "wrong-password" });
      expect(response.status).toBe(401);
    }
    const locked = await postToken({ username: user.username, password: user.password });
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const problem = await problemOf(locked);
    expect(problem.detail).toMatch(/retry after \d{4}-\d{2}-\d{2}T/);
    expect(problem.detail).not.toContain(user.username);
  });

  it("says the same for a locked unknown account: nothing tells whether it exists", async () => {
    const ghost = `ghost-${crypto.randomUUID()}`;
    for (let i = 0; i < 5; i++) await postToken({ username: ghost, password: "wrong-password" });
    const locked = await postToken({ username: ghost, password: "wrong-password" });
    expect(locked.status).toBe(429);
    expect((await problemOf(locked)).detail).toMatch(/^Too many failed logins; retry after /);
  });

  it("lets at most 5 of 50 concurrent wrong-password attempts try", async () => {
    const user = await createUser("viewer");
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => postToken({ username: user.username, password: "wrong-password" })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(45);
  });

  it("does not lock another account from the same IP", async () => {
    const ip = freshIp();
    const victim = await createUser("viewer");
    const other = await createUser("viewer");
    for (let i = 0; i < 3; i++)
      expect((await postToken({ username: victim.username, password: "nope" }, ip)).status).toBe(401);
    expect((await postToken({ username: other.username, password: other.password }, ip)).status).toBe(200);
  });

  it("limits /token to 5 requests a minute per IP, with rate limit headers", async () => {
    const user = await createUser("viewer");
    const ip = freshIp();
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await postToken({ username: user.username, password: user.password }, ip);
      expect(response.status).toBe(200);
      expect(response.headers.get("RateLimit-Policy")).toBe('"login";q=5;w=60');
      remaining.push(/r=(\d+)/.exec(response.headers.get("RateLimit") ?? "")?.[1] ?? "?");
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);
    const sixth = await postToken({ username: user.username, password: user.password }, ip);
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(Number(sixth.headers.get("Retry-After"))).toBeLessThanOrEqual(60);
    expect((await problemOf(sixth)).detail).toMatch(/from this address/);
    // Another client is not affected.
    expect((await postToken({ username: user.username, password: user.password }, freshIp())).status).toBe(200);
  });
});
