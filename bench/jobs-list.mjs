// `node bench/jobs-list.mjs`: what the HWA read cache buys. Through one isolated stack (the Worker, its own libSQL
// server and an HWA simulator), 50 connections each keep one request in flight, for:
//   health         GET /health                      the runtime's own cost: no auth, no rate limit, no cache
//   jobs-list      GET /api/v1/jobs?status=ABEND    viewer token: auth + rate limit + the cached list (default page)
//   jobs-list-500  GET /api/v1/jobs?limit=500       the same with the largest page (every job of the plan)
//   job-zipf       GET /api/v1/jobs/{id}            ids drawn Zipf(s = 1.1) over every job of the plan
// once with the cache on and once with CACHE_DISABLED=true (every read goes to HWA: both tiers are bypassed in
// `readThrough`, so "off" costs exactly the HWA call), in each runtime of BENCH_RUNTIMES:
//   workerd        wrangler's deploy bundle in workerd through Miniflare, requests straight to workerd (the verdict)
//   wrangler-dev   `wrangler dev`, whose proxy Worker forwards every request (what `npm run dev` runs)
// The load generator is undici's Pool (keep-alive, pipelining 1): Node's fetch costs ~1 ms of CPU a request here,
// which the Worker's two cores would otherwise pay. Writes bench/results/jobs-list.{json,md}.
// BENCH_RUNTIMES, BENCH_SCENARIOS (comma lists), BENCH_SECONDS, BENCH_WARMUP_SECONDS, BENCH_VIEWERS shorten a run.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { Pool } from "undici";
import { randomPassword } from "../dev/admin-account.mjs";
import { seedAccounts } from "./lib/accounts.mjs";
import { revision } from "./lib/revision.mjs";
import { startSimulator } from "./lib/simulator.mjs";
import { processTreeCpuSeconds } from "./lib/cpu.mjs";
import { randomSecret, root, startStack } from "./lib/stack.mjs";
import { runBenchmark } from "./lib/run.mjs";
import { seededRandom, summarize } from "./lib/stats.mjs";
import { tokensFor } from "./lib/tokens.mjs";
import { zipfSampler } from "./lib/zipf.mjs";
import { load } from "./lib/load.mjs";

const CONNECTIONS = 50;
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const MEASURE_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
/** The measured seconds of each scenario are split into this many interleaved rounds. */
const ROUNDS = 3;
/** The API allows 600 requests a minute per user: the load is spread over enough viewers to stay under it (4 000/s). */
const VIEWERS = Number(process.env.BENCH_VIEWERS ?? 400);
const RUNTIMES = /** @type {Runtime[]} */ ((process.env.BENCH_RUNTIMES ?? "workerd,wrangler-dev").split(","));
const SCENARIOS = process.env.BENCH_SCENARIOS?.split(",");
const ZIPF_EXPONENT = 1.1;
const SEED = 20_261_129;
const OVERALL_TIMEOUT_MS = 30 * 60_000;
const TARGETS = { speedup: 5, shareOfHealth: 0.7, p99Ms: 100, hitRate: 0.95 };

const round = (/** @type {number} */ x, digits = 2) => Number(x.toFixed(digits));
const loadAverage = () => os.loadavg().map((x) => round(x));

/**
 * @typedef {Awaited<ReturnType<typeof startSimulator>>} Simulator
 * @typedef {"workerd" | "wrangler-dev"} Runtime
 * @typedef {() => { path: string, headers: Record<string, string> }} Scenario
 * @typedef {Awaited<ReturnType<typeof loadWith>>} Measurement
 * @typedef {ReturnType<typeof summaryOf>} Summary
 * @typedef {Awaited<ReturnType<typeof measureRuntime>>} RuntimeRun
 * @typedef {RuntimeRun & { verdict: ReturnType<typeof verdictOf> }} RuntimeResult
 */

