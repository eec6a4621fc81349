import { SELF } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { database } from "../../src/platform/db/client";
import { auditEvents } from "../../src/platform/db/schema";
import { readConfig } from "../../src/platform/env/config";
import { settingsObject } from "../../src/settings/maintenance";
import {
  bearer,
  createUser,
  freshIp,
  ORIGIN,
  postToken,
  sessionFor,
  tokenFor,
  type TestUser,
} from "../helpers/accounts";
import { bindings, problemOf } from "../helpers/worker";
import { createWorkflow, runWorkflow, uniqueName } from "../workflows/helpers";

// Each test file has a Settings object of its own; tests here share it and turn maintenance off after each.

const MESSAGE = "HWA upgrade to 10.2.3 — back at 06:00";
const json = (token: string) => ({ ...bearer(token), "Content-Type": "application/json" });

let admin: string;
let adminName: string;
let operatorUser: TestUser;
let operator: string;
let viewer: string;

beforeAll(async () => {
  const adminUser = await createUser("admin");
  adminName = adminUser.username;
  operatorUser = await createUser("operator");
  [admin, operator, viewer] = await Promise.all([
    tokenFor(adminUser),
    tokenFor(operatorUser),
    tokenFor(await createUser("viewer")),
  ]);
});

afterEach(async () => {
  expect((await putSettings(admin, { maintenance: { enabled: false } })).status).toBe(200);
});

function putSettings(token: string, body: unknown): Promise<Response> {
  return SELF.fetch(`${ORIGIN}/api/v1/settings`, { method: "PUT", headers: json(token), body: JSON.stringify(body) });
}

async function turnOn(until?: string): Promise<Response> {
  const response = await putSettings(admin, {
    maintenance: { enabled: true, message: MESSAGE, ...(until && { until }) },
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response;
}

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
// Each poll from an address of its own: /health/ready is limited to 60 a minute per address.
const ready = () => SELF.fetch(`${ORIGIN}/health/ready`, { headers: { "CF-Connecting-IP": freshIp() } });

/** An operator's job action: refused during maintenance before anything else; otherwise HWA says the job is unknown. */
function operatorWrite(): Promise<Response> {
  return SELF.fetch(`${ORIGIN}/api/v1/jobs/NO_SUCH_JOB_ID/actions/hold`, {
    method: "POST",
    headers: { ...bearer(operator), "Idempotency-Key": crypto.randomUUID() },
  });
}

async function maintenanceAudit(correlationId: string) {
  const db = await database(readConfig(bindings));
  return vi.waitFor(
    async () => {
      const [row] = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "settings.maintenance"), eq(auditEvents.correlationId, correlationId)));
      expect(row).toBeDefined();
      return row!;
    },
    { timeout: 5_000, interval: 50 },
  );
}

