// `node bench/engines.mjs`: what a second engine in the registry costs the cached read path (issue #17: at most 5%).
// Two stacks of the same Worker bundle in workerd, reached directly, side by side:
//   one engine    the environment's `default` engine (HWA_BASE_URL) alone
//   two engines   the same, plus HML registered through POST /api/v1/engines (another simulator, sealed credentials)
// Both answer GET /api/v1/jobs?status=ABEND from their warm cache on the default engine; the two-engine stack also
// answers the same list on HML (`?engine=HML`), reported beside the verdict. Every (stack, scenario) pair is warmed
// up; the verdict's two (the default engine's list on each stack) are then measured in ROUNDS interleaved rounds whose
// order alternates (one, two, two, one, ...), so outside load on the shared cores falls on both alike, and HML's list
// in ROUNDS windows after them: measured inside the rounds, it ran on the two-engine stack right before that stack's
// default window every other round, whose tail then carried HML's background work (refreshes, KV writes, GC) while the
// one-engine stack's never followed other load. Each window starts after SETTLE_MS of quiet. The verdict compares the
// default-engine list: p50, p99, throughput and the Worker's CPU per request. Writes bench/results/engines.{json,md}.
// BENCH_SECONDS, BENCH_WARMUP_SECONDS shorten a run.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { Pool } from "undici";
import { randomPassword } from "../dev/admin-account.mjs";
import { seedAccounts } from "./lib/accounts.mjs";
import { processTreeCpuSeconds } from "./lib/cpu.mjs";
import { revision } from "./lib/revision.mjs";
import { runBenchmark } from "./lib/run.mjs";
import { startSimulator } from "./lib/simulator.mjs";
import { randomSecret, root, startStack } from "./lib/stack.mjs";
import { summarize } from "./lib/stats.mjs";
import { load } from "./lib/load.mjs";
import { tokensFor } from "./lib/tokens.mjs";

const CONNECTIONS = 32;
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const MEASURE_SECONDS = Number(process.env.BENCH_SECONDS ?? 24);
const ROUNDS = 6;
/** Quiet before each measured window, so the background work of the one before (waitUntil) has ended. */
const SETTLE_MS = 1_000;
/** 600 requests a minute per user: the load is spread over enough viewers to stay under it. */
const VIEWERS = 400;
const TARGET_OVERHEAD = 0.05;
const LIST = "/api/v1/jobs?status=ABEND";

const round = (/** @type {number} */ x, digits = 2) => Number(x.toFixed(digits));

/** `CONNECTIONS` loops of `load` (bench/lib/load.mjs). */
const loadFor = (
  /** @type {Pool} */ pool,
  /** @type {() => { path: string, headers: Record<string, string> }} */ next,
  /** @type {number} */ seconds,
) => load(pool, next, { seconds, connections: CONNECTIONS });

/**
 * @param {string} label @param {Awaited<ReturnType<typeof startSimulator>>} simulator
 * @param {{ jwtSecret: string, engineKey: string }} auth @param {((libsqlUrl: string) => Promise<void>)} [seed]
 */
async function openStack(label, simulator, auth, seed) {
  const stack = await startStack({
    runtime: "workerd",
    vars: {
      HWA_BASE_URL: simulator.url,
      HWA_USERNAME: simulator.username,
      HWA_PASSWORD: simulator.password,
      LOG_LEVEL: "error",
      JWT_SECRET: auth.jwtSecret,
      ENGINE_KEY: auth.engineKey,
    },
    seed,
  });
  console.log(`${label}: stack at ${stack.baseUrl}`);
  const pool = new Pool(stack.baseUrl, { connections: CONNECTIONS, pipelining: 1 });
  const close = async () => {
    await pool.close();
    await stack.stop();
  };
  return { label, stack, pool, close };
}

