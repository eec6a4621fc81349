import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { Job, JobDetail } from "../../../src/jobs/job";
import { jobsOql } from "../../../src/jobs/jobs.handlers";
import { cacheKeys, hwaCachePolicy, invalidate, invalidateJob } from "../../../src/hwa/cache";
import { cacheOfIsolate } from "../../../src/hwa/cache/read";
import { cacheIoOf, MemoryCache, pageOf, TieredCache, type Read } from "../../../src/platform/cache";
import { readConfig } from "../../../src/platform/env/config";
import { clockPast } from "../../helpers/clock";
import { bearer, createUser, ORIGIN, tokenFor } from "../../helpers/accounts";
import { simulator, testClient } from "../../helpers/hwa";
import { withScope } from "../../helpers/scope";
import { bindings } from "../../helpers/worker";

// These tests count the requests the Worker's simulator receives; they inject no faults (see faults.test.ts).

/** A viewer of its own per burst of requests: the API allows 600 a minute per user. */
async function viewerToken(): Promise<string> {
  return tokenFor(await createUser("viewer"));
}

let token: string;
let jobs: Job[];
beforeAll(async () => {
  token = await viewerToken();
  const response = await SELF.fetch(`${ORIGIN}/api/v1/jobs?limit=500`, { headers: bearer(token) });
  jobs = ((await response.json()) as { items: Job[] }).items;
  expect(jobs.length).toBeGreaterThan(100);
});

/** Jobs from the end of the plan, one per test: other files read details from the start of the list. */
let picked = 0;
const pickJob = (where: (job: Job) => boolean = () => true): Job => {
  const candidates = jobs.filter(where);
  const job = candidates[candidates.length - 1 - (picked++ % candidates.length)];
  if (!job) throw new Error("no such job in the simulator's plan");
  return job;
};

const getJob = (id: string, bearerToken = token) =>
  SELF.fetch(`${ORIGIN}/api/v1/jobs/${encodeURIComponent(id)}`, { headers: bearer(bearerToken) });

/** What a job action will pass: the test's own request context, with the Worker's bindings. */
/** Makes a job's cached value cold in this isolate and in KV. */
const forget = (jobId: string) => withScope((c) => invalidate(c, [cacheKeys.job(jobId)]));

