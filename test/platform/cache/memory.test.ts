import { describe, expect, it } from "vitest";
import { freshness } from "../../../src/hwa/cache/policy";
import { entryOf, type Entry } from "../../../src/platform/cache/envelope";
import { MemoryCache, sizeOf } from "../../../src/platform/cache/memory";
import { evictions, rejections } from "../../../src/platform/cache/metrics";
import { metrics } from "../../../src/platform/observability/metrics";

const START = Date.UTC(2026, 10, 29, 3, 0, 0);

/** A clock the test moves by hand. */
function manualClock(start = START) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** A job-class entry (fresh 10 s, servable 15 min) holding `json`, fetched now. */
function entry(json: string, at: number): Entry {
  return entryOf(json, freshness.job, at);
}

describe("memory cache (L1) bounds", () => {
  it("holds at most maxEntries, evicting the least recently used: set 1,2,3; get 1; set 4 → 2 is evicted", () => {
    const clock = manualClock();
    const cache = new MemoryCache({ maxEntries: 3, maxBytes: 1024 * 1024, now: clock.now });
    const before = evictions.value({ reason: "capacity" });
    for (const key of ["1", "2", "3"]) cache.set(key, entry(`"value ${key}"`, clock.now()));
    expect(cache.get("1")?.json).toBe('"value 1"');
    cache.set("4", entry('"value 4"', clock.now()));
    expect(cache.has("2")).toBe(false);
    expect(cache.keys()).toEqual(["4", "1", "3"]);
    expect(cache.size).toBe(3);
    expect(evictions.value({ reason: "capacity" }) - before).toBe(1);
  });

  it("holds at most maxBytes, counting each entry by its serialized size", () => {
    const clock = manualClock();
    const value = JSON.stringify("x".repeat(1000));
    const one = sizeOf(entry(value, clock.now()));
    // Room for exactly three such entries; a 4th evicts the oldest.
    const cache = new MemoryCache({ maxEntries: 100, maxBytes: one * 3 + one / 2, maxEntryBytes: one, now: clock.now });
    for (const key of ["a", "b", "c", "d"]) cache.set(key, entry(value, clock.now()));
    expect(cache.size).toBe(3);
    expect(cache.bytes).toBe(one * 3);
    expect(cache.bytes).toBeLessThanOrEqual(one * 3 + one / 2);
    expect(cache.has("a")).toBe(false);
    expect(cache.has("d")).toBe(true);
  });

  it("does not cache an entry larger than its share, counts it, and drops the older value of that key", () => {
    const clock = manualClock();
    const cache = new MemoryCache({ maxEntries: 100, maxBytes: 16 * 64 * 1024, now: clock.now });
    expect(cache.maxEntryBytes).toBe(64 * 1024);
    const before = rejections.value({ reason: "too-large" });
    expect(cache.set("log", entry('"short"', clock.now()))).toBe(true);
    const big = entry(JSON.stringify("y".repeat(40 * 1024)), clock.now()); // 80 KiB as UTF-16
    expect(sizeOf(big)).toBeGreaterThan(cache.maxEntryBytes);
    expect(cache.set("log", big)).toBe(false);
    expect(cache.get("log")).toBeUndefined();
    expect(cache.bytes).toBe(0);
    expect(rejections.value({ reason: "too-large" }) - before).toBe(1);
  });

  it("counts non-ASCII text at two bytes a character", () => {
    const ascii = entry(JSON.stringify("a".repeat(100)), START);
    const accented = entry(JSON.stringify("ã".repeat(100)), START);
    expect(sizeOf(accented)).toBe(sizeOf(ascii));
    expect(sizeOf(ascii)).toBeGreaterThanOrEqual(2 * 100);
  });

  it("expires an entry at its stale limit, by the clock it is given, with no timer", () => {
    const clock = manualClock();
    const cache = new MemoryCache({ maxEntries: 10, maxBytes: 1024 * 1024, now: clock.now });
    const job = entry('{"status":"EXEC"}', clock.now());
    cache.set("job:1", job);
    clock.advance(job.stale_until - clock.now() - 1);
    expect(cache.get("job:1")?.json).toBe('{"status":"EXEC"}');
    const before = evictions.value({ reason: "expired" });
    clock.advance(2);
    expect(cache.get("job:1")).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(evictions.value({ reason: "expired" }) - before).toBe(1);
  });

  it("keeps a fresh-expired entry until its stale limit: freshness is the reader's decision", () => {
    const clock = manualClock();
    const cache = new MemoryCache({ maxEntries: 10, maxBytes: 1024 * 1024, now: clock.now });
    const job = entry('"v"', clock.now());
    cache.set("job:2", job);
    clock.advance(job.fresh_until - clock.now() + 1000);
    const kept = cache.get("job:2");
    expect(kept).toBeDefined();
    expect(clock.now()).toBeGreaterThan(kept!.fresh_until);
  });

  it("refuses an entry already past its stale limit", () => {
    const clock = manualClock();
    const cache = new MemoryCache({ maxEntries: 10, maxBytes: 1024 * 1024, now: clock.now });
    const old = entry('"old"', clock.now() - 16 * 60_000);
    expect(cache.set("job:3", old)).toBe(false);
    expect(cache.size).toBe(0);
  });

  it("deletes by prefix", () => {
    const cache = new MemoryCache({ maxEntries: 10, maxBytes: 1024 * 1024 });
    for (const key of ["jobs:50:0:a", "jobs:50:50:a", "job:1", "jobstreams:10:0:"])
      cache.set(key, entry('"v"', Date.now()));
    cache.deleteStartingWith("jobs:");
    expect(cache.keys().sort()).toEqual(["job:1", "jobstreams:10:0:"]);
  });

  it("exports its bytes and entries on /metrics", () => {
    const cache = new MemoryCache({ maxEntries: 10, maxBytes: 1024 * 1024 });
    cache.set("k", entry('"v"', Date.now()));
    const text = metrics.render();
    expect(text).toMatch(new RegExp(`^resync_cache_memory_bytes ${cache.bytes}$`, "m"));
    expect(text).toMatch(/^resync_cache_memory_entries 1$/m);
  });
});