async function main() {
  const [prod, hml] = [await startSimulator(), await startSimulator()];
  const viewers = Array.from({ length: VIEWERS }, (_, i) => ({
    username: `bench-viewer-${i}`,
    password: randomPassword(),
  }));
  const admin = { username: "bench-admin", password: randomPassword() };
  const auth = { jwtSecret: randomSecret(), engineKey: randomSecret() };
  const two = await openStack("two engines", prod, auth, async (/** @type {string} */ url) => {
    await seedAccounts(url, viewers, "viewer");
    await seedAccounts(url, [admin], "admin");
  });
  const one = await openStack("one engine", prod, auth);
  try {
    console.log(`logging ${VIEWERS} viewers in`);
    const tokens = await tokensFor(two.stack.baseUrl, viewers);
    const [adminToken] = await tokensFor(two.stack.baseUrl, [admin]);
    const registered = await fetch(`${two.stack.baseUrl}/api/v1/engines`, {
      method: "POST",
      headers: { Authorization: `Bearer ${adminToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        name: "HML",
        base_url: hml.url,
        auth: { kind: "basic", username: hml.username, password: hml.password },
      }),
    });
    if (registered.status !== 201) throw new Error(`register HML: ${registered.status} ${await registered.text()}`);
    let turn = 0;
    const on = (/** @type {string} */ path) => () => ({
      path,
      headers: { authorization: `Bearer ${tokens[turn++ % tokens.length]}` },
    });
    /** @type {[typeof one, string, () => { path: string, headers: Record<string, string> }][]} */
    const pairs = [
      [one, "default", on(LIST)],
      [two, "default", on(LIST)],
    ];
    /** @type {typeof pairs[number]} */
    const onHml = [two, "HML", on(`${LIST}&engine=HML`)];
    for (const [stack, , next] of [...pairs, onHml]) await loadFor(stack.pool, next, WARMUP_SECONDS);
    /** @type {Record<string, { latencies: number[], seconds: number, statuses: Record<string, number>, sources: Record<string, number>, cpu: number }>} */
    const totals = {};
    /** @type {(typeof pairs)[]} */
    const windows = [];
    for (let r = 0; r < ROUNDS; r++) windows.push(r % 2 === 0 ? pairs : [...pairs].reverse());
    for (let r = 0; r < ROUNDS; r++) windows.push([onHml]);
    for (const [r, order] of windows.entries()) {
      for (const [stack, engine, next] of order) {
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        const key = `${stack.label} · ${engine}`;
        const cpuBefore = processTreeCpuSeconds(stack.stack.pid);
        const measured = await loadFor(stack.pool, next, MEASURE_SECONDS / ROUNDS);
        const cpu = processTreeCpuSeconds(stack.stack.pid) - cpuBefore;
        totals[key] ??= { latencies: [], seconds: 0, statuses: {}, sources: {}, cpu: 0 };
        const total = totals[key];
        total.latencies.push(...measured.latencies);
        total.seconds += measured.seconds;
        total.cpu += cpu;
        for (const [k, v] of Object.entries(measured.statuses)) total.statuses[k] = (total.statuses[k] ?? 0) + v;
        for (const [k, v] of Object.entries(measured.sources)) total.sources[k] = (total.sources[k] ?? 0) + v;
        console.log(
          `${key}, round ${(r % ROUNDS) + 1}/${ROUNDS}: ${round(measured.latencies.length / measured.seconds, 1)} req/s`,
        );
      }
    }
    const results = Object.fromEntries(
      Object.entries(totals).map(([key, total]) => {
        const latency = summarize(total.latencies);
        const requests = total.latencies.length;
        return [
          key,
          {
            requests,
            throughput: round(requests / total.seconds, 1),
            latencyMs: { p50: round(latency.p50), p99: round(latency.p99) },
            workerCpuMicrosPerRequest: Math.round((total.cpu * 1e6) / requests),
            statuses: total.statuses,
            sources: total.sources,
          },
        ];
      }),
    );
    const base = /** @type {NonNullable<(typeof results)[string]>} */ (results["one engine · default"]);
    const with2 = /** @type {NonNullable<(typeof results)[string]>} */ (results["two engines · default"]);
    const overhead = (/** @type {number} */ a, /** @type {number} */ b) => round((a / b - 1) * 100, 1);
    const verdict = {
      p50OverheadPercent: overhead(with2.latencyMs.p50, base.latencyMs.p50),
      p99OverheadPercent: overhead(with2.latencyMs.p99, base.latencyMs.p99),
      throughputChangePercent: overhead(with2.throughput, base.throughput),
      workerCpuOverheadPercent: overhead(with2.workerCpuMicrosPerRequest, base.workerCpuMicrosPerRequest),
      targetPercent: TARGET_OVERHEAD * 100,
    };
    const met =
      verdict.p50OverheadPercent <= verdict.targetPercent && verdict.workerCpuOverheadPercent <= verdict.targetPercent;
    write({ results, verdict: { ...verdict, met }, commands: { one: one.stack.command.join(" ") } });
  } finally {
    await one.close();
    await two.close();
    await prod.stop();
    await hml.stop();
  }
}

function write(/** @type {any} */ report) {
  const meta = {
    command: "node bench/engines.mjs",
    ...revision(),
    date: new Date().toISOString(),
    node: process.version,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}`,
    loadAverage: os.loadavg().map((x) => round(x)),
    connections: CONNECTIONS,
    measureSeconds: MEASURE_SECONDS,
    rounds: ROUNDS,
  };
  const dir = join(root, "bench", "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "engines.json"), `${JSON.stringify({ ...meta, ...report }, null, 2)}\n`);
  const rows = Object.entries(report.results).map(
    ([key, r]) =>
      `| ${key} | ${r.throughput} | ${r.latencyMs.p50} | ${r.latencyMs.p99} | ${r.workerCpuMicrosPerRequest} | ${JSON.stringify(r.statuses)} | ${JSON.stringify(r.sources)} |`,
  );
  const v = report.verdict;
  const md = `# Engines benchmark: the cached read path with one engine and with two

\`node bench/engines.mjs\` at commit ${meta.commit} — ${meta.date}, Node ${meta.node}, ${meta.cpus}; load average after ${meta.loadAverage.join(" / ")}.

Two stacks of the Worker's production bundle in workerd (reached directly), one HWA simulator behind both as \`default\`; the second stack also
has **HML** (another simulator) registered through \`POST /api/v1/engines\`. ${CONNECTIONS} keep-alive connections, one request in flight each, on
\`GET ${LIST}\` (a viewer's token, 400 viewers in turn), warm cache. ${meta.measureSeconds} s per scenario: the two default-engine lists in ${meta.rounds} interleaved
rounds of alternating order, then HML's list in ${meta.rounds} windows of its own; ${SETTLE_MS / 1000} s of quiet before each window, after ${WARMUP_SECONDS} s of
warm-up. The Worker's CPU is workerd's process tree during the measurement, per request answered.

| stack · engine asked | req/s | p50 ms | p99 ms | Worker CPU µs/req | statuses | Resync-Cache |
| --- | ---: | ---: | ---: | ---: | --- | --- |
${rows.join("\n")}

**Verdict** (two engines vs one, the default engine's list; positive is the two-engine stack higher): p50
${v.p50OverheadPercent}%, p99 ${v.p99OverheadPercent}%, throughput ${v.throughputChangePercent}%, Worker CPU per request
${v.workerCpuOverheadPercent}% — target ≤ ${v.targetPercent}% on p50 and on Worker CPU per request: **${v.met ? "met" : "not met"}**.
`;
  writeFileSync(join(dir, "engines.md"), md);
  console.log(md);
}

runBenchmark("engines", main, 20 * 60_000);