/** `CONNECTIONS` loops of `load` (bench/lib/load.mjs), with the CPU of the processes `cpu()` samples. */
const loadWith = (
  /** @type {Pool} */ pool,
  /** @type {() => { path: string, headers: Record<string, string> }} */ next,
  /** @type {number} */ seconds,
  /** @type {() => Record<string, number>} */ cpu,
) => load(pool, next, { seconds, connections: CONNECTIONS, cpu }).then((result) => ({ ...result, hwaRequests: 0 }));

/** Starts one stack (cache on or off) and logs its viewers in; returns what its scenarios need. */
/**
 * Starts one stack (cache on or off). The first stack of a runtime seeds the viewers and logs them in (`POST /token`);
 * the others share its JWT secret, so the same tokens are valid there and no login is repeated.
 * @param {Runtime} runtime @param {string} label @param {Simulator} simulator
 * @param {{ username: string, password: string }[]} viewers @param {string[]} jobIds @param {boolean} cacheDisabled
 * @param {{ jwtSecret: string, tokens?: string[] }} auth
 */
async function openStack(runtime, label, simulator, viewers, jobIds, cacheDisabled, auth) {
  const stack = await startStack({
    runtime,
    vars: {
      HWA_BASE_URL: simulator.url,
      HWA_USERNAME: simulator.username,
      HWA_PASSWORD: simulator.password,
      CACHE_DISABLED: String(cacheDisabled),
      LOG_LEVEL: "error",
      JWT_SECRET: auth.jwtSecret,
    },
    seed: auth.tokens ? undefined : (url) => seedAccounts(url, viewers, "viewer"),
  });
  const pool = new Pool(stack.baseUrl, { connections: CONNECTIONS, pipelining: 1 });
  const close = async () => {
    await pool.close();
    await stack.stop();
  };
  try {
    console.log(
      `${runtime}, ${label}: stack at ${stack.baseUrl}${auth.tokens ? "" : `; logging ${viewers.length} viewers in`}`,
    );
    const tokens = auth.tokens ?? (await tokensFor(stack.baseUrl, viewers));
    let turn = 0;
    const bearer = () => ({ authorization: `Bearer ${tokens[turn++ % tokens.length]}` });
    const zipf = zipfSampler(jobIds.length, ZIPF_EXPONENT, seededRandom(SEED));
    /** @type {Record<string, Scenario>} */
    const scenarios = {
      health: () => ({ path: "/health", headers: {} }),
      "jobs-list": () => ({ path: "/api/v1/jobs?status=ABEND", headers: bearer() }),
      "jobs-list-500": () => ({ path: "/api/v1/jobs?limit=500", headers: bearer() }),
      "job-zipf": () => ({
        path: `/api/v1/jobs/${encodeURIComponent(/** @type {string} */ (jobIds[zipf()]))}`,
        headers: bearer(),
      }),
    };
    for (const name of Object.keys(scenarios)) if (SCENARIOS && !SCENARIOS.includes(name)) delete scenarios[name];
    const cpu = () => ({
      // The bench process: the load generator, and the libSQL server (idle on these reads).
      bench: ((usage) => (usage.user + usage.system) / 1e6)(process.cpuUsage()),
      worker: processTreeCpuSeconds(stack.pid),
      simulator: processTreeCpuSeconds(simulator.pid),
    });
    return { label, stack, pool, scenarios, cpu, close, tokens };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Adds one round's measurement of a scenario to what earlier rounds measured.
 * @param {Measurement | undefined} total @param {Measurement} round @returns {Measurement}
 */
function accumulate(total, round) {
  if (!total) return { ...round, latencies: [...round.latencies], cpuSeconds: { ...round.cpuSeconds } };
  total.latencies.push(...round.latencies);
  total.seconds += round.seconds;
  total.hwaRequests += round.hwaRequests;
  for (const [k, v] of Object.entries(round.statuses)) total.statuses[k] = (total.statuses[k] ?? 0) + v;
  for (const [k, v] of Object.entries(round.sources)) total.sources[k] = (total.sources[k] ?? 0) + v;
  for (const [k, v] of Object.entries(round.cpuSeconds))
    total.cpuSeconds[k] = /** @type {number} */ (total.cpuSeconds[k]) + v;
  return total;
}

/** @param {Measurement} total */
function summaryOf(total) {
  const latency = summarize(total.latencies);
  const requests = total.latencies.length;
  return {
    requests,
    seconds: round(total.seconds),
    throughput: round(requests / total.seconds, 1),
    latencyMs: { p50: round(latency.p50), p90: round(latency.p90), p99: round(latency.p99), max: round(latency.max) },
    statuses: total.statuses,
    sources: total.sources,
    hwaRequests: total.hwaRequests,
    cpuMicrosPerRequest: Object.fromEntries(
      Object.entries(total.cpuSeconds).map(([name, seconds]) => [name, Math.round((seconds * 1e6) / requests)]),
    ),
  };
}

/**
 * Both stacks of a runtime (cache on and off) run side by side; every (stack, scenario) pair is warmed up, then
 * measured in ROUNDS interleaved rounds, so that a burst of outside load falls on every pair alike rather than on one.
 * The uncached stack is started afresh for each round (warmed up again), as it had to be before the bulkhead stopped
 * handing slots across requests (230b1d3: until then an isolate's calls in flight hung after ≈ 16 700 contended HWA
 * calls); kept so that runs stay comparable with the committed results.
 * @param {Runtime} runtime @param {Simulator} simulator @param {{ username: string, password: string }[]} viewers
 * @param {string[]} jobIds
 */
async function measureRuntime(runtime, simulator, viewers, jobIds) {
  /** @type {{ jwtSecret: string, tokens?: string[] }} */
  const auth = { jwtSecret: randomSecret() };
  const cached = await openStack(runtime, "cache on", simulator, viewers, jobIds, false, auth);
  auth.tokens = cached.tokens;
  /** @type {Record<"on" | "off", Record<string, Measurement>>} */
  const totals = { on: {}, off: {} };
  let offCommand = "";
  try {
    for (const next of Object.values(cached.scenarios)) await loadWith(cached.pool, next, WARMUP_SECONDS, cached.cpu);
    for (let r = 0; r < ROUNDS; r++) {
      const uncached = await openStack(runtime, `cache off (round ${r + 1})`, simulator, viewers, jobIds, true, auth);
      offCommand = uncached.stack.command.join(" ");
      try {
        for (const [name, next] of Object.entries(uncached.scenarios)) {
          if (name === "job-zipf")
            delete uncached.scenarios[name]; // no target needs it uncached, and it costs the most HWA calls
          else await loadWith(uncached.pool, next, WARMUP_SECONDS, uncached.cpu);
        }
        // The cached stack's connections idled while the uncached one started: open them again, unmeasured.
        const opening = /** @type {Scenario} */ (cached.scenarios.health ?? Object.values(cached.scenarios)[0]);
        await loadWith(cached.pool, opening, 1, cached.cpu);
        for (const [mode, { label, pool, scenarios, cpu }] of /** @type {["on" | "off", typeof cached][]} */ ([
          ["on", cached],
          ["off", uncached],
        ])) {
          for (const [name, next] of Object.entries(scenarios)) {
            const before = await simulator.requests();
            const measured = await loadWith(pool, next, MEASURE_SECONDS / ROUNDS, cpu);
            measured.hwaRequests = (await simulator.requests()) - before;
            totals[mode][name] = accumulate(totals[mode][name], measured);
            console.log(
              `${runtime}, ${label}, ${name}, round ${r + 1}/${ROUNDS}: ${round(measured.latencies.length / measured.seconds, 1)} req/s, HWA calls ${measured.hwaRequests}, statuses ${JSON.stringify(measured.statuses)}`,
            );
          }
        }
      } finally {
        await uncached.close();
      }
    }
  } finally {
    await cached.close();
  }
  const results = (/** @type {"on" | "off"} */ mode) =>
    Object.fromEntries(Object.entries(totals[mode]).map(([name, total]) => [name, summaryOf(total)]));
  return {
    on: { command: cached.stack.command.join(" "), results: results("on") },
    off: { command: offCommand, results: results("off") },
  };
}

/**
 * Every job id of the plan, in the simulator's order (rank 1 of the Zipf draw is its first job).
 * @param {Simulator} simulator @returns {Promise<string[]>}
 */
async function planJobIds(simulator) {
  /** @type {string[]} */
  const ids = [];
  for (let offset = 0; ; offset += 500) {
    const url = `${simulator.url}/api/v2/plan/job?plan_id=current&limit=500&offset=${offset}`;
    const page = /** @type {{ results: { id: string }[] }} */ (
      await (
        await fetch(url, { headers: { Authorization: `Basic ${btoa(`${simulator.username}:${simulator.password}`)}` } })
      ).json()
    );
    ids.push(...page.results.map((job) => job.id));
    if (page.results.length < 500) return ids;
  }
}

/** Answers served by the cache: hit, stale or coalesced. */
const servedFromCache = (/** @type {Summary} */ r) =>
  (r.sources.hit ?? 0) + (r.sources.stale ?? 0) + (r.sources.coalesced ?? 0);
const met = (/** @type {boolean} */ ok) => (ok ? "met" : "NOT met");

/**
 * What the issue asks of one runtime's measurements (undefined where a shortened run skipped a scenario).
 * @param {RuntimeRun["on"]} on @param {RuntimeRun["off"]} off
 */
function verdictOf(on, off) {
  const ratio = (/** @type {Summary | undefined} */ a, /** @type {Summary | undefined} */ b) =>
    a && b ? round(a.throughput / b.throughput, 2) : undefined;
  const list = on.results["jobs-list"];
  const zipf = on.results["job-zipf"];
  return {
    speedup: ratio(list, off.results["jobs-list"]),
    shareOfHealth: ratio(list, on.results.health),
    p99Ms: list?.latencyMs.p99,
    listHitRate: list ? round(servedFromCache(list) / list.requests, 4) : undefined,
    zipfHitRate: zipf ? round(servedFromCache(zipf) / zipf.requests, 4) : undefined,
    largePage: {
      speedup: ratio(on.results["jobs-list-500"], off.results["jobs-list-500"]),
      shareOfHealth: ratio(on.results["jobs-list-500"], on.results.health),
      p99Ms: on.results["jobs-list-500"]?.latencyMs.p99,
    },
  };
}

/** @param {RuntimeResult} run */
function table(run) {
  const rows = [];
  for (const mode of /** @type {("on" | "off")[]} */ (["on", "off"])) {
    for (const [name, r] of Object.entries(run[mode].results)) {
      const hitRate = name === "health" ? "—" : `${((servedFromCache(r) / r.requests) * 100).toFixed(1)}%`;
      const errors = r.requests - (r.statuses[200] ?? 0);
      const cpu = r.cpuMicrosPerRequest;
      rows.push(
        `| ${mode} | ${name} | ${r.throughput} | ${r.latencyMs.p50} | ${r.latencyMs.p99} | ${hitRate} | ${r.hwaRequests} | ${errors} | ${cpu.worker} | ${cpu.simulator} | ${cpu.bench} |`,
      );
    }
  }
  return [
    "| cache | scenario | req/s | p50 ms | p99 ms | served from cache | HWA calls | non-200 | CPU µs/req: Worker | simulator | bench |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
  ];
}

/** @param {RuntimeResult["verdict"]} v */
function verdictLines(v) {
  const lines = [];
  if (v.speedup !== undefined)
    lines.push(
      `- jobs-list, cache on vs off: **${v.speedup}×** the throughput (target ≥ ${TARGETS.speedup}×: ${met(v.speedup >= TARGETS.speedup)}).`,
    );
  if (v.shareOfHealth !== undefined)
    lines.push(
      `- jobs-list, cache on: **${(v.shareOfHealth * 100).toFixed(0)}%** of /health's throughput on the same stack (target ≥ ${TARGETS.shareOfHealth * 100}%: ${met(v.shareOfHealth >= TARGETS.shareOfHealth)}).`,
    );
  if (v.p99Ms !== undefined)
    lines.push(
      `- jobs-list, cache on: p99 **${v.p99Ms} ms** at ${CONNECTIONS} connections (target ≤ ${TARGETS.p99Ms} ms: ${met(v.p99Ms <= TARGETS.p99Ms)}).`,
    );
  if (v.zipfHitRate !== undefined)
    lines.push(
      `- job-zipf, cache on: **${(v.zipfHitRate * 100).toFixed(1)}%** of answers served from the cache (hit, stale or coalesced; target ≥ ${TARGETS.hitRate * 100}%: ${met(v.zipfHitRate >= TARGETS.hitRate)}); jobs-list: ${(/** @type {number} */ (v.listHitRate) * 100).toFixed(1)}%.`,
    );
  const large = v.largePage;
  if (large.speedup !== undefined)
    lines.push(
      `- jobs-list-500 (every job on one page), for scale: ${large.speedup}× the uncached throughput, ${((large.shareOfHealth ?? 0) * 100).toFixed(0)}% of /health, p99 ${large.p99Ms} ms.`,
    );
  return lines;
}

/** @type {Record<string, string>} */
const RUNTIME_TITLES = {
  workerd: "workerd, reached directly (the verdict)",
  "wrangler-dev": "`wrangler dev` (its proxy Worker in front; for comparison)",
};

/** @param {{ runtimes: Record<string, RuntimeResult> }} result */
function markdown(result) {
  const sections = [];
  for (const [runtime, run] of Object.entries(result.runtimes)) {
    sections.push(`## ${RUNTIME_TITLES[runtime] ?? runtime}`, "", ...table(run), "", ...verdictLines(run.verdict), "");
  }
  return sections.join("\n");
}

/**
 * @param {{ command: string, date: string, revision: ReturnType<typeof revision>,
 *   machine: { node: string, cpu: string, cpus: number, totalMemoryGiB: number },
 *   loadAverage1m5m15m: { before: number[], after: number[] },
 *   settings: { jobs: number, warmupSeconds: number, measureSeconds: number, rounds: number, viewers: number } }} result
 */
const DESCRIPTION = (result) => [
  "# Jobs list benchmark: the HWA read cache on and off",
  "",
  `\`${result.command}\` at commit ${result.revision.commit}${result.revision.workerSourcesModified ? " (Worker sources modified)" : ""} — ${result.date}, Node ${result.machine.node}, ${result.machine.cpus} × ${result.machine.cpu}, ${result.machine.totalMemoryGiB} GiB.`,
  `Load average (1/5/15 min) before ${result.loadAverage1m5m15m.before.join(" / ")}, after ${result.loadAverage1m5m15m.after.join(" / ")}.`,
  "",
  `One machine runs everything on its ${result.machine.cpus} cores: the load generator (undici \`Pool\`, ${CONNECTIONS} keep-alive connections, one request in flight each), the Worker`,
  `(workerd), the HWA simulator (seed 7, ${result.settings.jobs} jobs, plan clock stopped) and a libSQL server. "off" is a second stack of the same Worker with`,
  `\`CACHE_DISABLED=true\` (every read goes to HWA, both tiers bypassed) beside the first. Every (stack, scenario) pair gets ${result.settings.warmupSeconds} s of warm-up, then`,
  `${result.settings.measureSeconds} s measured in ${result.settings.rounds} interleaved rounds (on: every scenario; off: the same but job-zipf; again), so outside load falls on all alike.`,
  "The uncached stack is started afresh (and warmed up) for each round, as it had to be before 230b1d3 (until then, after ≈ 16 700 contended",
  "HWA calls an isolate's calls in flight hung: the bulkhead handed slots across requests); kept so runs stay comparable.",
  `Requests carry one of ${result.settings.viewers} viewers' tokens (from \`POST /token\` on the cached stack; the stacks share a JWT secret) in turn,`,
  'enough for the 600-per-minute user limit not to be reached ("non-200" would count it). "served from cache" counts answers whose `Resync-Cache` is hit, stale or coalesced.',
  "",
  "**Which stack.** The verdict is measured in workerd reached directly: the bundle `wrangler deploy --dry-run` makes (what production runs),",
  "run by Miniflare with wrangler.toml's bindings and served on the Worker's own workerd socket (`bench/lib/workerd-server.mjs`), so no other",
  "JavaScript runs before the Worker, as at Cloudflare's edge; /health, the cached and the uncached list all pass through that same runtime in",
  "the same run. `wrangler dev` (second table) first passes every request through its own proxy Worker and Miniflare's entry Worker — a",
  "development convenience production does not have — and on two shared cores that, not the Worker, sets its ceiling. Node's `fetch` as a load",
  "generator cost ≈ 0.6–1.2 ms of CPU per request on this machine (undici's `Pool` ≈ 0.1 ms), so it is no longer used.",
  '"CPU µs/req" is the CPU time each process tree used during the measurement divided by the requests answered: Worker = workerd (with',
  "wrangler's Node process under `wrangler dev`), bench = the load generator and the idle libSQL server.",
  "",
];

async function main() {
  const startedAt = new Date();
  const loadBefore = loadAverage();
  const simulator = await startSimulator();
  try {
    const jobIds = await planJobIds(simulator);
    const viewers = Array.from({ length: VIEWERS }, (_, i) => ({
      username: `bench-viewer-${i + 1}`,
      password: randomPassword(),
    }));
    /** @type {Record<string, RuntimeResult>} */
    const runtimes = {};
    for (const runtime of RUNTIMES) {
      const { on, off } = await measureRuntime(runtime, simulator, viewers, jobIds);
      runtimes[runtime] = { on, off, verdict: verdictOf(on, off) };
    }
    const result = {
      benchmark: "jobs-list",
      date: startedAt.toISOString(),
      command: "node bench/jobs-list.mjs",
      revision: revision(),
      machine: {
        node: process.version,
        cpu: os.cpus()[0]?.model ?? "unknown",
        cpus: os.cpus().length,
        totalMemoryGiB: round(os.totalmem() / 2 ** 30),
      },
      loadAverage1m5m15m: { before: loadBefore, after: loadAverage() },
      settings: {
        connections: CONNECTIONS,
        warmupSeconds: WARMUP_SECONDS,
        measureSeconds: MEASURE_SECONDS,
        rounds: ROUNDS,
        viewers: VIEWERS,
        jobs: jobIds.length,
        zipfExponent: ZIPF_EXPONENT,
        seed: SEED,
        generator: "undici Pool 7.24.8, pipelining 1",
      },
      verdict: runtimes.workerd?.verdict,
      runtimes,
    };
    const text = markdown(result);
    console.log(`\n${text}`);
    const shortened = [
      "BENCH_RUNTIMES",
      "BENCH_SCENARIOS",
      "BENCH_SECONDS",
      "BENCH_WARMUP_SECONDS",
      "BENCH_VIEWERS",
    ].filter((name) => process.env[name] !== undefined);
    if (shortened.length > 0) {
      console.log(`not written to bench/results: a shortened run (${shortened.join(", ")})`);
      return;
    }
    const dir = join(root, "bench", "results");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "jobs-list.json"), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(dir, "jobs-list.md"), `${DESCRIPTION(result).join("\n")}\n${text}`);
    console.log("written bench/results/jobs-list.json and bench/results/jobs-list.md");
  } finally {
    await simulator.stop();
  }
}

runBenchmark("jobs-list", main, OVERALL_TIMEOUT_MS);
