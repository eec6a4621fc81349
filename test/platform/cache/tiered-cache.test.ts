import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { hwaCachePolicy } from "../../../src/hwa/cache/policy";
import { HwaError } from "../../../src/hwa/errors";
import { RefreshPending } from "../../../src/platform/cache/errors";
import { MemoryCache } from "../../../src/platform/cache/memory";
import { rejections } from "../../../src/platform/cache/metrics";
import type { CacheIo, ReadRequest } from "../../../src/platform/cache/refresh";
import { storageKey } from "../../../src/platform/cache/storage-key";
import { TieredCache } from "../../../src/platform/cache/tiered-cache";
import { clockPast } from "../../helpers/clock";

const bindings = env;
const SECOND = 1_000;

/** One simulated isolate: its own memory tier and in-flight refreshes; KV and the Coalescer are shared. */
function isolate(options: { now?: () => number; leaseMs?: number; maxBytes?: number } = {}) {
  const memory = new MemoryCache({
    maxEntries: 1_000,
    maxBytes: options.maxBytes ?? 4 * 1024 * 1024,
    now: options.now,
  });
  return new TieredCache({ policy: hwaCachePolicy, memory, now: options.now, leaseMs: options.leaseMs });
}

/** A clock the test moves by hand, starting at the real time (the Coalescer keeps real time). */
function manualClock() {
  let now = Date.now();
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** The request side of a read: real KV (with its writes counted) and Coalescer; background work collected. */
function requestIo(coalescer: CacheIo["coalescer"] = bindings.COALESCER) {
  const background: Promise<unknown>[] = [];
  const writes: string[] = [];
  const kv = {
    get: (key: string, type: "text") => bindings.CACHE.get(key, type),
    put: (key: string, value: string, options?: KVNamespacePutOptions) => {
      writes.push(key);
      return bindings.CACHE.put(key, value, options);
    },
    delete: (key: string) => {
      writes.push(`delete ${key}`);
      return bindings.CACHE.delete(key);
    },
  } as unknown as KVNamespace;
  const io: CacheIo = { kv, coalescer, waitUntil: (promise) => void background.push(promise) };
  return { io, writes, settled: () => Promise.allSettled(background) };
}

/** A load that counts its calls and answers `value()` after `delayMs`. */
function countingLoad<T>(value: () => T, delayMs = 20) {
  const counter = { calls: 0 };
  const load = async () => {
    counter.calls += 1;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return value();
  };
  return { load, counter };
}

const uniqueKey = (prefix = "job") => `${prefix}:cache-test-${crypto.randomUUID()}`;
const read = <T>(
  cache: TieredCache,
  io: CacheIo,
  key: string,
  load: () => Promise<T>,
  resource: ReadRequest<T>["resource"] = "job",
) => cache.read(io, { resource, key, load });

/** Waits until a caller leads the refresh of `key` in its Coalescer (its join reached the object). */
async function leading(key: string): Promise<void> {
  const coalescer = bindings.COALESCER.get(bindings.COALESCER.idFromName(await storageKey(key)));
  await vi.waitFor(
    async () =>
      expect(
        await runInDurableObject(coalescer, (instance) => (instance as unknown as { current?: unknown }).current),
      ).toBeDefined(),
    { timeout: 5_000, interval: 10 },
  );
}

/**
 * A read by a request that then ends: its background work (the Coalescer publish of its refresh) is finished before
 * the next request starts, so that request cannot find this one's lease still open and follow it instead.
 */
async function readAndSettle<T>(
  cache: TieredCache,
  key: string,
  load: () => Promise<T>,
  resource: ReadRequest<T>["resource"] = "job",
) {
  const { io, settled } = requestIo();
  try {
    return await read(cache, io, key, load, resource);
  } finally {
    await settled();
  }
}

describe("read-through: tiers", () => {
  it("loads on a miss, then answers from memory; every reader gets its own copy", async () => {
    const cache = isolate();
    const { io } = requestIo();
    const key = uniqueKey();
    const { load, counter } = countingLoad(() => ({ status: "EXEC", runs: [1, 2] }));
    const first = await read(cache, io, key, load);
    expect(first).toMatchObject({ source: "miss", value: { status: "EXEC" }, ageSeconds: 0 });
    first.value.runs.push(3);
    const second = await read(cache, io, key, load);
    expect(second).toMatchObject({ source: "hit", value: { status: "EXEC", runs: [1, 2] } });
    // The text an answer can be sent as, untouched by what a reader did to its own copy.
    expect(second.json).toBe('{"status":"EXEC","runs":[1,2]}');
    expect(first.json).toBe(second.json);
    const third = await read(cache, io, key, load);
    expect(third.value).not.toBe(second.value);
    expect(counter.calls).toBe(1);
  });

  it("writes one KV envelope per refresh, which another isolate reads instead of HWA", async () => {
    const key = uniqueKey();
    const { io, writes, settled } = requestIo();
    const { load, counter } = countingLoad(() => ({ status: "SUCC" }));
    await read(isolate(), io, key, load);
    await settled();
    expect(writes).toEqual([key]);
    const stored = JSON.parse((await bindings.CACHE.get(key, "text"))!) as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(["fetched_at", "fresh_until", "stale_until", "v"]);
    expect(stored.v).toEqual({ status: "SUCC" });
    expect((stored.fresh_until as number) - (stored.fetched_at as number)).toBe(10 * SECOND);
    expect((stored.stale_until as number) - (stored.fetched_at as number)).toBe(15 * 60 * SECOND);
    const listed = await bindings.CACHE.list({ prefix: key });
    expect(listed.keys[0]!.expiration! * 1000).toBeGreaterThanOrEqual((stored.stale_until as number) - 2 * SECOND);

    const other = await read(isolate(), requestIo().io, key, load);
    expect(other).toMatchObject({ source: "hit", value: { status: "SUCC" } });
    expect(counter.calls).toBe(1);
  });

  it("stores a key too long for KV under its class and a hash", async () => {
    const key = `jobs:500:0:${"name LIKE 'X*' AND ".repeat(40)}${crypto.randomUUID()}`;
    const { io, writes, settled } = requestIo();
    await read(isolate(), io, key, async () => ["job"], "jobs");
    await settled();
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/^jobs:sha256:[0-9a-f]{64}$/);
    expect((await read(isolate(), requestIo().io, key, async () => ["other"], "jobs")).source).toBe("hit");
  });

  it("does not cache a value larger than an entry's share, and counts it", async () => {
    const cache = isolate({ maxBytes: 1024 * 1024 }); // an entry's share: 64 KiB
    const key = uniqueKey("joblog");
    const before = rejections.value({ reason: "too-large" });
    const { load, counter } = countingLoad(() => "line\n".repeat(20_000));
    const { io, writes, settled } = requestIo();
    expect((await read(cache, io, key, load, "joblog")).source).toBe("miss");
    expect((await read(cache, io, key, load, "joblog")).source).toBe("miss");
    await settled();
    expect(counter.calls).toBe(2);
    expect(writes).toEqual([]);
    expect(rejections.value({ reason: "too-large" }) - before).toBe(2);
  });
});

