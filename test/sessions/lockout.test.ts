import { runInDurableObject, SELF } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../src/platform/db/schema";
import { bearer, createUser, freshIp, ORIGIN, postToken, tokenFor, type TestUser } from "../helpers/accounts";
import { auditRows } from "../helpers/audit";
import { GUARD_STATE_KEY, type StoredGuard } from "../../durable-objects/login-guard";
import { bindings, problemOf } from "../helpers/worker";

const DEVICE_COOKIE = "__Host-resync_device";

/** A console sign-in, optionally with a device cookie; returns the response. */
function consoleLogin(user: { username: string; password: string }, options: { device?: string; ip?: string } = {}) {
  return SELF.fetch(`${ORIGIN}/api/v1/auth/login`, {
    method: "POST",
    headers: {
      "CF-Connecting-IP": options.ip ?? freshIp(),
      "Content-Type": "application/json",
      Origin: ORIGIN,
      ...(options.device ? { Cookie: options.device } : {}),
    },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
}

/** The `name=value` of the device cookie a response sets. */
function deviceCookieOf(response: Response): string {
  const set = response.headers.getAll("Set-Cookie").find((cookie) => cookie.startsWith(`${DEVICE_COOKIE}=`));
  if (!set) throw new Error(`no device cookie in ${JSON.stringify(response.headers.getAll("Set-Cookie"))}`);
  return set.split(";")[0]!;
}

/** A browser that signed in to `user` once: its device cookie. */
async function trustedBrowser(user: TestUser): Promise<string> {
  const response = await consoleLogin(user);
  expect(response.status).toBe(200);
  return deviceCookieOf(response);
}

/** Five wrong passwords from five addresses, then the right one from a sixth: the account locks for untrusted clients. */
async function lockForUntrustedClients(user: TestUser): Promise<void> {
  for (let i = 0; i < 5; i++) {
    expect((await postToken({ username: user.username, password: "wrong-password" })).status).toBe(401);
  }
  expect((await postToken({ username: user.username, password: user.password })).status).toBe(429);
}

/**
 * Lets a minute pass for `ip`'s login rate (5 requests a minute per address, which a known address shares): its
 * guard's admission times move back a minute, as an injected clock would.
 */
async function passLoginRateMinute(ip: string): Promise<void> {
  const namespace = bindings.LOGIN_GUARD;
  await runInDurableObject(namespace.get(namespace.idFromName(`ip:${ip}`)), (_instance, state) => {
    const stored = state.storage.kv.get<StoredGuard>(GUARD_STATE_KEY)!;
    const lane = stored.lanes.untrusted!;
    const aged = { ...lane, admissions: lane.admissions.map((at) => at - 60_000) };
    state.storage.kv.put<StoredGuard>(GUARD_STATE_KEY, { ...stored, lanes: { ...stored.lanes, untrusted: aged } });
  });
}

const wrong = (user: TestUser) => ({ username: user.username, password: "wrong-password" });

describe("device cookie", () => {
  it("a console sign-in sets a signed __Host- device cookie: HttpOnly, Secure, SameSite=Strict, Path=/, 30 days", async () => {
    const user = await createUser("viewer");
    const response = await consoleLogin(user);
    expect(response.status).toBe(200);
    const cookies = response.headers.getAll("Set-Cookie");
    // The session cookie comes first (clients that read one Set-Cookie get the session).
    expect(cookies[0]).toMatch(/^__Host-resync_session=/);
    const device = cookies.find((cookie) => cookie.startsWith(`${DEVICE_COOKIE}=`))!;
    expect(device).toContain("HttpOnly");
    expect(device).toContain("Secure");
    expect(device).toContain("SameSite=Strict");
    expect(device).toContain("Path=/");
    expect(device).toContain(`Max-Age=${30 * 24 * 3600}`);
    expect(device).not.toContain("Domain");
    expect(device).not.toContain(user.password);
  });

  it("is not set by /token or by a failed sign-in", async () => {
    const user = await createUser("viewer");
    const token = await postToken({ username: user.username, password: user.password });
    expect(token.headers.getAll("Set-Cookie").some((c) => c.startsWith(DEVICE_COOKIE))).toBe(false);
    const failed = await consoleLogin(wrong(user));
    expect(failed.status).toBe(401);
    expect(failed.headers.getAll("Set-Cookie")).toEqual([]);
  });
});

describe("lockout by client (OWASP device cookies)", () => {
  it("five wrong passwords from five addresses do not lock the account out of a trusted browser", async () => {
    const admin = await createUser("admin");
    const browser = await trustedBrowser(admin);
    await lockForUntrustedClients(admin);
    const signIn = await consoleLogin(admin, { device: browser });
    expect(signIn.status).toBe(200);
    // Its cookie is renewed, for the same device.
    expect(deviceCookieOf(signIn)).toBeTruthy();
  });

  it("a trusted browser has a budget of its own: its 5 failures lock only that browser", async () => {
    const user = await createUser("viewer");
    const browser = await trustedBrowser(user);
    for (let i = 0; i < 5; i++) expect((await consoleLogin(wrong(user), { device: browser })).status).toBe(401);
    const locked = await consoleLogin(user, { device: browser });
    expect(locked.status).toBe(429);
    expect((await problemOf(locked)).detail).toMatch(/^Too many failed logins; retry after /);
    // Other clients of the account are not locked by it.
    expect((await postToken({ username: user.username, password: user.password })).status).toBe(200);
    expect((await consoleLogin(user)).status).toBe(200);
  });

  it("a device cookie of another account, or a tampered one, is an untrusted client", async () => {
    const user = await createUser("viewer");
    const other = await createUser("viewer");
    const ownBrowser = await trustedBrowser(user);
    const otherBrowser = await trustedBrowser(other);
    await lockForUntrustedClients(user);
    expect((await consoleLogin(user, { device: otherBrowser })).status).toBe(429);
    const [name, value] = ownBrowser.split("=") as [string, string];
    const tampered = `${name}=${value.slice(0, -2)}${value.endsWith("AA") ? "BB" : "AA"}`;
    expect((await consoleLogin(user, { device: tampered })).status).toBe(429);
    expect((await consoleLogin(user, { device: ownBrowser })).status).toBe(200);
  });

  it("one browser is trusted by each account it signed in to", async () => {
    const first = await createUser("viewer");
    const second = await createUser("viewer");
    const afterFirst = deviceCookieOf(await consoleLogin(first));
    const both = deviceCookieOf(await consoleLogin(second, { device: afterFirst }));
    await lockForUntrustedClients(first);
    await lockForUntrustedClients(second);
    expect((await consoleLogin(first, { device: both })).status).toBe(200);
    expect((await consoleLogin(second, { device: both })).status).toBe(200);
  });

  it("/token: an address that signed in to the account in the last 30 days has a budget of its own", async () => {
    const user = await createUser("operator");
    const client = freshIp();
    expect((await postToken({ username: user.username, password: user.password }, client)).status).toBe(200);
    await lockForUntrustedClients(user);
    expect((await postToken({ username: user.username, password: user.password }, client)).status).toBe(200);
  });

  it("/token: an IPv6 client is known by its /64", async () => {
    const user = await createUser("operator");
    const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:1`;
    expect((await postToken({ username: user.username, password: user.password }, `${prefix}::10`)).status).toBe(200);
    await lockForUntrustedClients(user);
    expect((await postToken({ username: user.username, password: user.password }, `${prefix}::99`)).status).toBe(200);
  });

  it("a known address's 5 failures lock only that address", async () => {
    const user = await createUser("operator");
    const client = freshIp();
    expect((await postToken({ username: user.username, password: user.password }, client)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await postToken(wrong(user), client)).status).toBe(401);
    await passLoginRateMinute(client);
    expect((await postToken(wrong(user), client)).status).toBe(401);
    const locked = await postToken({ username: user.username, password: user.password }, client);
    expect(locked.status).toBe(429);
    expect((await problemOf(locked)).type).toBe("urn:resync:problem:login-locked");
    expect((await postToken({ username: user.username, password: user.password })).status).toBe(200);
  });

  it("refusals say nothing more: a locked unknown name and a locked account answer alike", async () => {
    const user = await createUser("viewer");
    const ghost = { username: `ghost-${crypto.randomUUID()}`, password: "wrong-password" };
    const browser = await trustedBrowser(user);
    await lockForUntrustedClients(user);
    for (let i = 0; i < 5; i++) await postToken(ghost);
    const headers = { "X-Correlation-ID": "same-correlation-id" };
    const lockedUser = await postToken({ username: user.username, password: user.password }, freshIp(), false, headers);
    const lockedGhost = await postToken(ghost, freshIp(), false, headers);
    const untrustedDevice = await postToken(ghost, freshIp(), false, { ...headers, Cookie: browser });
    const comparable = async (r: Response) => ({
      status: r.status,
      body: (await r.text()).replace(/retry after [^"]+"/, 'retry after …"'),
      headers: [...r.headers].filter(([name]) => !["date", "retry-after", "ratelimit"].includes(name)),
    });
    const expected = await comparable(lockedUser);
    expect(expected.status).toBe(429);
    expect(await comparable(lockedGhost)).toEqual(expected);
    expect(await comparable(untrustedDevice)).toEqual(expected);
  });
});

describe("DELETE /api/v1/users/{username}/lockout", () => {
  it("clears every lock of the account, audited; for admins only", async () => {
    const user = await createUser("viewer");
    const admin = await tokenFor(await createUser("admin"));
    const viewer = await tokenFor(await createUser("viewer"));
    await lockForUntrustedClients(user);
    const unlock = (token: string, username = user.username) =>
      SELF.fetch(`${ORIGIN}/api/v1/users/${username}/lockout`, { method: "DELETE", headers: bearer(token) });

    const refused = await unlock(viewer);
    expect(refused.status).toBe(403);
    expect((await postToken({ username: user.username, password: user.password })).status).toBe(429);

    const cleared = await unlock(admin);
    expect(cleared.status).toBe(204);
    expect((await postToken({ username: user.username, password: user.password })).status).toBe(200);

    const unknown = await unlock(admin, `nobody-${crypto.randomUUID().slice(0, 8)}`);
    expect(unknown.status).toBe(404);
    await problemOf(unknown);

    const events = await auditRows(and(eq(auditEvents.target, user.username), eq(auditEvents.action, "user.unlock")));
    expect(events.map((e) => e.outcome)).toEqual(["attempt", "success"]);
    expect(events[1]!.metadata).toMatchObject({ locked_lanes: 1 });
  });

  it("is documented in the OpenAPI document", async () => {
    const doc = (await (await SELF.fetch(`${ORIGIN}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths["/api/v1/users/{username}/lockout"] ?? {})).toEqual(["delete"]);
  });
});

