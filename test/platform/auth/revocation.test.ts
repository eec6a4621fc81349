import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { bearer, createUser, freshIp, ORIGIN, tokenFor, type TestUser } from "../../helpers/accounts";

let admin: string;
beforeAll(async () => {
  admin = await tokenFor(await createUser("admin"));
});

// A refused token makes the call anonymous, limited per address: each call from an address of its own.
const me = (token: string) =>
  SELF.fetch(`${ORIGIN}/api/v1/auth/me`, { headers: { ...bearer(token), "CF-Connecting-IP": freshIp() } });
const change = (user: TestUser, body: Record<string, unknown>) =>
  SELF.fetch(`${ORIGIN}/api/v1/users/${user.username}`, {
    method: "PATCH",
    headers: { ...bearer(admin), "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

describe("revoking a user's tokens is exact", () => {
  it("a login right before a role change dies with it: 100 of 100 tries", async () => {
    const user = await createUser("viewer");
    const survivors: number[] = [];
    for (let i = 0; i < 100; i++) {
      const token = await tokenFor(user);
      const changed = await change(user, { role: i % 2 === 0 ? "operator" : "viewer" });
      expect(changed.status).toBe(200);
      if ((await me(token)).status !== 401) survivors.push(i);
    }
    expect(survivors).toEqual([]);
    // A login after the change is good.
    expect((await me(await tokenFor(user))).status).toBe(200);
  }, 60_000);

  it("a login right before disabling or a password reset dies with it too", async () => {
    const user = await createUser("operator");
    const beforeReset = await tokenFor(user);
    expect((await change(user, { password: `pw-${crypto.randomUUID()}` })).status).toBe(200);
    expect((await me(beforeReset)).status).toBe(401);
    const other = await createUser("operator");
    const beforeDisable = await tokenFor(other);
    expect((await change(other, { disabled: true })).status).toBe(200);
    expect((await me(beforeDisable)).status).toBe(401);
  });
});
