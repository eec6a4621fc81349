// `node bench/jobs-list.mjs`: what the HWA read cache buys. Through one isolated stack (`wrangler dev`, its own
// libSQL server and HWA simulator), 50 connections each keep one request in flight, for:
//   health      GET /health                        the runtime's own cost: no auth, no rate limit, no cache
//   jobs-list   GET /api/v1/jobs?status=ABEND      viewer token: auth + rate limit + the cached list
//   job-zipf    GET /api/v1/jobs/{id}              ids drawn Zipf(s = 1.1) over every job of the plan
// once with the cache on and once with CACHE_DISABLED=true (every read goes to HWA: both tiers are bypassed in
// `readThrough`, so "off" costs exactly the HWA call). Writes bench/results/jobs-list.{json,md}.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { randomPassword } from "../dev/admin-account.mjs";
import { seedAccounts } from "./lib/accounts.mjs";
import { freePort, root, startStack, stopAllStacks } from "./lib/stack.mjs";
import { seededRandom, summarize } from "./lib/stats.mjs";

const CONNECTIONS = 50;
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const MEASURE_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
/** The API allows 600 requests a minute per user: the load is spread over enough viewers to stay under it. */
const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 60);
const ZIPF_EXPONENT = 1.1;
const SEED = 20_261_129;
const OVERALL_TIMEOUT_MS = 15 * 60_000;
const TARGETS = { speedup: 5, shareOfHealth: 0.7, p99Ms: 100, hitRate: 0.95 };

const round = (x, digits = 2) => Number(x.toFixed(digits));
const loadAverage = () => os.loadavg().map((x) => round(x));

/** The HWA simulator as a child process (so it does not share the load generator's event loop), plan clock stopped. */
async function startSimulator() {
  const port = await freePort();
  const credentials = { username: "bench", password: randomPassword() };
  const child = spawn(process.execPath, [join(root, "dev", "hwa-simulator", "cli.mjs")], {
    env: { ...process.env, HWA_PORT: String(port), HWA_SEED: "7", HWA_TIME_SCALE: "0", HWA_USERNAME: credentials.username, HWA_PASSWORD: credentials.password },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the HWA simulator exited (${code})`)));
    child.stdout.on("data", (chunk) => {
      if (String(chunk).includes("listening")) resolve(undefined);
    });
  });
  const url = `http://127.0.0.1:${port}/twsd`;
  return {
    url,
    ...credentials,
    requests: async () => ((await (await fetch(`${url}/__control/stats`)).json()).total),
    stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : (child.once("exit", resolve), child.kill("SIGTERM")))),
  };
}

/** Bearer tokens from `POST /token`, each login from its own client address (logins are limited per IP). */
async function tokensFor(baseUrl, viewers) {
  const tokens = [];
  for (let i = 0; i < viewers.length; i += 8) {
    const batch = viewers.slice(i, i + 8).map(async (viewer, j) => {
      const n = i + j + 1;
      const login = () =>
        fetch(`${baseUrl}/token`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "CF-Connecting-IP": `10.9.${n >> 8}.${n & 255}` },
          body: JSON.stringify(viewer),
        });
      let response = await login();
      // wrangler dev answers 503 while it restarts the Worker (a watched file changed): once more.
      if (response.status === 503) response = await new Promise((resolve) => setTimeout(resolve, 2_000)).then(login);
      if (response.status !== 200) throw new Error(`login of ${viewer.username}: ${response.status} ${await response.text()}`);
      return (await response.json()).access_token;
    });
    tokens.push(...(await Promise.all(batch)));
  }
  return tokens;
}

/** Zipf(s) over `n` ranks: returns a sampler of 0-based ranks. */
function zipfSampler(n, s, random) {
  const weights = Array.from({ length: n }, (_, k) => 1 / (k + 1) ** s);
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = [];
  let sum = 0;
  for (const weight of weights) cumulative.push((sum += weight / total));
  return () => {
    const u = random();
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] < u) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

/**
 * `CONNECTIONS` loops, each with one request in flight, for `seconds`. Every response is read to its end.
 * @param {() => { url: string, headers: Record<string, string> }} next
 */
async function load(next, seconds) {
  const latencies = [];
  const statuses = {};
  const sources = {};
  const deadline = performance.now() + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const { url, headers } = next();
      const started = performance.now();
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      const source = (response.headers.get("Resync-Cache") ?? "none").split(";")[0];
      sources[source] = (sources[source] ?? 0) + 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  const elapsed = (performance.now() - started) / 1000;
  const latency = summarize(latencies);
  return {
    requests: latencies.length,
    seconds: round(elapsed),
    throughput: round(latencies.length / elapsed, 1),
    latencyMs: { p50: round(latency.p50), p90: round(latency.p90), p99: round(latency.p99), max: round(latency.max) },
    statuses,
    sources,
  };
}