describe("GET/PUT /api/v1/settings", () => {
  it("shows maintenance off, turns it on with a message and an until, and off again", async () => {
    const before = await SELF.fetch(`${ORIGIN}/api/v1/settings`, { headers: bearer(admin) });
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual({ maintenance: { enabled: false } });

    const until = new Date(Date.now() + 3_600_000);
    const offset = until.toISOString().replace("Z", "+00:00");
    const changed = await turnOn(offset);
    const expected = { maintenance: { enabled: true, message: MESSAGE, until: until.toISOString() } };
    expect(await changed.json()).toEqual(expected);
    expect(await (await SELF.fetch(`${ORIGIN}/api/v1/settings`, { headers: bearer(admin) })).json()).toEqual(expected);
  });

  it("is documented in the OpenAPI document", async () => {
    const doc = (await (await SELF.fetch(`${ORIGIN}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths["/api/v1/settings"]!)).toEqual(["get", "put"]);
    expect(doc.components.schemas).toHaveProperty("SettingsChange");
    expect(doc.components.schemas).toHaveProperty("UnderMaintenance");
  });

  it("is for admins only: viewer and operator get 403 on GET and PUT, during maintenance too", async () => {
    for (const token of [viewer, operator]) {
      const read = await SELF.fetch(`${ORIGIN}/api/v1/settings`, { headers: bearer(token) });
      expect(read.status).toBe(403);
      expect((await problemOf(read)).detail).toBe("This action requires the admin role");
      expect((await putSettings(token, { maintenance: { enabled: true, message: "mine" } })).status).toBe(403);
    }
    await turnOn();
    expect((await putSettings(operator, { maintenance: { enabled: false } })).status).toBe(403);
    expect((await SELF.fetch(`${ORIGIN}/api/v1/settings`)).status).toBe(401);
  });

  it("rejects unknown fields, a past or malformed until and a bad message with 400", async () => {
    const cases: [unknown, string][] = [
      [{ maintenance: { enabled: true, message: "ok" }, theme: "dark" }, "body"],
      [{ maintenance: { enabled: true, message: "ok", reason: "x" } }, "body.maintenance"],
      [{ maintenance: { enabled: false, message: "ok" } }, "body.maintenance"],
      [{ maintenance: { enabled: true, message: "ok", until: inSeconds(-60) } }, "body.maintenance.until"],
      [{ maintenance: { enabled: true, message: "ok", until: "tomorrow 6am" } }, "body.maintenance.until"],
      [{ maintenance: { enabled: true, message: "" } }, "body.maintenance.message"],
      [{ maintenance: { enabled: true, message: "   " } }, "body.maintenance.message"],
      [{ maintenance: { enabled: true, message: "x".repeat(501) } }, "body.maintenance.message"],
      [{ maintenance: { enabled: true, message: "line one\nline two" } }, "body.maintenance.message"],
      [{ maintenance: { enabled: true, message: "bell\u0007" } }, "body.maintenance.message"],
      [{ maintenance: { enabled: true, message: "c1\u009b" } }, "body.maintenance.message"],
      [{ maintenance: { enabled: true } }, "body.maintenance.message"],
      [{ maintenance: { enabled: "yes", message: "ok" } }, "body.maintenance"],
      [{}, "body.maintenance"],
    ];
    for (const [body, path] of cases) {
      const response = await putSettings(admin, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const problem = await problemOf(response);
      expect(
        problem.errors?.map((error) => error.path).some((p) => p.startsWith(path)),
        JSON.stringify(body),
      ).toBe(true);
    }
    expect((await putSettings(admin, { maintenance: { enabled: true, message: "x".repeat(500) } })).status).toBe(200);
  });

  it("audits turning maintenance on and off (not a change that changes nothing)", async () => {
    const on = await turnOn(inSeconds(3600));
    const onRow = await maintenanceAudit(on.headers.get("X-Correlation-ID")!);
    expect(onRow).toMatchObject({ actor: adminName, target: "maintenance", outcome: "success" });
    expect(onRow.metadata).toMatchObject({ change: "on", enabled: true, message: MESSAGE });

    const off = await putSettings(admin, { maintenance: { enabled: false } });
    const offRow = await maintenanceAudit(off.headers.get("X-Correlation-ID")!);
    expect(offRow).toMatchObject({ actor: adminName, target: "maintenance", outcome: "success" });
    expect(offRow.metadata).toMatchObject({ change: "off", enabled: false, previous: { message: MESSAGE } });

    const again = await putSettings(admin, { maintenance: { enabled: false } });
    expect(again.status).toBe(200);
    const db = await database(readConfig(bindings));
    const rows = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.correlationId, again.headers.get("X-Correlation-ID")!));
    expect(rows).toEqual([]);
  });

  it("rotates a cookie session's CSRF token after a change", async () => {
    const session = await sessionFor(await createUser("admin"));
    const headers = { Cookie: session.cookie, Origin: ORIGIN, "X-CSRF-Token": session.csrf };
    const change = await SELF.fetch(`${ORIGIN}/api/v1/settings`, {
      method: "PUT",
      headers: { ...headers, "Content-Type": "application/json" },
      body: JSON.stringify({ maintenance: { enabled: true, message: MESSAGE } }),
    });
    expect(change.status).toBe(200);
    const rotated = change.headers.get("X-CSRF-Token");
    expect(rotated).toBeTruthy();
    expect(rotated).not.toBe(session.csrf);
    const newCookie = change.headers.get("Set-Cookie")!.split(";")[0]!;
    const stale = await SELF.fetch(`${ORIGIN}/api/v1/settings`, {
      method: "PUT",
      headers: { ...headers, Cookie: newCookie, "Content-Type": "application/json" },
      body: JSON.stringify({ maintenance: { enabled: false } }),
    });
    expect(stale.status).toBe(403);
  });
});

describe("while maintenance is on", () => {
  it("readiness answers 503 maintenance, liveness stays 200; readiness is 200 again after", async () => {
    expect((await ready()).status).toBe(200);
    const until = inSeconds(3600);
    await turnOn(until);
    const during = await ready();
    expect(during.status).toBe(503);
    expect(await during.json()).toEqual({ status: "maintenance", message: MESSAGE, until });
    expect((await SELF.fetch(`${ORIGIN}/health`)).status).toBe(200);

    await putSettings(admin, { maintenance: { enabled: false } });
    expect((await ready()).status).toBe(200);
  });

  it("refuses non-admin writes with 503, the message and Retry-After (until, else 300 s)", async () => {
    expect((await operatorWrite()).status).toBe(404);
    await turnOn(inSeconds(600));
    const refused = await operatorWrite();
    expect(refused.status).toBe(503);
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(590);
    expect(retryAfter).toBeLessThanOrEqual(600);
    const problem = await problemOf(refused);
    expect(problem).toMatchObject({ type: "urn:resync:problem:maintenance", status: 503, detail: MESSAGE });

    await turnOn();
    const withoutEnd = await operatorWrite();
    expect(withoutEnd.status).toBe(503);
    expect(withoutEnd.headers.get("Retry-After")).toBe("300");
  });

  it("refuses new workflow runs, an admin's too, without spending the Idempotency-Key", async () => {
    const jobs = await SELF.fetch(`${ORIGIN}/api/v1/jobs?limit=1`, { headers: bearer(viewer) });
    const [job] = ((await jobs.json()) as { items: { id: string }[] }).items;
    const workflow = await createWorkflow(admin, {
      name: uniqueName("maintenance"),
      steps: [{ action: "assert-status", job: job!.id, status: ["SUCC", "ABEND", "HOLD", "READY", "EXEC"] }],
    });
    await turnOn();
    const key = crypto.randomUUID();
    const refused = await runWorkflow(admin, workflow.id, key);
    expect(refused.status).toBe(503);
    expect(await problemOf(refused)).toMatchObject({ type: "urn:resync:problem:maintenance", detail: MESSAGE });
    expect(refused.headers.get("Retry-After")).toBe("300");
    const compat = await SELF.fetch(`${ORIGIN}/api/workflow/execute`, {
      method: "POST",
      headers: { ...json(admin), "Idempotency-Key": crypto.randomUUID() },
      body: JSON.stringify({ workflow_id: workflow.id }),
    });
    expect(compat.status).toBe(503);

    await putSettings(admin, { maintenance: { enabled: false } });
    const ran = await runWorkflow(admin, workflow.id, key);
    expect(ran.status).toBe(202);
    expect(ran.headers.get("Idempotency-Replayed")).toBeNull();
  });

  it("lets admins write", async () => {
    await turnOn();
    const created = await SELF.fetch(`${ORIGIN}/api/v1/users`, {
      method: "POST",
      headers: json(admin),
      body: JSON.stringify({
        username: `m-${crypto.randomUUID().slice(0, 8)}`,
        password: "a-long-password",
        role: "viewer",
      }),
    });
    expect(created.status).toBe(201);
  });

  it("never blocks reads", async () => {
    await turnOn();
    expect((await SELF.fetch(`${ORIGIN}/api/v1/jobs?limit=1`, { headers: bearer(operator) })).status).toBe(200);
    expect((await SELF.fetch(`${ORIGIN}/api/v1/auth/me`, { headers: bearer(viewer) })).status).toBe(200);
    expect((await SELF.fetch(`${ORIGIN}/api/v1/workflows`, { headers: bearer(viewer) })).status).toBe(200);
  });

  it("lets everyone sign in and out", async () => {
    await turnOn();
    expect((await postToken({ username: operatorUser.username, password: operatorUser.password })).status).toBe(200);
    const session = await sessionFor(operatorUser);
    const logout = await SELF.fetch(`${ORIGIN}/api/v1/auth/logout`, {
      method: "POST",
      headers: { Cookie: session.cookie, Origin: ORIGIN, "X-CSRF-Token": session.csrf },
    });
    expect(logout.status).toBe(204);
  });

  it("ends by itself at until: readiness and writes come back with no request to end it, and the end is audited", async () => {
    const until = inSeconds(2);
    await turnOn(until);
    expect((await ready()).status).toBe(503);
    expect((await operatorWrite()).status).toBe(503);
    await vi.waitFor(async () => expect((await ready()).status).toBe(200), { timeout: 10_000, interval: 200 });
    expect((await operatorWrite()).status).toBe(404);

    // The object's alarm records the end as the system's.
    const db = await database(readConfig(bindings));
    const ended = await vi.waitFor(
      async () => {
        const rows = await db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, "settings.maintenance"), eq(auditEvents.actor, "system")));
        const row = rows.find((r) => (r.metadata as { until?: string } | null)?.until === until);
        expect(row).toBeDefined();
        return row!;
      },
      { timeout: 10_000, interval: 200 },
    );
    expect(ended.metadata).toMatchObject({ enabled: false, ended_by: "until" });
    expect(await (await SELF.fetch(`${ORIGIN}/api/v1/settings`, { headers: bearer(admin) })).json()).toEqual({
      maintenance: { enabled: false },
    });
  }, 25_000);

  it("is seen within 5 s when it was changed through another isolate", async () => {
    expect((await ready()).status).toBe(200);
    // Straight into the object, as another isolate's PUT would: this isolate's copy does not hear of it.
    const changedAt = Date.now();
    await settingsObject(bindings).replace({ maintenance: { enabled: true, message: MESSAGE } });
    const polls: { startedAt: number; status: number }[] = [];
    await vi.waitFor(
      async () => {
        const startedAt = Date.now();
        const { status } = await ready();
        polls.push({ startedAt, status });
        expect(status).toBe(503);
      },
      { timeout: 8_000, interval: 100 },
    );
    // No request that started 5 s or more after the change was answered from the old copy.
    const stale = polls.filter((poll) => poll.status === 200).map((poll) => poll.startedAt - changedAt);
    expect(Math.max(0, ...stale)).toBeLessThan(5_000);
  }, 15_000);
});
