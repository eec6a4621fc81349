// `node --expose-gc bench/cache-memory.mjs`: the memory tier (L1) on its own, in Node's V8 (workerd runs the same
// engine): the median cost of a `get` on a full cache, and the heap the cache holds when full next to its byte
// bound. The TypeScript source is bundled with esbuild (already installed by wrangler), so this measures the real
// MemoryCache with its real lru-cache options. Writes bench/results/cache-memory.{json,md}.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { seededRandom, summarize } from "./lib/stats.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const MAX_BYTES = 32 * 1024 * 1024; // the default CACHE_MAX_BYTES
/** CACHE_MAX_ENTRIES at its highest, so the byte bound is the one that binds. */
const MAX_ENTRIES = 100_000;
const GETS_PER_BATCH = 200_000;
const BATCHES = 30;
const TARGET_GET_NS = 1_000;

if (typeof globalThis.gc !== "function") {
  console.error("run with node --expose-gc bench/cache-memory.mjs");
  process.exit(2);
}

async function loadMemoryCache() {
  const bundle = await build({
    entryPoints: [join(root, "src", "platform", "cache", "memory.ts")],
    bundle: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    write: false,
  });
  const source = /** @type {import("esbuild").OutputFile} */ (bundle.outputFiles[0]).text;
  return import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`);
}

/** A job detail as the cache holds it (about 1.6 KB of JSON), made distinct per key. @param {number} i */
function jobJson(i) {
  return JSON.stringify({
    id: `job-${i}-${"x".repeat(24)}`,
    name: `PAYROLL_EXTRACT_${i}`,
    job_stream: "DAILY_PAYROLL",
    job_stream_id: `stream-${i % 34}`,
    workstation: "MASTER",
    folder: "/PROD/",
    status: "ABEND",
    common_status: "ERROR",
    return_code: 8,
    started_at: "2026-11-29T03:00:00Z",
    ended_at: "2026-11-29T03:01:12Z",
    duration_ms: 72_000,
    estimated_duration_ms: 60_000,
    sched_time: "2026-11-29T03:00:00Z",
    priority: 10,
    dependencies: { total: 3, unresolved: 0 },
    run_id: `run-${i}`,
    runs: Array.from({ length: 3 }, (_, r) => ({
      run_id: `run-${i}-${r}`,
      status: "ABEND",
      return_code: 8,
      started_at: "2026-11-29T03:00:00Z",
      ended_at: "2026-11-29T03:01:12Z",
      last_in_rerun_chain: r === 2,
    })),
    dependency_list: Array.from({ length: 3 }, (_, d) => ({ type: "JOB", id: `dep-${i}-${d}`, status: "SATISFIED" })),
    substatus: null,
  });
}

const entryOf = (/** @type {string} */ json, /** @type {number} */ now) => ({
  json,
  fresh_until: now + 10_000,
  stale_until: now + 900_000,
  fetched_at: now,
});
const heap = () => {
  /** @type {() => void} */ (globalThis.gc)();
  return process.memoryUsage().heapUsed;
};

async function main() {
  const { MemoryCache } = await loadMemoryCache();
  const now = Date.now();

  // Memory: the heap grown by a cache filled past its bounds, next to the bytes it counts and its bound.
  const before = heap();
  let cache = new MemoryCache({ maxEntries: MAX_ENTRIES, maxBytes: MAX_BYTES });
  const inserted = 40_000; // about three times what fits in the byte bound
  for (let i = 0; i < inserted; i++) cache.set(`job:${i}`, entryOf(jobJson(i), now));
  const heldBytes = heap() - before;
  const memory = {
    maxBytes: MAX_BYTES,
    maxEntries: MAX_ENTRIES,
    inserted,
    entries: cache.size,
    countedBytes: cache.bytes,
    heapGrowthBytes: heldBytes,
    withinBound: heldBytes <= MAX_BYTES,
  };
  console.log(memory);

  // get on a full cache: keys drawn uniformly among those present, so every get is a hit.
  const keys = cache.keys();
  const random = seededRandom(7);
  const picks = Array.from({ length: GETS_PER_BATCH }, () => keys[Math.floor(random() * keys.length)]);
  const perGetNs = [];
  let sink = 0;
  for (let batch = 0; batch < BATCHES + 5; batch++) {
    const started = performance.now();
    for (const key of picks) sink += cache.get(key).fresh_until & 1;
    const ns = ((performance.now() - started) * 1e6) / GETS_PER_BATCH;
    if (batch >= 5) perGetNs.push(ns); // the first batches warm the JIT
  }
  const get = summarize(perGetNs);
  cache = undefined;
  const result = {
    benchmark: "cache-memory",
    date: new Date().toISOString(),
    command: "node --expose-gc bench/cache-memory.mjs",
    machine: { node: process.version, cpu: os.cpus()[0]?.model ?? "unknown", cpus: os.cpus().length },
    loadAverage1m5m15m: os.loadavg().map((x) => Number(x.toFixed(2))),
    memory,
    get: {
      batches: BATCHES,
      getsPerBatch: GETS_PER_BATCH,
      medianNs: Number(get.p50.toFixed(1)),
      p90Ns: Number(get.p90.toFixed(1)),
      minNs: Number(get.min.toFixed(1)),
      targetNs: TARGET_GET_NS,
      underTarget: get.p50 < TARGET_GET_NS,
    },
    sink,
  };
  const mib = (/** @type {number} */ bytes) => (bytes / 2 ** 20).toFixed(1);
  const table = [
    "| measure | value | target |",
    "| --- | ---: | --- |",
    `| L1 \`get\` (hit, full cache), median per call | ${result.get.medianNs} ns (p90 ${result.get.p90Ns} ns) | < ${TARGET_GET_NS} ns: ${result.get.underTarget ? "met" : "NOT met"} |`,
    `| entries after ${inserted} inserts | ${memory.entries} | ≤ ${MAX_ENTRIES} |`,
    `| bytes the cache counts | ${mib(memory.countedBytes)} MiB | ≤ ${mib(MAX_BYTES)} MiB |`,
    `| heap grown by the full cache | ${mib(memory.heapGrowthBytes)} MiB | ≤ ${mib(MAX_BYTES)} MiB: ${memory.withinBound ? "met" : "NOT met"} |`,
  ].join("\n");
  console.log(`\n${table}\n`);
  const dir = join(root, "bench", "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "cache-memory.json"), `${JSON.stringify(result, null, 2)}\n`);
  const header = [
    "# Memory tier (L1) benchmark",
    "",
    `\`${result.command}\` — ${result.date}, Node ${process.version} (V8, as in workerd), ${result.machine.cpus} × ${result.machine.cpu}; load average ${result.loadAverage1m5m15m.join(" / ")}.`,
    `The real \`MemoryCache\` (src/platform/cache/memory.ts, bundled by esbuild) with the default bounds, filled with ${inserted} job details of about ${(jobJson(1).length / 1024).toFixed(1)} KB JSON;`,
    `\`get\` timed over ${BATCHES} batches of ${GETS_PER_BATCH} hits after 5 warm-up batches. Heap growth is measured after a forced GC.`,
    "",
    "",
  ];
  writeFileSync(join(dir, "cache-memory.md"), `${header.join("\n")}${table}\n`);
  console.log("written bench/results/cache-memory.json and bench/results/cache-memory.md");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