/** Runs each scenario (warm-up, then measurement) against one stack. */
async function measureStack(label, simulator, viewers, jobIds, cacheDisabled) {
  const stack = await startStack({
    vars: { HWA_BASE_URL: simulator.url, HWA_USERNAME: simulator.username, HWA_PASSWORD: simulator.password, CACHE_DISABLED: String(cacheDisabled), LOG_LEVEL: "error" },
    seed: (url) => seedAccounts(url, viewers, "viewer"),
  });
  try {
    console.log(`${label}: stack at ${stack.baseUrl}; logging ${viewers.length} viewers in`);
    const tokens = await tokensFor(stack.baseUrl, viewers);
    let turn = 0;
    const auth = () => ({ Authorization: `Bearer ${tokens[turn++ % tokens.length]}` });
    const zipf = zipfSampler(jobIds.length, ZIPF_EXPONENT, seededRandom(SEED));
    const scenarios = {
      health: () => ({ url: `${stack.baseUrl}/health`, headers: {} }),
      "jobs-list": () => ({ url: `${stack.baseUrl}/api/v1/jobs?status=ABEND`, headers: auth() }),
      "job-zipf": () => ({ url: `${stack.baseUrl}/api/v1/jobs/${encodeURIComponent(jobIds[zipf()])}`, headers: auth() }),
    };
    const results = {};
    for (const [name, next] of Object.entries(scenarios)) {
      await load(next, WARMUP_SECONDS);
      const before = await simulator.requests();
      const result = await load(next, MEASURE_SECONDS);
      result.hwaRequests = (await simulator.requests()) - before;
      results[name] = result;
      console.log(`${label} ${name}: ${result.throughput} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, HWA calls ${result.hwaRequests}, statuses ${JSON.stringify(result.statuses)}, sources ${JSON.stringify(result.sources)}`);
    }
    return { wranglerCommand: stack.command.join(" "), results };
  } finally {
    await stack.stop();
  }
}

/** Every job id of the plan, in the simulator's order (rank 1 of the Zipf draw is its first job). */
async function planJobIds(simulator) {
  const ids = [];
  for (let offset = 0; ; offset += 500) {
    const url = `${simulator.url}/api/v2/plan/job?plan_id=current&limit=500&offset=${offset}`;
    const page = await (await fetch(url, { headers: { Authorization: `Basic ${btoa(`${simulator.username}:${simulator.password}`)}` } })).json();
    ids.push(...page.results.map((job) => job.id));
    if (page.results.length < 500) return ids;
  }
}

/** The commit measured; BENCH_COMMIT names it when the bench runs in an exported copy of the tree (no .git). */
function revision() {
  if (process.env.BENCH_COMMIT) return { commit: process.env.BENCH_COMMIT, workerSourcesModified: false };
  try {
    const git = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
    return { commit: git("rev-parse", "--short", "HEAD"), workerSourcesModified: git("status", "--porcelain", "--", "src", "durable-objects", "wrangler.toml") !== "" };
  } catch {
    return { commit: "unknown" };
  }
}

function markdown(result) {
  const rows = [];
  for (const mode of ["on", "off"]) {
    for (const [name, r] of Object.entries(result.cache[mode].results)) {
      const total = r.requests;
      const served = (r.sources.hit ?? 0) + (r.sources.stale ?? 0) + (r.sources.coalesced ?? 0);
      const hitRate = name === "health" ? "—" : `${((served / total) * 100).toFixed(1)}%`;
      const errors = total - (r.statuses[200] ?? 0);
      rows.push(`| ${mode} | ${name} | ${r.throughput} | ${r.latencyMs.p50} | ${r.latencyMs.p99} | ${hitRate} | ${r.hwaRequests} | ${errors} |`);
    }
  }
  const v = result.verdict;
  return [
    "| cache | scenario | req/s | p50 ms | p99 ms | served from cache | HWA calls | non-200 |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    `jobs-list, cache on vs off: **${v.speedup}×** the throughput (target ≥ ${TARGETS.speedup}×: ${v.speedup >= TARGETS.speedup ? "met" : "NOT met"}); ` +
      `**${(v.shareOfHealth * 100).toFixed(0)}%** of /health's throughput on the same stack (target ≥ ${TARGETS.shareOfHealth * 100}%: ${v.shareOfHealth >= TARGETS.shareOfHealth ? "met" : "NOT met"}); ` +
      `p99 **${v.p99Ms} ms** (target ≤ ${TARGETS.p99Ms} ms: ${v.p99Ms <= TARGETS.p99Ms ? "met" : "NOT met"}).`,
    `job-zipf, cache on: **${(v.zipfHitRate * 100).toFixed(1)}%** of answers served from the cache (hit, stale or coalesced; target ≥ ${TARGETS.hitRate * 100}%: ${v.zipfHitRate >= TARGETS.hitRate ? "met" : "NOT met"}).`,
  ].join("\n");
}

