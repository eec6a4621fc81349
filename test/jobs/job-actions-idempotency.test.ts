import { SELF } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { JobDetail } from "../../src/jobs/job";
import { auditEvents } from "../../src/platform/db/schema";
import { bearer, createUser, ORIGIN, tokenFor, type TestUser } from "../helpers/accounts";
import { auditRows } from "../helpers/audit";
import { borrowJobs } from "../helpers/borrowed-jobs";
import { simulator } from "../helpers/hwa";
import { CLOSED_URL, fetchWith, problemOf } from "../helpers/worker";

// What Idempotency-Key means for a job action in HWA: the action happens once. The middleware's own rules (key
// format, fingerprints, scope, in flight, expiry) are tested on a tiny app in test/platform/http/idempotency.test.ts.

let user: TestUser;
let token: string;
let viewer: string;

beforeAll(async () => {
  user = await createUser("operator");
  [token, viewer] = await Promise.all([tokenFor(user), tokenFor(await createUser("viewer"))]);
});

const { jobIn } = borrowJobs();

const actionPath = (jobId: string, action: string) => `/api/v1/jobs/${encodeURIComponent(jobId)}/actions/${action}`;

function requestInit(key: string | null, body?: string): RequestInit {
  const headers: Record<string, string> = bearer(token);
  if (key !== null) headers["Idempotency-Key"] = key;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return { method: "POST", headers, body };
}

function post(jobId: string, action: string, key: string | null, body?: string) {
  return SELF.fetch(`${ORIGIN}${actionPath(jobId, action)}`, requestInit(key, body));
}

async function current(jobId: string): Promise<JobDetail> {
  return (await (
    await SELF.fetch(`${ORIGIN}/api/v1/jobs/${encodeURIComponent(jobId)}`, { headers: bearer(viewer) })
  ).json()) as JobDetail;
}

const bytesOf = async (response: Response) => [...new Uint8Array(await response.arrayBuffer())];

describe("job actions are idempotent", () => {
  it("an action without an Idempotency-Key → 400, and HWA is not asked", async () => {
    const job = await jobIn("READY");
    const response = await post(job.id, "hold", null);
    expect(response.status).toBe(400);
    expect((await problemOf(response)).detail).toMatch(/Idempotency-Key/);
    expect((await current(job.id)).status).toBe("READY");
  });

  it("a replayed rerun is the first answer byte for byte, and HWA reruns the job once", async () => {
    const job = await jobIn("ABEND");
    const key = crypto.randomUUID();
    const first = await post(job.id, "rerun", key, JSON.stringify({ reason: "disk full, fixed" }));
    expect(first.status).toBe(200);
    const firstBytes = await bytesOf(first.clone());
    const runs = (await current(job.id)).runs.length;

    const replay = await post(job.id, "rerun", key, '{ "reason" :   "disk full, fixed" }');
    expect(replay.status).toBe(200);
    expect(replay.headers.get("Idempotency-Replayed")).toBe("true");
    expect(replay.headers.get("Cache-Control")).toBe(first.headers.get("Cache-Control"));
    expect(await bytesOf(replay)).toEqual(firstBytes);
    expect((await current(job.id)).runs.length).toBe(runs);
  });

  it("a refused action (409) is stored: the replay is the same 409 even after the job's status changed", async () => {
    const job = await jobIn("SUCC");
    const key = crypto.randomUUID();
    const refused = await post(job.id, "confirm-succ", key);
    expect(refused.status).toBe(409);
    const refusedBytes = await bytesOf(refused);
    await simulator.forceStatus(job.id, "ABEND");
    const replay = await post(job.id, "confirm-succ", key);
    expect(replay.status).toBe(409);
    expect(replay.headers.get("Idempotency-Replayed")).toBe("true");
    expect(replay.headers.get("Content-Type")).toBe("application/problem+json");
    expect(await bytesOf(replay)).toEqual(refusedBytes);
    expect((await current(job.id)).status).toBe("ABEND");
  });

  it("HWA unreachable (5xx) is not stored: the same key acts once HWA is back", async () => {
    const job = await jobIn("READY");
    const key = crypto.randomUUID();
    const down = await fetchWith({ HWA_BASE_URL: CLOSED_URL }, actionPath(job.id, "hold"), requestInit(key));
    expect(down.status).toBeGreaterThanOrEqual(500);
    expect((await current(job.id)).status).toBe("READY");
    const retried = await post(job.id, "hold", key);
    expect(retried.status).toBe(200);
    expect(retried.headers.get("Idempotency-Replayed")).toBeNull();
    expect((await current(job.id)).status).toBe("HOLD");
  }, 30_000);
});

describe("100 concurrent identical requests with one key", () => {
  it("exactly one rerun reaches HWA; every answer is the stored 200 or 409; every replay is byte-identical", async () => {
    const job = await jobIn("ABEND");
    const before = await current(job.id);
    const key = crypto.randomUUID();
    const body = JSON.stringify({ reason: "double-clicked" });
    // Half through the Worker's service binding, half through its fetch handler called here: two ways in, one store.
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        i % 2 === 0
          ? post(job.id, "rerun", key, body)
          : fetchWith({}, actionPath(job.id, "rerun"), requestInit(key, body)),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(
      statuses.every((s) => s === 200 || s === 409),
      JSON.stringify(statuses),
    ).toBe(true);
    const ok = responses.filter((r) => r.status === 200);
    const acted = ok.filter((r) => r.headers.get("Idempotency-Replayed") === null);
    expect(acted).toHaveLength(1);
    for (const busy of responses.filter((r) => r.status === 409)) {
      expect(Number(busy.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
      expect((await busy.json()) as { detail: string }).toMatchObject({
        detail: expect.stringMatching(/still in progress/),
      });
    }
    const original = await bytesOf(acted[0]!.clone());
    for (const replay of ok.filter((r) => r.headers.get("Idempotency-Replayed") === "true"))
      expect(await bytesOf(replay)).toEqual(original);

    // HWA saw one rerun: one new run in the job's chain, one audited attempt and success, both the acting request's.
    const after = await current(job.id);
    expect(after.runs).toHaveLength(before.runs.length + 1);
    const events = await auditRows(
      and(eq(auditEvents.target, job.id), eq(auditEvents.action, "job.rerun"), eq(auditEvents.actor, user.username)),
    );
    const acting = acted[0]!.headers.get("X-Correlation-ID");
    expect(events.map((event) => [event.outcome, event.correlationId])).toEqual([
      ["attempt", acting],
      ["success", acting],
    ]);

    // Afterwards every replay, through either way in, is the original answer byte for byte.
    for (let i = 0; i < 4; i++) {
      const replay =
        i % 2 === 0
          ? await post(job.id, "rerun", key, body)
          : await fetchWith({}, actionPath(job.id, "rerun"), requestInit(key, body));
      expect(replay.status).toBe(200);
      expect(replay.headers.get("Idempotency-Replayed")).toBe("true");
      expect(await bytesOf(replay)).toEqual(original);
    }
    expect((await current(job.id)).runs).toHaveLength(before.runs.length + 1);
  }, 60_000);
});