describe("read-through: coalescing", () => {
  it("200 concurrent cold reads over 5 isolates call the loader exactly once", async () => {
    const isolates = Array.from({ length: 5 }, () => isolate());
    const key = uniqueKey();
    const { load, counter } = countingLoad(() => ({ status: "ABEND" }), 100);
    const reads = await Promise.all(
      Array.from({ length: 200 }, (_, i) => read(isolates[i % 5]!, requestIo().io, key, load)),
    );
    expect(counter.calls).toBe(1);
    expect(reads.every((r) => (r.value as { status: string }).status === "ABEND")).toBe(true);
    const sources = reads.map((r) => r.source);
    expect(sources.filter((s) => s === "miss")).toHaveLength(1);
    expect(sources.filter((s) => s === "coalesced")).toHaveLength(199);
  });

  it("a failed refresh releases every waiter, in this isolate and others, with the failure", async () => {
    const isolates = Array.from({ length: 3 }, () => isolate());
    const key = uniqueKey();
    let calls = 0;
    const load = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
      throw new HwaError("unavailable", "HWA could not be reached");
    };
    const started = Date.now();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => read(isolates[i % 3]!, requestIo().io, key, load)),
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(calls).toBe(1);
    for (const outcome of outcomes) {
      expect(outcome.status).toBe("rejected");
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(HwaError);
      expect(((outcome as PromiseRejectedResult).reason as HwaError).failure).toBe("unavailable");
    }
  });

  it("bounds the wait for a leader that never answers: others fail clearly (503 + Retry-After), no hang", async () => {
    const key = uniqueKey();
    const never = () => new Promise<never>(() => {});
    void read(isolate({ leaseMs: 300 }), requestIo().io, key, never).catch(() => {});
    await leading(key);
    const started = Date.now();
    const error = await read(isolate({ leaseMs: 300 }), requestIo().io, key, async () => "late").catch(
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(error).toBeInstanceOf(RefreshPending);
    const problem = (error as RefreshPending).toProblem();
    expect(problem.status).toBe(503);
    expect(problem.headers["Retry-After"]).toBe("5");
  });

  it("reads alone when the Coalescer cannot be reached", async () => {
    const broken = {
      idFromName: () => ({}),
      get: () => ({
        join: () => Promise.reject(new Error("DO unavailable")),
        publish: () => Promise.reject(new Error("DO unavailable")),
      }),
    };
    const { io } = requestIo(broken as unknown as CacheIo["coalescer"]);
    const result = await read(isolate(), io, uniqueKey(), async () => ({ ok: true }));
    expect(result).toMatchObject({ source: "miss", value: { ok: true } });
  });
});

