import { SELF } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { database } from "../../src/platform/db/client";
import { auditEvents } from "../../src/platform/db/schema";
import { readConfig } from "../../src/platform/env/config";
import { createAccount } from "../../src/users/accounts";
import { bearer, createUser, freshIp, ORIGIN, postToken, tokenFor } from "../helpers/accounts";
import { auditRows } from "../helpers/audit";
import { bindings, fetchWith, problemOf } from "../helpers/worker";

const json = (token: string) => ({ ...bearer(token), "Content-Type": "application/json" });

describe("roles", () => {
  it("lets only admins administer users: viewer 403, operator 403, admin 200", async () => {
    for (const [role, status] of [
      ["viewer", 403],
      ["operator", 403],
      ["admin", 200],
    ] as const) {
      const token = await tokenFor(await createUser(role));
      const response = await SELF.fetch(`${ORIGIN}/api/v1/users`, { headers: bearer(token) });
      expect(response.status, role).toBe(status);
      if (status === 403) expect((await problemOf(response)).detail).toBe("This action requires the admin role");
    }
  });
});

describe("/api/v1/users", () => {
  it("creates, shows, changes and deletes accounts, auditing each change without secrets", async () => {
    const admin = await createUser("admin");
    const token = await tokenFor(admin);
    const username = `new-${crypto.randomUUID().slice(0, 8)}`;
    const password = "a-long-enough-password";

    const created = await SELF.fetch(`${ORIGIN}/api/v1/users`, {
      method: "POST",
      headers: json(token),
      body: JSON.stringify({ username, password, role: "viewer" }),
    });
    expect(created.status).toBe(201);
    const view = (await created.json()) as Record<string, unknown>;
    expect(view).toMatchObject({ username, role: "viewer", disabled: false });
    expect(JSON.stringify(view)).not.toMatch(/hash|salt/);

    const duplicate = await SELF.fetch(`${ORIGIN}/api/v1/users`, {
      method: "POST",
      headers: json(token),
      body: JSON.stringify({ username, password, role: "viewer" }),
    });
    expect(duplicate.status).toBe(409);

    const list = (await (await SELF.fetch(`${ORIGIN}/api/v1/users`, { headers: bearer(token) })).json()) as {
      items: { username: string }[];
    };
    expect(list.items.map((u) => u.username)).toContain(username);

    expect((await postToken({ username, password })).status).toBe(200);
    const newPassword = "another-long-password";
    const reset = await SELF.fetch(`${ORIGIN}/api/v1/users/${username}`, {
      method: "PATCH",
      headers: json(token),
      body: JSON.stringify({ password: newPassword }),
    });
    expect(reset.status).toBe(200);
    expect((await postToken({ username, password })).status).toBe(401);
    expect((await postToken({ username, password: newPassword })).status).toBe(200);

    const removed = await SELF.fetch(`${ORIGIN}/api/v1/users/${username}`, {
      method: "DELETE",
      headers: bearer(token),
    });
    expect(removed.status).toBe(204);
    expect((await SELF.fetch(`${ORIGIN}/api/v1/users/${username}`, { headers: bearer(token) })).status).toBe(404);

    // Each change: its attempt, then its outcome; and three logins.
    const events = await auditRows(eq(auditEvents.target, username));
    expect(events.map((e) => `${e.action}:${e.outcome}`).sort()).toEqual(
      [
        "user.create:attempt",
        "user.create:success",
        "user.create:attempt",
        "user.create:failure",
        "auth.login:success",
        "user.change:attempt",
        "user.change:success",
        "auth.login:failure",
        "auth.login:success",
        "user.delete:attempt",
        "user.delete:success",
      ].sort(),
    );
    expect(JSON.stringify(events)).not.toContain(password);
    expect(JSON.stringify(events)).not.toContain(newPassword);
  });

  it("revokes a user's tokens when their role changes or they are disabled", async () => {
    const adminToken = await tokenFor(await createUser("admin"));
    const user = await createUser("operator");
    const token = await tokenFor(user);
    const demote = await SELF.fetch(`${ORIGIN}/api/v1/users/${user.username}`, {
      method: "PATCH",
      headers: json(adminToken),
      body: JSON.stringify({ role: "viewer" }),
    });
    expect(demote.status).toBe(200);
    expect((await SELF.fetch(`${ORIGIN}/api/v1/auth/me`, { headers: bearer(token) })).status).toBe(401);
    const fresh = await tokenFor(user);
    expect(await (await SELF.fetch(`${ORIGIN}/api/v1/auth/me`, { headers: bearer(fresh) })).json()).toMatchObject({
      role: "viewer",
    });

    await SELF.fetch(`${ORIGIN}/api/v1/users/${user.username}`, {
      method: "PATCH",
      headers: json(adminToken),
      body: JSON.stringify({ disabled: true }),
    });
    expect((await postToken({ username: user.username, password: user.password })).status).toBe(401);
  });

  it("never removes the last enabled admin", async () => {
    // On a database of its own: here `admin` is the only admin there is.
    const scratch = { LIBSQL_URL: inject("libsqlScratchUrl") };
    const db = await database(readConfig({ ...bindings, ...scratch }));
    const admin = { username: "only-admin", password: "only-admin-password" };
    await createAccount(db, { ...admin, role: "admin" });
    const login = await fetchWith(scratch, "/token", {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": freshIp() },
      body: JSON.stringify(admin),
    });
    const token = ((await login.json()) as { access_token: string }).access_token;
    const call = (method: string, body?: unknown) =>
      fetchWith(scratch, `/api/v1/users/${admin.username}`, {
        method,
        headers: json(token),
        ...(body ? { body: JSON.stringify(body) } : {}),
      });

    expect((await call("PATCH", { role: "viewer" })).status).toBe(409);
    expect((await call("PATCH", { disabled: true })).status).toBe(409);
    const remove = await call("DELETE");
    expect(remove.status).toBe(409);
    expect((await problemOf(remove)).detail).toMatch(/last enabled admin/);
    // A second admin makes the change possible.
    await createAccount(db, { username: "second-admin", password: "second-admin-password", role: "admin" });
    expect((await call("PATCH", { role: "operator" })).status).toBe(200);
  });

  it("validates input: weak passwords, bad names, unknown fields", async () => {
    const token = await tokenFor(await createUser("admin"));
    const weak = await SELF.fetch(`${ORIGIN}/api/v1/users`, {
      method: "POST",
      headers: json(token),
      body: JSON.stringify({ username: "x", password: "short", role: "viewer" }),
    });
    expect(weak.status).toBe(400);
    const bad = await SELF.fetch(`${ORIGIN}/api/v1/users`, {
      method: "POST",
      headers: json(token),
      body: JSON.stringify({ username: "a b", password: "long-enough-password", role: "root" }),
    });
    expect((await problemOf(bad)).errors!.map((e) => e.path).sort()).toEqual(["body.role", "body.username"]);
    const empty = await SELF.fetch(`${ORIGIN}/api/v1/users/someone`, {
      method: "PATCH",
      headers: json(token),
      body: "{}",
    });
    expect(empty.status).toBe(400);
  });
});
