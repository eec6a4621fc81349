import { SELF } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { auditEvents } from "../../src/platform/db/schema";
import { bearer, createUser, freshIp, ORIGIN, tokenFor, type TestUser } from "../helpers/accounts";
import { auditRows, fakeAuditQueue } from "../helpers/audit";
import { simulatorAt } from "../helpers/hwa";
import { fetchWith, problemOf } from "../helpers/worker";
import { captureLogs } from "../helpers/logs";

// The rule: no state change without its event queued. With the AUDIT queue refusing, a change answers 503 and
// does not happen; a refusal (403) changes nothing and keeps its answer.

const refusing = () => ({ AUDIT: fakeAuditQueue({ refuse: true }).queue });
/** The audit tests' own simulator, so the requests it counts are this file's only. */
const hwa = () => simulatorAt(inject("hwaAuditUrl"));

let admin: TestUser;
let adminToken: string;
beforeAll(async () => {
  admin = await createUser("admin");
  adminToken = await tokenFor(admin);
});

async function expectAuditUnavailable(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get("Retry-After")).toBe("5");
  expect((await problemOf(response)).type).toBe("urn:resync:problem:audit-unavailable");
}

/** The first job of the simulator's plan, forced into READY. */
async function readyJob(): Promise<string> {
  const authorization = `Basic ${btoa(`${inject("hwaUsername")}:${inject("hwaPassword")}`)}`;
  const listed = await fetch(`${hwa().url}/api/v2/plan/job?plan_id=current&limit=1&offset=0`, {
    headers: { Authorization: authorization },
  });
  const jobId = ((await listed.json()) as { results: { id: string }[] }).results[0]!.id;
  await hwa().forceStatus(jobId, "READY");
  return jobId;
}

describe("no state change without its event queued", () => {
  it("a job action whose attempt cannot be queued answers 503 and HWA sees no call; a retry acts once queued", async () => {
    const logs = captureLogs();
    const jobId = await readyJob();
    const token = await tokenFor(await createUser("operator"));
    const key = crypto.randomUUID();
    const path = `/api/v1/jobs/${encodeURIComponent(jobId)}/actions/hold`;
    const init = { method: "POST", headers: { ...bearer(token), "Idempotency-Key": key } };
    const before = await hwa().requests();

    await expectAuditUnavailable(await fetchWith({ ...refusing(), HWA_BASE_URL: hwa().url }, path, init));
    expect(await hwa().requests()).toBe(before);

    // A 5xx is not stored under the key: the client's retry acts, now that its attempt is queued.
    const retried = await fetchWith({ HWA_BASE_URL: hwa().url }, path, init);
    expect(retried.status, await retried.clone().text()).toBe(200);
    expect(await hwa().requests()).toBeGreaterThan(before);
    const rows = await auditRows(eq(auditEvents.correlationId, retried.headers.get("X-Correlation-ID")!));
    expect(rows.map((r) => r.outcome)).toEqual(["attempt", "success"]);
    expect(logs.map((line) => line.message)).toContain("audit event not queued");
  });

  it("a user is not created, changed or deleted", async () => {
    const logs = captureLogs();
    const username = `unqueued-${crypto.randomUUID().slice(0, 8)}`;
    const json = { ...bearer(adminToken), "Content-Type": "application/json" };
    const create = {
      method: "POST",
      headers: json,
      body: JSON.stringify({ username, password: "a-long-password", role: "viewer" }),
    };
    await expectAuditUnavailable(await fetchWith(refusing(), "/api/v1/users", create));
    expect((await fetchWith({}, `/api/v1/users/${username}`, { headers: bearer(adminToken) })).status).toBe(404);

    expect((await fetchWith({}, "/api/v1/users", create)).status).toBe(201);
    const demote = { method: "PATCH", headers: json, body: JSON.stringify({ disabled: true }) };
    await expectAuditUnavailable(await fetchWith(refusing(), `/api/v1/users/${username}`, demote));
    await expectAuditUnavailable(
      await fetchWith(refusing(), `/api/v1/users/${username}`, { method: "DELETE", headers: bearer(adminToken) }),
    );
    const kept = await fetchWith({}, `/api/v1/users/${username}`, { headers: bearer(adminToken) });
    expect(await kept.json()).toMatchObject({ username, disabled: false });
    expect(logs.map((line) => line.message)).toContain("audit event not queued");
  });

  it("a workflow is not stored, and a login issues no token", async () => {
    const logs = captureLogs();
    const name = `unqueued-${crypto.randomUUID()}`;
    const create = {
      method: "POST",
      headers: { ...bearer(adminToken), "Content-Type": "application/json" },
      body: JSON.stringify({ name, steps: [{ action: "hold", job: "X" }] }),
    };
    await expectAuditUnavailable(await fetchWith(refusing(), "/api/v1/workflows", create));
    const listed = await fetchWith({}, `/api/v1/workflows?name=${name}`, { headers: bearer(adminToken) });
    expect(((await listed.json()) as { items: unknown[] }).items).toEqual([]);

    const login = await fetchWith(refusing(), "/token", {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": freshIp() },
      body: JSON.stringify({ username: admin.username, password: admin.password }),
    });
    await expectAuditUnavailable(login);
    expect(login.headers.get("Set-Cookie")).toBeNull();
    expect(logs.map((line) => line.message)).toContain("audit event not queued");
  });

  it("a logout that cannot be queued leaves the token valid", async () => {
    const logs = captureLogs();
    const user = await createUser("viewer");
    const token = await tokenFor(user);
    await expectAuditUnavailable(
      await fetchWith(refusing(), "/api/v1/auth/logout", { method: "POST", headers: bearer(token) }),
    );
    expect((await fetchWith({}, "/api/v1/auth/me", { headers: bearer(token) })).status).toBe(200);
    expect(logs.map((line) => line.message)).toContain("audit event not queued");
  });
});

describe("refused attempts are audited as denied", () => {
  it("a viewer's POST to an operator route: 403 and an http.post denied event", async () => {
    const viewer = await createUser("viewer");
    const response = await SELF.fetch(`${ORIGIN}/api/v1/jobs/SOME_JOB/actions/kill`, {
      method: "POST",
      headers: { ...bearer(await tokenFor(viewer)), "Idempotency-Key": crypto.randomUUID() },
    });
    expect(response.status).toBe(403);
    const [row] = await auditRows(and(eq(auditEvents.actor, viewer.username), eq(auditEvents.outcome, "denied")));
    expect(row).toMatchObject({
      action: "http.post",
      target: "/api/v1/jobs/SOME_JOB/actions/kill",
      outcome: "denied",
      metadata: { role: "viewer", required_role: "operator" },
      correlationId: response.headers.get("X-Correlation-ID"),
    });
  });

  it("a refusal changes nothing, so it keeps its 403 when its event cannot be queued", async () => {
    const logs = captureLogs();
    const token = await tokenFor(await createUser("viewer"));
    const response = await fetchWith(refusing(), "/api/v1/users", {
      method: "POST",
      headers: { ...bearer(token), "Content-Type": "application/json" },
      body: JSON.stringify({ username: "nobody", password: "a-long-password", role: "admin" }),
    });
    expect(response.status).toBe(403);
    expect(logs.map((line) => line.message)).toContain("audit event not queued");
  });

  it("a GET refused for its role is not an attempt to change anything: nothing is queued", async () => {
    const { queue, sent } = fakeAuditQueue();
    const token = await tokenFor(await createUser("viewer"));
    expect((await fetchWith({ AUDIT: queue }, "/api/v1/audit", { headers: bearer(token) })).status).toBe(403);
    expect(sent).toEqual([]);
  });
});