describe("cached reads through the Worker", () => {
  it("says where an answer came from (Resync-Cache) and how old it is (Age)", async () => {
    const job = pickJob();
    await forget(job.id);
    const first = await getJob(job.id);
    expect(first.status).toBe(200);
    expect(first.headers.get("Resync-Cache")).toBe("miss");
    expect(first.headers.get("Age")).toBe("0");
    const second = await getJob(job.id);
    expect(second.headers.get("Resync-Cache")).toBe("hit");
    expect(Number(second.headers.get("Age"))).toBeLessThan(10);
    expect(((await second.json()) as JobDetail).id).toBe(job.id);
    expect(second.headers.get("Cache-Control")).toBe("no-store");
  });

  it("caches lists, logs, job streams, workstations and the engine too", async () => {
    const job = pickJob((j) => j.status === "SUCC" || j.status === "ABEND");
    const paths = [
      "/api/v1/jobs?limit=7&status=ABEND,SUCC",
      `/api/v1/jobs/${encodeURIComponent(job.id)}/log?from_line=1&to_line=3`,
      "/api/v1/jobstreams?limit=3",
      `/api/v1/jobstreams/${encodeURIComponent(job.job_stream_id!)}`,
      "/api/v1/workstations",
      "/api/v1/engine",
    ];
    for (const path of paths) {
      const first = await SELF.fetch(`${ORIGIN}${path}`, { headers: bearer(token) });
      expect(first.status, path).toBe(200);
      expect(["miss", "hit"], path).toContain(first.headers.get("Resync-Cache"));
      const before = await simulator.requests();
      const again = await SELF.fetch(`${ORIGIN}${path}`, { headers: bearer(token) });
      expect(again.headers.get("Resync-Cache"), path).toBe("hit");
      expect(await again.text()).toBe(await first.text());
      expect((await simulator.requests()) - before, path).toBe(0);
    }
  });

  it("answers a list hit from the cached text, byte for byte what a page in the plain layout answers", async () => {
    const path = "/api/v1/jobs?limit=5&status=SUCC,ABEND";
    const first = await SELF.fetch(`${ORIGIN}${path}`, { headers: bearer(token) });
    const hit = await SELF.fetch(`${ORIGIN}${path}`, { headers: bearer(token) });
    expect(hit.headers.get("Resync-Cache")).toBe("hit");
    expect(hit.headers.get("Content-Type")).toBe("application/json");
    const text = await hit.text();
    expect(text).toBe(await first.text());
    const body = JSON.parse(text) as { items: Job[]; next_cursor: string | null };
    expect(body.items).toHaveLength(5);
    expect(body.next_cursor).not.toBeNull();

    // A page another reader cached as plain `{jobs, more}` (no count first) is parsed, and answers the same.
    const memory = cacheOfIsolate(readConfig(bindings)).memory;
    const key = cacheKeys.jobList(jobsOql({ status: ["SUCC", "ABEND"], limit: 5 }), 5, 0);
    const entry = memory.get(key)!;
    const { jobs: cachedJobs, more } = JSON.parse(entry.json) as { jobs: Job[]; more: boolean };
    memory.set(key, { ...entry, json: JSON.stringify({ jobs: cachedJobs, more }) });
    const plain = await SELF.fetch(`${ORIGIN}${path}`, { headers: bearer(token) });
    expect(plain.headers.get("Resync-Cache")).toBe("hit");
    expect(await plain.text()).toBe(text);

    // `since` narrows the cached page, with a cursor of its own query.
    const since = "2000-01-01T00:00:00Z";
    const narrowed = (await (
      await SELF.fetch(`${ORIGIN}${path}&since=${since}`, { headers: bearer(token) })
    ).json()) as typeof body;
    expect(narrowed.items.length).toBeGreaterThan(0);
    expect(narrowed.items.every((job) => body.items.some((item) => item.id === job.id))).toBe(true);
    expect(narrowed.next_cursor).not.toBe(body.next_cursor);
  });

  it("200 concurrent requests for one cold job make exactly one call to HWA", async () => {
    const job = pickJob();
    await forget(job.id);
    const burst = await viewerToken();
    const before = await simulator.requests();
    const responses = await Promise.all(Array.from({ length: 200 }, () => getJob(job.id, burst)));
    expect((await simulator.requests()) - before).toBe(1);
    const sources = responses.map((r) => r.headers.get("Resync-Cache"));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(sources.filter((s) => s === "miss")).toHaveLength(1);
    expect(sources.filter((s) => s === "coalesced")).toHaveLength(199);
    const bodies = new Set(await Promise.all(responses.map((r) => r.text())));
    expect(bodies.size).toBe(1);
  }, 30_000);

  it("a second wave after this isolate's memory is emptied is served from KV: still no second call", async () => {
    const job = pickJob();
    await forget(job.id);
    const burst = await viewerToken();
    const before = await simulator.requests();
    await Promise.all(Array.from({ length: 50 }, () => getJob(job.id, burst)));
    cacheOfIsolate(readConfig(bindings)).memory.delete(cacheKeys.job(job.id));
    const wave = await Promise.all(Array.from({ length: 50 }, () => getJob(job.id, burst)));
    expect(wave.every((r) => r.headers.get("Resync-Cache") === "hit")).toBe(true);
    expect((await simulator.requests()) - before).toBe(1);
  }, 30_000);

  it("200 concurrent reads from 5 isolates (each its own memory, one KV and Coalescer) make one call to HWA", async () => {
    const job = pickJob();
    await forget(job.id);
    const isolates = Array.from(
      { length: 5 },
      () =>
        new TieredCache({
          policy: hwaCachePolicy,
          memory: new MemoryCache({ maxEntries: 100, maxBytes: 4 * 1024 * 1024 }),
        }),
    );
    const { client } = testClient();
    const before = await simulator.requests();
    const reads = await withScope((c) =>
      Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          isolates[i % 5]!.read(cacheIoOf(c), {
            resource: "job",
            key: cacheKeys.job(job.id),
            load: () => client.job(job.id),
          }),
        ),
      ),
    );
    expect((await simulator.requests()) - before).toBe(1);
    expect(reads.filter((r) => r.source === "miss")).toHaveLength(1);
    expect(reads.every((r) => (r.value as { id: string }).id === job.id)).toBe(true);
  }, 30_000);

  it("after an invalidation, the next read goes to HWA and shows the job's new status", async () => {
    const job = pickJob((j) => j.status === "SUCC");
    await forget(job.id);
    await getJob(job.id);
    expect((await getJob(job.id)).headers.get("Resync-Cache")).toBe("hit");
    await simulator.forceStatus(job.id, "ABEND");
    try {
      // Without invalidation this isolate still shows the cached status.
      expect(((await (await getJob(job.id)).json()) as JobDetail).status).toBe("SUCC");
      await withScope((c) => invalidateJob(c, { jobId: job.id, jobStreamId: job.job_stream_id }));
      const before = await simulator.requests();
      const after = await getJob(job.id);
      expect(after.headers.get("Resync-Cache")).toBe("miss");
      expect(((await after.json()) as JobDetail).status).toBe("ABEND");
      expect((await simulator.requests()) - before).toBe(1);
    } finally {
      await simulator.forceStatus(job.id, "SUCC");
      await forget(job.id);
    }
  });

  it("a job action's invalidation reaches the lists other isolates would read from KV", async () => {
    const job = pickJob((j) => j.status === "SUCC");
    const key = cacheKeys.jobList(jobsOql({ name: job.name, limit: 4 }), 4, 0);
    const { client } = testClient();
    const load = async () =>
      pageOf(
        "jobs",
        (await client.listJobs({ oql: jobsOql({ name: job.name, limit: 4 }), limit: 4, offset: 0 })).results,
        false,
      );
    const statusIn = (read: Read<{ jobs: { id: string; jobruns?: unknown }[] }>) =>
      JSON.stringify(read.value.jobs.find((j) => j.id === job.id));
    const fresh = () =>
      new TieredCache({
        policy: hwaCachePolicy,
        memory: new MemoryCache({ maxEntries: 100, maxBytes: 4 * 1024 * 1024 }),
      });
    // A mark left by an earlier invalidation covers the rest of its second: start after it.
    const earlier = Number((await bindings.CACHE.get("invalidated:jobs:")) ?? 0);
    await clockPast(earlier);

    const before = await withScope((c) => fresh().read(cacheIoOf(c), { resource: "jobs", key, load }));
    expect((await withScope((c) => fresh().read(cacheIoOf(c), { resource: "jobs", key, load }))).source).toBe("hit");
    await simulator.forceStatus(job.id, "ABEND");
    try {
      await withScope((c) => invalidateJob(c, { jobId: job.id, jobStreamId: job.job_stream_id }));
      const after = await withScope((c) => fresh().read(cacheIoOf(c), { resource: "jobs", key, load }));
      expect(after.source).toBe("miss");
      expect(statusIn(after)).not.toBe(statusIn(before));
      expect(statusIn(after)).toContain("ABEND");
    } finally {
      await simulator.forceStatus(job.id, "SUCC");
      await forget(job.id);
    }
  });

  it("exports hits, misses, stale and coalesced reads, lookups per tier and the memory bound on /metrics", async () => {
    const text = await (await SELF.fetch(`${ORIGIN}/metrics`)).text();
    const value = (series: string) =>
      Number(new RegExp(`^${series.replace(/[{}"]/g, "\\$&")} (\\d+)$`, "m").exec(text)?.[1] ?? NaN);
    expect(value('resync_cache_reads_total{resource="job",source="miss"}')).toBeGreaterThan(0);
    expect(value('resync_cache_reads_total{resource="job",source="hit"}')).toBeGreaterThan(0);
    expect(value('resync_cache_reads_total{resource="job",source="coalesced"}')).toBeGreaterThanOrEqual(199);
    expect(value('resync_cache_lookups_total{outcome="hit",tier="kv"}')).toBeGreaterThan(0);
    expect(value('resync_cache_refreshes_total{outcome="value",role="leader"}')).toBeGreaterThan(0);
    expect(value("resync_cache_memory_bytes")).toBeGreaterThan(0);
    expect(value("resync_cache_memory_bytes")).toBeLessThanOrEqual(readConfig(bindings).CACHE_MAX_BYTES);
    expect(text).toMatch(/^# TYPE resync_cache_evictions_total counter$/m);
  });
});