describe("read-through: freshness", () => {
  it("serves a value past its fresh time as stale while one background refresh runs (stale-while-revalidate)", async () => {
    const clock = manualClock();
    const cache = isolate({ now: clock.now });
    const key = uniqueKey();
    let version = 1;
    const { load, counter } = countingLoad(() => ({ version }));
    await readAndSettle(cache, key, load);
    version = 2;
    clock.advance(12 * SECOND);
    const { io, settled } = requestIo();
    const stale = await Promise.all([
      read(cache, io, key, load),
      read(cache, io, key, load),
      read(cache, io, key, load),
    ]);
    for (const r of stale) {
      expect(r).toMatchObject({ source: "stale", value: { version: 1 }, ageSeconds: 12 });
      // A background refresh is not a failure: nothing says the upstream failed.
      expect(r.upstreamFailed).toBeUndefined();
    }
    await settled();
    expect(counter.calls).toBe(2);
    expect(await read(cache, requestIo().io, key, load)).toMatchObject({ source: "hit", value: { version: 2 } });
  });

  it("past the revalidation window, refreshes before answering", async () => {
    const clock = manualClock();
    const cache = isolate({ now: clock.now });
    const key = uniqueKey();
    let version = 1;
    const { load } = countingLoad(() => ({ version }));
    await readAndSettle(cache, key, load);
    version = 2;
    clock.advance(31 * SECOND);
    expect(await read(cache, requestIo().io, key, load)).toMatchObject({ source: "miss", value: { version: 2 } });
  });

  it("serves stale, up to the stale limit, when HWA fails or its circuit is open (stale-if-error)", async () => {
    const clock = manualClock();
    const cache = isolate({ now: clock.now });
    const key = uniqueKey();
    await readAndSettle(cache, key, async () => ({ status: "SUCC" }));
    clock.advance(60 * SECOND);
    for (const failure of ["unavailable", "circuit-open", "timeout", "upstream-error"] as const) {
      const failing = async () => {
        throw new HwaError(failure, "HWA is failing");
      };
      expect(await readAndSettle(cache, key, failing)).toEqual({
        source: "stale",
        value: { status: "SUCC" },
        json: '{"status":"SUCC"}',
        ageSeconds: 60,
        upstreamFailed: true,
      });
    }
    // Beyond the stale limit (15 min for a job) there is nothing left to serve: the failure is the answer.
    clock.advance(15 * 60 * SECOND);
    const gone = await read(cache, requestIo().io, key, async () => {
      throw new HwaError("unavailable", "HWA is failing");
    }).catch((e: unknown) => e);
    expect((gone as HwaError).failure).toBe("unavailable");
  });

  it("does not hide an answer about the request itself behind a stale value (a job gone from the plan is 404)", async () => {
    const clock = manualClock();
    const cache = isolate({ now: clock.now });
    const key = uniqueKey();
    await readAndSettle(cache, key, async () => ({ status: "SUCC" }));
    clock.advance(60 * SECOND);
    const error = await read(cache, requestIo().io, key, async () => {
      throw new HwaError("not-found", "no such job");
    }).catch((e: unknown) => e);
    expect((error as HwaError).failure).toBe("not-found");
  });

  it("keeps a finished run's log far longer than a job's status", async () => {
    const clock = manualClock();
    const cache = isolate({ now: clock.now });
    const key = uniqueKey("joblog");
    const { load, counter } = countingLoad(() => "log text");
    await readAndSettle(cache, key, load, "joblog");
    clock.advance(30 * 60 * SECOND);
    expect((await read(cache, requestIo().io, key, load, "joblog")).source).toBe("hit");
    expect(counter.calls).toBe(1);
  });
});