describe("password reset", () => {
  it("clears the account's locks", async () => {
    const user = await createUser("viewer");
    const admin = await tokenFor(await createUser("admin"));
    await lockForUntrustedClients(user);
    const password = `reset-${crypto.randomUUID()}`;
    const reset = await SELF.fetch(`${ORIGIN}/api/v1/users/${user.username}`, {
      method: "PATCH",
      headers: { ...bearer(admin), "Content-Type": "application/json" },
      body: JSON.stringify({ password }),
    });
    expect(reset.status).toBe(200);
    expect((await postToken({ username: user.username, password })).status).toBe(200);
  });

  it("forgets the account's trusted browsers and addresses: they were proven with the old password", async () => {
    const user = await createUser("viewer");
    const admin = await tokenFor(await createUser("admin"));
    const browser = await trustedBrowser(user);
    const client = freshIp();
    expect((await postToken({ username: user.username, password: user.password }, client)).status).toBe(200);
    const password = `reset-${crypto.randomUUID()}`;
    const reset = await SELF.fetch(`${ORIGIN}/api/v1/users/${user.username}`, {
      method: "PATCH",
      headers: { ...bearer(admin), "Content-Type": "application/json" },
      body: JSON.stringify({ password }),
    });
    expect(reset.status).toBe(200);
    await lockForUntrustedClients({ ...user, password });
    expect((await consoleLogin({ ...user, password }, { device: browser })).status).toBe(429);
    expect((await postToken({ username: user.username, password }, client)).status).toBe(429);
  });
});
