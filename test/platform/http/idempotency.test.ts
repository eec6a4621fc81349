import { runDurableObjectAlarm, runInDurableObject, SELF } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { RECORD_KEY } from "../../../durable-objects/idempotency-store";
import { RECORD_TTL_MS, type IdempotencyRecord } from "../../../src/platform/idempotency/records";
import type { JobDetail } from "../../../src/jobs/job";
import { auditEvents } from "../../../src/platform/db/schema";
import { canonicalBody, sha256Hex } from "../../../src/platform/http/canonical-json";
import { scopeName } from "../../../src/platform/idempotency/run-once";
import { bearer, createUser, ORIGIN, tokenFor, type TestUser } from "../../helpers/accounts";
import { auditRows } from "../../helpers/audit";
import { borrowJobs } from "../../helpers/borrowed-jobs";
import { simulator } from "../../helpers/hwa";
import { bindings, CLOSED_URL, fetchWith, problemOf } from "../../helpers/worker";

let user: TestUser;
let token: string;
let viewer: string;

beforeAll(async () => {
  user = await createUser("operator");
  [token, viewer] = await Promise.all([tokenFor(user), tokenFor(await createUser("viewer"))]);
});

const { jobIn } = borrowJobs();

const actionPath = (jobId: string, action: string) => `/api/v1/jobs/${encodeURIComponent(jobId)}/actions/${action}`;

function requestInit(key: string | null, body?: string, auth = token): RequestInit {
  const headers: Record<string, string> = bearer(auth);
  if (key !== null) headers["Idempotency-Key"] = key;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return { method: "POST", headers, body };
}

function post(jobId: string, action: string, key: string | null, body?: string, auth = token) {
  return SELF.fetch(`${ORIGIN}${actionPath(jobId, action)}`, requestInit(key, body, auth));
}

async function current(jobId: string): Promise<JobDetail> {
  return (await (
    await SELF.fetch(`${ORIGIN}/api/v1/jobs/${encodeURIComponent(jobId)}`, { headers: bearer(viewer) })
  ).json()) as JobDetail;
}

const bytesOf = async (response: Response) => [...new Uint8Array(await response.arrayBuffer())];

/** The IdempotencyStore of one key scope of this file's operator. */
async function storeOf(jobId: string, action: string, key: string) {
  const namespace = bindings.IDEMPOTENCY_STORE;
  return namespace.get(namespace.idFromName(await scopeName(user.username, "POST", actionPath(jobId, action), key)));
}

describe("Idempotency-Key is required and well formed", () => {
  it("missing → 400 and nothing happens", async () => {
    const job = await jobIn("READY");
    const response = await post(job.id, "hold", null);
    expect(response.status).toBe(400);
    expect((await problemOf(response)).detail).toMatch(/Idempotency-Key/);
    expect((await current(job.id)).status).toBe("READY");
  });

  it.each([
    ["empty", ""],
    ["a space", "two words"],
    ["non-ASCII", "clé"],
    ["256 characters", "k".repeat(256)],
  ])("%s → 400", async (_name, key) => {
    const job = await jobIn("READY");
    const response = await post(job.id, "hold", key);
    expect(response.status).toBe(400);
    expect((await current(job.id)).status).toBe("READY");
  });

  it("255 visible ASCII characters are a valid key", async () => {
    const job = await jobIn("READY");
    expect((await post(job.id, "hold", `${"~!".repeat(127)}x`)).status).toBe(200);
  });
});

