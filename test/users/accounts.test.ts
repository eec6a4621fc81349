import { SELF } from "cloudflare:test";
import { createRoute, z } from "@hono/zod-openapi";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { createApp } from "../../src/app";
import { requireRole } from "../../src/platform/http/require-role";
import { database } from "../../src/platform/db/client";
import { readConfig } from "../../src/platform/env/config";
import { eq } from "drizzle-orm";
import { users } from "../../src/platform/db/schema";
import {
  bootstrapAdmin,
  changeAccount,
  createAccount,
  deleteAccount,
  findAccount,
  listAccounts,
} from "../../src/users/accounts";
import { bearer, createUser, freshIp, ORIGIN, postToken, tokenFor } from "../helpers/accounts";
import { bindings, fetchWith } from "../helpers/worker";

describe("accounts made outside the Worker", () => {
  it("signs in with an account created by the dev launcher's code (same hash format)", async () => {
    const account = inject("launcherAccount");
    const response = await postToken(account);
    expect(response.status).toBe(200);
  });
});

describe("admin bootstrap", () => {
  // The guarded database of the stack has the schema and no users at all.
  const empty = { LIBSQL_URL: inject("libsqlTokenUrl"), LIBSQL_AUTH_TOKEN: inject("libsqlToken") };

  it("creates exactly one admin from ADMIN_USERNAME/ADMIN_PASSWORD, even when isolates race", async () => {
    const db = await database(readConfig({ ...bindings, ...empty }));
    const results = await Promise.all(
      Array.from({ length: 5 }, () => bootstrapAdmin(db, "root-admin", "bootstrap-password-123")),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await findAccount(db, "root-admin"))?.role).toBe("admin");
    expect(await bootstrapAdmin(db, "second-admin", "bootstrap-password-123")).toBe(false);
  });

  it("lets the bootstrapped admin sign in through the API", async () => {
    const response = await fetchWith(
      { ...empty, ADMIN_USERNAME: "root-admin", ADMIN_PASSWORD: "bootstrap-password-123" },
      "/token",
      {
        method: "POST",
        headers: { "Content-Type": "application/json", "CF-Connecting-IP": freshIp() },
        body: JSON.stringify({ username: "root-admin", password: "bootstrap-password-123" }),
      },
    );
    expect(response.status).toBe(200);
  });
});

describe("roles on routes", () => {
  // A route declared for operators, as job actions will be.
  const app = createApp();
  app.openapi(
    createRoute({
      method: "post",
      path: "/test/act",
      middleware: requireRole("operator"),
      responses: {
        200: { description: "acted", content: { "application/json": { schema: z.object({ ok: z.boolean() }) } } },
      },
    }),
    (c) => c.json({ ok: true }, 200),
  );

  async function act(token: string) {
    const ctx = createExecutionContext();
    const response = await app.fetch(
      new Request(`${ORIGIN}/test/act`, { method: "POST", headers: bearer(token) }),
      bindings,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    return response.status;
  }

  it("a viewer cannot act; an operator and an admin can", async () => {
    expect(await act(await tokenFor(await createUser("viewer")))).toBe(403);
    expect(await act(await tokenFor(await createUser("operator")))).toBe(200);
    expect(await act(await tokenFor(await createUser("admin")))).toBe(200);
  });
});

describe("API rate limits (Workers Rate Limiting binding)", () => {
  it("limits anonymous callers to 60 a minute per IP, and says so", async () => {
    // The binding counts in fixed windows: 121 requests within a minute span at most two windows of 60,
    // so at least one is refused, and none of the first 60 is.
    const ip = freshIp();
    const responses: Response[] = [];
    for (let i = 0; i < 121; i++) {
      const response = await SELF.fetch(`${ORIGIN}/openapi.json`, { headers: { "CF-Connecting-IP": ip } });
      await response.body?.cancel();
      responses.push(response);
      if (response.status === 429) break;
    }
    expect(responses[0]!.headers.get("RateLimit-Policy")).toBe('"anonymous";q=60;w=60');
    expect(responses.slice(0, 60).every((r) => r.status === 200)).toBe(true);
    const refused = responses.at(-1)!;
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("60");
    // Another client is not affected; health is never limited.
    expect((await SELF.fetch(`${ORIGIN}/openapi.json`, { headers: { "CF-Connecting-IP": freshIp() } })).status).toBe(
      200,
    );
    expect((await SELF.fetch(`${ORIGIN}/health`, { headers: { "CF-Connecting-IP": ip } })).status).toBe(200);
  });

  it("counts authenticated callers per user, not per IP", async () => {
    const token = await tokenFor(await createUser("viewer"));
    const response = await SELF.fetch(`${ORIGIN}/api/v1/auth/me`, {
      headers: { ...bearer(token), "CF-Connecting-IP": freshIp() },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("RateLimit-Policy")).toBe('"user";q=600;w=60');
  });
});

describe("the last enabled admin, under concurrent changes", () => {
  // A database of its own, where these are the only admins.
  const own = () => database(readConfig({ ...bindings, LIBSQL_URL: inject("libsqlAdminsUrl") }));
  const enabledAdmins = async (db: Awaited<ReturnType<typeof own>>) =>
    (await listAccounts(db)).filter((a) => a.role === "admin" && !a.disabled).map((a) => a.username);

  it("two admins disabling, demoting or deleting each other at once leave one enabled admin, every round", async () => {
    const db = await own();
    const changes: ((db: Awaited<ReturnType<typeof own>>, name: string) => Promise<unknown>)[] = [
      (db, name) => changeAccount(db, name, { disabled: true }),
      (db, name) => changeAccount(db, name, { role: "viewer" }),
      (db, name) => deleteAccount(db, name),
    ];
    for (let round = 0; round < 9; round++) {
      const pair = [`admin-a-${round}`, `admin-b-${round}`];
      for (const username of pair)
        await createAccount(db, { username, password: "admin-pair-password", role: "admin" });
      for (const stale of (await enabledAdmins(db)).filter((name) => !pair.includes(name)))
        await changeAccount(db, stale, { disabled: true });
      const change = changes[round % changes.length]!;
      const results = await Promise.all(pair.map((name) => change(db, name)));
      expect(results.filter((r) => r === "last-admin")).toHaveLength(1);
      expect(await enabledAdmins(db)).toHaveLength(1);
    }
  });

  it("the bootstrap counts only enabled admins", async () => {
    const db = await own();
    for (const name of await enabledAdmins(db)) await changeAccount(db, name, { role: "admin", disabled: false });
    const last = (await enabledAdmins(db))[0]!;
    // Disabling the last one is refused; with it disabled by hand, bootstrap creates the configured admin.
    expect(await changeAccount(db, last, { disabled: true })).toBe("last-admin");
    await db.update(users).set({ disabled: true }).where(eq(users.username, last));
    expect(await bootstrapAdmin(db, "bootstrap-when-all-disabled", "bootstrap-password-123")).toBe(true);
    expect(await enabledAdmins(db)).toEqual(["bootstrap-when-all-disabled"]);
  });
});