describe("read-through: invalidation", () => {
  it("a read after invalidate() goes to HWA and never shows the value from before", async () => {
    const cache = isolate();
    const key = uniqueKey();
    let status = "ABEND";
    const { load, counter } = countingLoad(() => ({ status }));
    const { io, settled } = requestIo();
    await read(cache, io, key, load);
    await settled();
    expect((await read(cache, io, key, load)).source).toBe("hit");
    status = "HOLD";
    await cache.invalidate(io, [key]);
    expect(await bindings.CACHE.get(key)).toBeNull();
    expect(await read(cache, requestIo().io, key, load)).toMatchObject({ source: "miss", value: { status: "HOLD" } });
    expect(counter.calls).toBe(2);
  });

  it("a refresh that started before the invalidation is not served after it, from any tier", async () => {
    const cache = isolate();
    const key = uniqueKey();
    let release!: () => void;
    let loading!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const loadStarted = new Promise<void>((resolve) => (loading = resolve));
    const slow = requestIo();
    const before = read(cache, slow.io, key, async () => {
      loading();
      await gate;
      return { status: "EXEC" };
    });
    await loadStarted;
    await cache.invalidate(requestIo().io, [key]);
    // What starts later than the invalidation is trusted: let the clock move past the moment it took.
    await clockPast(Date.now());
    const fresh = requestIo();
    expect((await read(cache, fresh.io, key, async () => ({ status: "HOLD" }))).value).toEqual({ status: "HOLD" });
    await fresh.settled();
    // The pre-invalidation refresh finishes last: it answers the request that asked before, and is kept nowhere.
    release();
    expect((await before).value).toEqual({ status: "EXEC" });
    await slow.settled();
    const later = await read(cache, requestIo().io, key, async () => ({ status: "HOLD" }));
    expect(later).toMatchObject({ source: "hit", value: { status: "HOLD" } });
  });

  it("invalidates every key of a prefix, here and against older KV envelopes", async () => {
    const cache = isolate();
    const keys = [uniqueKey("jobs"), uniqueKey("jobs")];
    const { io, settled } = requestIo();
    for (const key of keys) await read(cache, io, key, async () => ["old"], "jobs");
    await settled();
    await cache.invalidate(io, ["jobs:*"]);
    for (const key of keys) {
      // KV still holds the old envelope, but this isolate no longer trusts it.
      expect(await bindings.CACHE.get(key)).not.toBeNull();
      expect(await read(cache, requestIo().io, key, async () => ["new"], "jobs")).toMatchObject({
        source: "miss",
        value: ["new"],
      });
    }
  });

  it("a prefix invalidation reaches KV: isolates that never saw it serve no older envelope of the family", async () => {
    // A mark left by an earlier test covers the rest of its second: start after it.
    const earlier = Number((await bindings.CACHE.get("invalidated:jobs:")) ?? 0);
    await clockPast(earlier);
    const keys = [uniqueKey("jobs"), uniqueKey("jobs")];
    const first = requestIo();
    for (const key of keys) await read(isolate(), first.io, key, async () => ["old"], "jobs");
    await first.settled();
    // Before the invalidation another isolate is served from KV.
    expect(await readAndSettle(isolate(), keys[0]!, async () => ["unused"], "jobs")).toMatchObject({
      source: "hit",
      value: ["old"],
    });
    const invalidating = requestIo();
    await isolate().invalidate(invalidating.io, ["jobs:*"]);
    expect(invalidating.writes).toEqual(["invalidated:jobs:"]);
    for (const key of keys) {
      // A new isolate: nothing in memory, no invalidation of its own; neither KV nor the Coalescer answers "old".
      expect(await readAndSettle(isolate(), key, async () => ["new"], "jobs")).toMatchObject({
        source: "miss",
        value: ["new"],
      });
    }
    // The mark covers the rest of its second (so one write covers every invalidation in it); what is fetched
    // after it is served from KV again.
    const mark = Number(await bindings.CACHE.get("invalidated:jobs:"));
    expect(mark).toBeGreaterThan(Date.now() - 1_000);
    await clockPast(mark);
    await readAndSettle(isolate(), keys[0]!, async () => ["newer"], "jobs");
    expect(await readAndSettle(isolate(), keys[0]!, async () => ["unused"], "jobs")).toMatchObject({
      source: "hit",
      value: ["newer"],
    });
  });

  it("a job's logs are one family: marking it leaves other jobs' logs served from KV", async () => {
    const job = crypto.randomUUID();
    const other = crypto.randomUUID();
    const [mine, theirs] = [`joblog:${job}:run-1:-`, `joblog:${other}:run-1:-`];
    const first = requestIo();
    for (const key of [mine, theirs]) await read(isolate(), first.io, key, async () => "old log", "joblog");
    await first.settled();
    await isolate().invalidate(requestIo().io, [`joblog:${job}:*`]);
    expect(await readAndSettle(isolate(), mine, async () => "new log", "joblog")).toMatchObject({
      source: "miss",
      value: "new log",
    });
    expect(await readAndSettle(isolate(), theirs, async () => "unused", "joblog")).toMatchObject({
      source: "hit",
      value: "old log",
    });
  });

  it("writes a family's mark at most once a second (KV allows one write per second per key)", async () => {
    const clock = manualClock();
    clock.advance(1_000 - (clock.now() % 1_000)); // the start of a whole second
    const cache = isolate({ now: clock.now });
    const { io, writes } = requestIo();
    for (let i = 0; i < 5; i++) {
      await cache.invalidate(io, ["jobs:*", "jobstreams:*", "jobs:50:*"]);
      clock.advance(100);
    }
    expect(writes).toEqual(["invalidated:jobs:", "invalidated:jobstreams:"]);
    clock.advance(1_000);
    await cache.invalidate(io, ["jobs:*"]);
    expect(writes).toEqual(["invalidated:jobs:", "invalidated:jobstreams:", "invalidated:jobs:"]);
  });
});