describe("replays, mismatches and scope", () => {
  it("a replay is the stored answer byte for byte, with Idempotency-Replayed: true and this request's correlation id", async () => {
    const job = await jobIn("ABEND");
    const key = crypto.randomUUID();
    const first = await post(job.id, "rerun", key, JSON.stringify({ reason: "disk full, fixed" }));
    expect(first.status).toBe(200);
    expect(first.headers.get("Idempotency-Replayed")).toBeNull();
    const firstBytes = await bytesOf(first.clone());
    const runs = (await current(job.id)).runs.length;

    // Same body with other key order and spacing: the same fingerprint.
    const replay = await post(job.id, "rerun", key, '{ "reason" :   "disk full, fixed" }');
    expect(replay.status).toBe(200);
    expect(replay.headers.get("Idempotency-Replayed")).toBe("true");
    expect(replay.headers.get("Content-Type")).toBe(first.headers.get("Content-Type"));
    expect(replay.headers.get("X-Correlation-ID")).not.toBe(first.headers.get("X-Correlation-ID"));
    expect(replay.headers.get("Cache-Control")).toBe(first.headers.get("Cache-Control"));
    expect(await bytesOf(replay)).toEqual(firstBytes);
    expect((await current(job.id)).runs.length).toBe(runs);
  });

  it("the same key with another body → 422, and nothing happens", async () => {
    const job = await jobIn("READY");
    const key = crypto.randomUUID();
    expect((await post(job.id, "hold", key, JSON.stringify({ reason: "a" }))).status).toBe(200);
    await simulator.forceStatus(job.id, "READY");
    const other = await post(job.id, "hold", key, JSON.stringify({ reason: "b" }));
    expect(other.status).toBe(422);
    expect((await problemOf(other)).detail).toMatch(/different request body/);
    const none = await post(job.id, "hold", key);
    expect(none.status).toBe(422);
    expect((await current(job.id)).status).toBe("READY");
  });

  it("a key is scoped to the user and the path", async () => {
    const key = crypto.randomUUID();
    const job = await jobIn("READY");
    const other = await jobIn("READY");
    const first = await post(job.id, "hold", key);
    const otherPath = await post(other.id, "hold", key);
    const otherUser = await post(job.id, "hold", key, undefined, await tokenFor(await createUser("operator")));
    expect([first.status, otherPath.status, otherUser.status]).toEqual([200, 200, 200]);
    expect(otherPath.headers.get("Idempotency-Replayed")).toBeNull();
    expect(otherUser.headers.get("Idempotency-Replayed")).toBeNull();
    expect((await current(other.id)).status).toBe("HOLD");
  });

  it("a 4xx is stored: the replay is the same 409 even after the job's status changed", async () => {
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

  it("a 5xx is not stored: the same key acts once HWA is back", async () => {
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

describe("in flight and expiry", () => {
  it("while the first request is in flight: 409 with Retry-After; once it is released the key acts", async () => {
    const job = await jobIn("READY");
    const key = crypto.randomUUID();
    const store = await storeOf(job.id, "hold", key);
    const claim = await store.claim({ fingerprint: await sha256Hex(canonicalBody("")), leaseMs: 30_000 });
    const nearlyLapsed = await storeOf(job.id, "cancel", key);
    expect((await nearlyLapsed.claim({ fingerprint: await sha256Hex(canonicalBody("")), leaseMs: 2_000 })).kind).toBe(
      "claimed",
    );
    expect(claim.kind).toBe("claimed");

    const busy = await post(job.id, "hold", key);
    expect(busy.status).toBe(409);
    // The lease has 30 s left, but a live request usually answers sooner: retry within 5 s.
    expect(busy.headers.get("Retry-After")).toBe("5");
    expect((await problemOf(busy)).detail).toMatch(/still in progress/);
    expect((await current(job.id)).status).toBe("READY");
    // A claim about to lapse: retry when it does.
    expect((await post(job.id, "cancel", key)).headers.get("Retry-After")).toBe("2");

    // The in-flight request dies without answering (a 5xx): the key is free again.
    expect(await store.release((claim as { claimId: string }).claimId)).toBe(true);
    expect((await post(job.id, "hold", key)).status).toBe(200);
    expect((await current(job.id)).status).toBe("HOLD");
  });

  it("after 24 h the record expires through the alarm and the key acts again", async () => {
    const job = await jobIn("READY");
    const key = crypto.randomUUID();
    expect((await post(job.id, "hold", key)).status).toBe(200);
    const store = await storeOf(job.id, "hold", key);
    await runInDurableObject(store, (_instance, state) => {
      const record = state.storage.kv.get<Extract<IdempotencyRecord, { state: "completed" }>>(RECORD_KEY)!;
      expect(record.state).toBe("completed");
      state.storage.kv.put(RECORD_KEY, {
        ...record,
        completedAt: record.completedAt - RECORD_TTL_MS,
        expiresAt: record.expiresAt - RECORD_TTL_MS,
      });
    });
    expect(await runDurableObjectAlarm(store)).toBe(true);
    expect(await runInDurableObject(store, (_instance, state) => state.storage.kv.get(RECORD_KEY))).toBeUndefined();

    await simulator.forceStatus(job.id, "READY");
    const again = await post(job.id, "hold", key);
    expect(again.status).toBe(200);
    expect(again.headers.get("Idempotency-Replayed")).toBeNull();
    expect((await current(job.id)).status).toBe("HOLD");
  });
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
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(ok.filter((r) => r.headers.get("Idempotency-Replayed") === null)).toHaveLength(1);
    for (const busy of responses.filter((r) => r.status === 409)) {
      expect(Number(busy.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
      expect((await busy.json()) as { detail: string }).toMatchObject({
        detail: expect.stringMatching(/still in progress/),
      });
    }
    const original = await bytesOf(ok.find((r) => r.headers.get("Idempotency-Replayed") === null)!);
    for (const replay of ok.filter((r) => r.headers.get("Idempotency-Replayed") === "true"))
      expect(await bytesOf(replay)).toEqual(original);

    // HWA saw one rerun: one new run in the job's chain, one audited success.
    const after = await current(job.id);
    expect(after.runs).toHaveLength(before.runs.length + 1);
    const audited = await auditRows(
      and(eq(auditEvents.target, job.id), eq(auditEvents.action, "job.rerun"), eq(auditEvents.actor, user.username)),
    );
    expect(audited.map((row) => row.outcome)).toEqual(["attempt", "success"]);

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