async function main() {
  const startedAt = new Date();
  const loadBefore = loadAverage();
  const simulator = await startSimulator();
  try {
    const jobIds = await planJobIds(simulator);
    const viewers = Array.from({ length: VIEWERS }, (_, i) => ({ username: `bench-viewer-${i + 1}`, password: randomPassword() }));
    const on = await measureStack("cache on", simulator, viewers, jobIds, false);
    const off = await measureStack("cache off", simulator, viewers, jobIds, true);
    const list = on.results["jobs-list"];
    const zipf = on.results["job-zipf"];
    const zipfServed = (zipf.sources.hit ?? 0) + (zipf.sources.stale ?? 0) + (zipf.sources.coalesced ?? 0);
    const result = {
      benchmark: "jobs-list",
      date: startedAt.toISOString(),
      command: "node bench/jobs-list.mjs",
      revision: revision(),
      machine: { node: process.version, cpu: os.cpus()[0]?.model ?? "unknown", cpus: os.cpus().length, totalMemoryGiB: round(os.totalmem() / 2 ** 30) },
      loadAverage1m5m15m: { before: loadBefore, after: loadAverage() },
      settings: { connections: CONNECTIONS, warmupSeconds: WARMUP_SECONDS, measureSeconds: MEASURE_SECONDS, viewers: VIEWERS, jobs: jobIds.length, zipfExponent: ZIPF_EXPONENT, seed: SEED },
      cache: { on, off },
      verdict: {
        speedup: round(list.throughput / off.results["jobs-list"].throughput, 1),
        shareOfHealth: round(list.throughput / on.results.health.throughput),
        p99Ms: list.latencyMs.p99,
        zipfHitRate: round(zipfServed / zipf.requests, 4),
      },
    };
    const table = markdown(result);
    console.log(`\n${table}\n`);
    const dir = join(root, "bench", "results");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "jobs-list.json"), `${JSON.stringify(result, null, 2)}\n`);
    const header = [
      "# Jobs list benchmark: the HWA read cache on and off",
      "",
      `\`${result.command}\` at commit ${result.revision.commit}${result.revision.workerSourcesModified ? " (Worker sources modified)" : ""} — ${result.date}, Node ${result.machine.node}, ${result.machine.cpus} × ${result.machine.cpu}, ${result.machine.totalMemoryGiB} GiB.`,
      `One machine runs everything: the load generator (Node fetch, ${CONNECTIONS} connections, one request in flight each), \`wrangler dev\` (local workerd),`,
      `its libSQL server and the HWA simulator (seed 7, ${jobIds.length} jobs, plan clock stopped). ${WARMUP_SECONDS} s of warm-up, then ${MEASURE_SECONDS} s measured per scenario.`,
      `"off" is the same stack restarted with \`CACHE_DISABLED=true\`: every read goes to HWA (both tiers bypassed). Requests carry one of ${VIEWERS} viewers' tokens in turn (600/min per user).`,
      `"served from cache" counts answers whose \`Resync-Cache\` is hit, stale or coalesced. Load average (1/5/15 min) before ${loadBefore.join(" / ")}, after ${result.loadAverage1m5m15m.after.join(" / ")}.`,
      "",
      "",
    ];
    writeFileSync(join(dir, "jobs-list.md"), `${header.join("\n")}${table}\n`);
    console.log("written bench/results/jobs-list.json and bench/results/jobs-list.md");
  } finally {
    await simulator.stop();
  }
}

async function fail(message, code = 1) {
  console.error(`bench jobs-list: ${message}`);
  await stopAllStacks();
  process.exit(code);
}

process.on("SIGINT", () => void fail("interrupted", 130));
process.on("SIGTERM", () => void fail("terminated", 143));
setTimeout(() => void fail(`overall timeout of ${OVERALL_TIMEOUT_MS / 60_000} minutes reached`), OVERALL_TIMEOUT_MS).unref();

main().then(
  () => process.exit(0),
  (error) => fail(error instanceof Error ? error.stack ?? error.message : String(error)),
);
