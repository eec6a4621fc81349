import { runInDurableObject } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { Job, JobDetail } from "../../../src/jobs/job";
import { cacheKeys } from "../../../src/hwa/cache";
import { envelopeText, type Entry } from "../../../src/platform/cache/envelope";
import { cacheOfIsolate } from "../../../src/hwa/cache/read";
import { readConfig } from "../../../src/platform/env/config";
import { bearer, createUser, tokenFor } from "../../helpers/accounts";
import { simulatorAt } from "../../helpers/hwa";
import { captureLogs } from "../../helpers/logs";
import { bindings, fetchWith, problemOf } from "../../helpers/worker";

// HWA failing under the cache. These tests inject faults, so the Worker talks to a simulator of their own
// (its HWA_BASE_URL overridden), and every fault is cleared after each test.
const simulator = simulatorAt(inject("hwaCacheFaultsUrl"));
afterEach(async () => {
  await simulator.clearFaults();
});

let token: string;
let jobs: Job[];
const get = (path: string) => fetchWith({ HWA_BASE_URL: simulator.url }, path, { headers: bearer(token) });

beforeAll(async () => {
  token = await tokenFor(await createUser("viewer"));
  jobs = ((await (await get("/api/v1/jobs?limit=100")).json()) as { items: Job[] }).items;
  expect(jobs.length).toBeGreaterThan(10);
});

/** Lets `seconds` pass for a cached key: its memory entry, KV envelope and the Coalescer's copy move back in time. */
async function age(key: string, seconds: number): Promise<void> {
  const memory = cacheOfIsolate(readConfig(bindings)).memory;
  const entry = memory.get(key);
  if (!entry) throw new Error(`${key} is not cached`);
  const ms = seconds * 1000;
  const older: Entry = {
    ...entry,
    fetched_at: entry.fetched_at - ms,
    fresh_until: entry.fresh_until - ms,
    stale_until: entry.stale_until - ms,
  };
  memory.set(key, older);
  await bindings.CACHE.put(key, envelopeText(older), { expirationTtl: 3600 });
  await runInDurableObject(bindings.COALESCER.get(bindings.COALESCER.idFromName(key)), (instance) => {
    const coalescer = instance as unknown as {
      recent?: { outcome: { startedAt: number; value: Entry }; until: number };
    };
    if (!coalescer.recent) return;
    coalescer.recent.outcome = {
      ...coalescer.recent.outcome,
      startedAt: coalescer.recent.outcome.startedAt - ms,
      value: older,
    };
    coalescer.recent.until -= ms;
  });
}

// In order: once HWA is down, this isolate's circuit for that simulator opens and stays open for the rest of the file.
describe("cached reads when HWA fails", () => {
  it("within the revalidation window a stale value is served at once, and HWA being down does not change that", async () => {
    const job = jobs[4]!;
    await get(`/api/v1/jobs/${encodeURIComponent(job.id)}`);
    await age(cacheKeys.job(job.id), 15);
    await simulator.faults({ down: true });
    const logs = captureLogs();
    const response = await get(`/api/v1/jobs/${encodeURIComponent(job.id)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Resync-Cache")).toMatch(/^stale; age=1\d$/);
    // The refresh behind it failed, and says so in the log (get() waited for it).
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: "warn",
        message: "cache background refresh failed",
        key: cacheKeys.job(job.id),
        error_name: "HwaError",
      }),
    );
  }, 20_000);

  it("HWA down with a warm cache: reads keep answering, stale, and say so (also once the circuit is open)", async () => {
    const job = jobs[3]!;
    const warm = await get(`/api/v1/jobs/${encodeURIComponent(job.id)}`);
    expect(warm.headers.get("Resync-Cache")).toBe("miss");
    await age(cacheKeys.job(job.id), 60);
    await simulator.faults({ down: true });
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const response = await get(`/api/v1/jobs/${encodeURIComponent(job.id)}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("Resync-Cache")).toMatch(/^stale; age=6\d$/);
      expect(Number(response.headers.get("Age"))).toBeGreaterThanOrEqual(60);
      expect(((await response.json()) as JobDetail).id).toBe(job.id);
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  }, 40_000);

  it("HWA down with a cold cache: 503 with Retry-After, quickly, not a hang", async () => {
    const job = jobs[5]!;
    await simulator.faults({ down: true });
    const started = Date.now();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => get(`/api/v1/jobs/${encodeURIComponent(job.id)}`)),
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    for (const response of responses) {
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect((await problemOf(response)).type).toMatch(/^urn:resync:problem:hwa-(unavailable|circuit-open)$/);
    }
  }, 20_000);
});
