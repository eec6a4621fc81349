// `node bench/chat.mjs`: how fast the chat answers with a warm cache. One isolated stack (the Worker in workerd
// reached directly, as bench/jobs-list.mjs does; its own libSQL server and HWA simulator, plan clock stopped).
// Operators hold conversations of six messages in one session (status, a follow-up for the log, failures, a job
// stream, what blocks a stuck stream or why a waiting job does not run — the root-cause walk, at most 10 cached
// hops —, a workstation or what a job waits on), in Portuguese and English, jobs drawn Zipf(1.1) over the plan's
// jobs with a unique name. The cache is filled first through the REST API (every job's status and log, every job
// stream, the lists: the chat reads the same entries), then a warm-up of the same mix runs; then, for each level of concurrency,
// CONVERSATIONS run that many at a time, each by its own viewer (the chat allows 10 messages a minute per user).
// One at a time is the latency an operator sees; more at a time shows how it holds under load on this machine.
// Writes bench/results/chat.{json,md}.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Pool } from "undici";
import { randomPassword } from "../dev/admin-account.mjs";
import { seedAccounts } from "./lib/accounts.mjs";
import { processTreeCpuSeconds } from "./lib/cpu.mjs";
import { revision } from "./lib/revision.mjs";
import { startSimulator } from "./lib/simulator.mjs";
import { root, startStack } from "./lib/stack.mjs";
import { runBenchmark } from "./lib/run.mjs";
import { seededRandom, summarize } from "./lib/stats.mjs";
import { tokensFor } from "./lib/tokens.mjs";
import { zipfSampler } from "./lib/zipf.mjs";

const RUNTIME = /** @type {"workerd" | "wrangler-dev"} */ (process.env.BENCH_RUNTIME ?? "workerd");
const LEVELS = (process.env.BENCH_CONCURRENT ?? "1,8").split(",").map(Number);
const WARMUP_CONVERSATIONS = Number(process.env.BENCH_WARMUP_CONVERSATIONS ?? 60);
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 240);
const SEED = 20_261_129;
const TARGET_P99_MS = 50;
const OVERALL_TIMEOUT_MS = 15 * 60_000;

const round = (/** @type {number} */ x, digits = 2) => Number(x.toFixed(digits));
const loadAverage = () => os.loadavg().map((x) => round(x));

/** @typedef {Awaited<ReturnType<typeof startSimulator>>} Simulator @typedef {Awaited<ReturnType<typeof planNames>>} PlanNames */

/**
 * The plan's jobs with a name no other job has (a question by name means one job), its streams and workstations.
 * @param {Simulator} simulator
 */
async function planNames(simulator) {
  /**
   * @param {string} path
   * @returns {Promise<{ id: string, name: string, jobStreamName?: string, lastRunCompositeStatus?: { substatus?: string } }[]>}
   */
  const get = async (path) =>
    (
      await (
        await fetch(`${simulator.url}${path}`, {
          headers: { Authorization: `Basic ${btoa(`${simulator.username}:${simulator.password}`)}` },
        })
      ).json()
    ).results;
  const jobs = await get("/api/v2/plan/job?plan_id=current&limit=500");
  const streams = await get("/api/v2/plan/jobstream?plan_id=current&limit=500");
  const count = new Map();
  for (const job of jobs) count.set(job.name, (count.get(job.name) ?? 0) + 1);
  const unique = jobs.filter((job) => count.get(job.name) === 1);
  const waiting = (/** @type {(typeof jobs)[number]} */ job) =>
    job.lastRunCompositeStatus?.substatus === "HOLD_WAITING_FOR_PREDECESSOR";
  return {
    jobs: unique.map((job) => job.name),
    /** Jobs that wait on a predecessor: "why is it not running?" walks down to the root cause. */
    blocked: unique.filter(waiting).map((job) => job.name),
    /** Streams with a job that waits: "what is blocking it?" walks the chain. */
    stuck: [...new Set(jobs.filter(waiting).map((job) => job.jobStreamName ?? ""))],
    jobIds: jobs.map((job) => job.id),
    streams: [...new Set(streams.map((s) => s.name))],
    streamIds: streams.map((s) => s.id),
    workstations: (await get("/api/v2/plan/workstation?limit=500")).map((w) => w.name),
  };
}

/**
 * Fills the cache through the REST API, whose entries the chat shares: every job's status and log, every job stream,
 * the lists. 600 requests a minute per user: spread over `tokens`.
 * @param {Pool} pool @param {string[]} tokens @param {PlanNames} names
 */
async function warmCache(pool, tokens, names) {
  const paths = [
    "/api/v1/jobstreams?limit=500",
    "/api/v1/workstations",
    "/api/v1/engine",
    ...names.jobIds.flatMap((id) => [
      `/api/v1/jobs/${encodeURIComponent(id)}`,
      `/api/v1/jobs/${encodeURIComponent(id)}/log`,
    ]),
    ...names.streamIds.map((id) => `/api/v1/jobstreams/${encodeURIComponent(id)}`),
  ];
  let next = 0;
  /** @type {Record<number, number>} */
  const statuses = {};
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < paths.length) {
        const i = next++;
        const response = await pool.request({
          method: "GET",
          path: /** @type {string} */ (paths[i]),
          headers: { authorization: `Bearer ${tokens[i % tokens.length]}` },
        });
        await response.body.arrayBuffer();
        statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
      }
    }),
  );
  return { requests: paths.length, statuses };
}

/**
 * A conversation's six messages, as operators write them; the last two walk a dependency chain to its root cause.
 * @param {PlanNames} names @param {() => number} random
 */
function conversations(names, random) {
  const job = zipfSampler(names.jobs.length, 1.1, random);
  const pick = (/** @type {string[]} */ list) => list[Math.floor(random() * list.length)];
  return () => {
    const j = names.jobs[job()];
    const s = pick(names.streams);
    const w = pick(names.workstations);
    return random() < 0.5
      ? [
          `qual o status do job ${j}?`,
          "e o log?",
          "quais jobs abendaram hoje?",
          `como está o stream ${s}?`,
          `o que está travando o stream ${pick(names.stuck)}?`,
          `a estação ${w} está linkada?`,
        ]
      : [
          `what is the status of job ${j}?`,
          "and the log?",
          "which jobs failed in the last 3 hours?",
          `how is job stream ${s} doing?`,
          `what is ${j} waiting for?`,
          `why is job ${pick(names.blocked)} not running?`,
        ];
  };
}

/**
 * Runs `tokens.length` conversations, `concurrent` at a time; each message timed alone.
 * @param {Pool} pool @param {number} concurrent @param {string[]} tokens @param {() => string[]} nextConversation
 */
async function talk(pool, concurrent, tokens, nextConversation) {
  /** @type {{ intent: string, ms: number }[]} */
  const samples = [];
  /** @type {Record<number, number>} */
  const statuses = {};
  let next = 0;
  const operator = async () => {
    while (next < tokens.length) {
      const token = tokens[next++];
      /** @type {string | undefined} */
      let sessionId;
      for (const message of nextConversation()) {
        const started = performance.now();
        const response = await pool.request({
          method: "POST",
          path: "/api/v1/chat",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ message, ...(sessionId ? { session_id: sessionId } : {}) }),
        });
        const body = /** @type {{ session_id: string, intent: string }} */ (await response.body.json());
        const ms = performance.now() - started;
        statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
        if (response.statusCode !== 200) continue;
        sessionId = body.session_id;
        samples.push({ intent: body.intent, ms });
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrent }, operator));
  return { samples, statuses, seconds: (performance.now() - started) / 1000 };
}

const latencyOf = (/** @type {{ intent: string, ms: number }[]} */ samples) => {
  const s = summarize(samples.map((x) => x.ms));
  return { messages: samples.length, p50: round(s.p50), p90: round(s.p90), p99: round(s.p99), max: round(s.max) };
};

/**
 * @typedef {ReturnType<typeof latencyOf>} Latency
 * @typedef {{ concurrent: number, statuses: Record<number, number>, hwaRequests: number, throughput: number,
 *   cpuMicrosPerMessage: Record<string, number>, overall: Latency, byIntent: Record<string, Latency> }} Level
 * @param {{ command: string, date: string, revision: { commit: string }, machine: { node: string, cpu: string, cpus: number },
 *   loadAverage1m5m15m: { before: number[], after: number[] }, levels: Level[],
 *   settings: { runtime: string, warmupConversations: number, conversations: number, jobs: number } }} result
 */
function markdown(result) {
  const rows = result.levels.flatMap((level) => [
    ...Object.entries(level.byIntent).map(
      ([intent, l]) =>
        `| ${level.concurrent} | ${intent} | ${l.messages} | ${l.p50} | ${l.p90} | ${l.p99} | ${l.max} |`,
    ),
    `| ${level.concurrent} | **all** | ${level.overall.messages} | ${level.overall.p50} | ${level.overall.p90} | ${level.overall.p99} | ${level.overall.max} |`,
  ]);
  const cpu = result.levels.map(
    (l) =>
      `${l.concurrent} at a time: ${l.throughput} messages/s, CPU µs per message ${JSON.stringify(l.cpuMicrosPerMessage)}, HWA calls ${l.hwaRequests}, statuses ${JSON.stringify(l.statuses)}`,
  );
  const one = result.levels.find((l) => l.concurrent === 1);
  return [
    "# Chat benchmark: answers with a warm cache",
    "",
    `\`${result.command}\` at commit ${result.revision.commit} — ${result.date}, Node ${result.machine.node}, ${result.machine.cpus} × ${result.machine.cpu}.`,
    `One machine runs everything: the load generator (undici Pool), the Worker in ${result.settings.runtime === "workerd" ? "workerd reached directly (Miniflare, the Worker's own socket)" : "`wrangler dev`"}, its libSQL server and the HWA simulator (seed 7, plan clock stopped).`,
    `The cache is filled through the REST API (every job's status and log, every job stream, the lists), ${result.settings.warmupConversations} conversations of six messages warm the Worker, then ${result.settings.conversations} are measured per level of concurrency, each by its own viewer, jobs drawn Zipf(1.1) over the ${result.settings.jobs} jobs with a unique name.`,
    `Load average (1/5/15 min) before ${result.loadAverage1m5m15m.before.join(" / ")}, after ${result.loadAverage1m5m15m.after.join(" / ")}.`,
    "",
    "| at a time | intent | messages | p50 ms | p90 ms | p99 ms | max ms |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    ...cpu.map((line) => `- ${line}`),
    "",
    one
      ? `Chat answers, one conversation at a time: p50 **${one.overall.p50} ms**, p99 **${one.overall.p99} ms** (target p99 < ${TARGET_P99_MS} ms locally: ${one.overall.p99 < TARGET_P99_MS ? "met" : "NOT met"}).`
      : "",
    "Every conversation walks a dependency chain to its root cause (what blocks a stuck stream, or why a waiting job does not run): at most 10 hops, each a cached read of a job's predecessors and successors; `job_dependencies` and blocked jobs' statuses walk it too.",
    "Understanding alone: bench/results/chat-understanding.md.",
  ].join("\n");
}

async function main() {
  const startedAt = new Date();
  const loadBefore = loadAverage();
  const simulator = await startSimulator();
  try {
    const names = await planNames(simulator);
    const viewers = Array.from({ length: WARMUP_CONVERSATIONS + LEVELS.length * CONVERSATIONS }, (_, i) => ({
      username: `bench-chat-${i + 1}`,
      password: randomPassword(),
    }));
    const stack = await startStack({
      runtime: RUNTIME,
      vars: {
        HWA_BASE_URL: simulator.url,
        HWA_USERNAME: simulator.username,
        HWA_PASSWORD: simulator.password,
        LOG_LEVEL: "error",
      },
      seed: (url) => seedAccounts(url, viewers, "viewer"),
    });
    const pool = new Pool(stack.baseUrl, { connections: Math.max(...LEVELS), pipelining: 1 });
    try {
      console.log(`${RUNTIME}: stack at ${stack.baseUrl}; logging ${viewers.length} viewers in`);
      const tokens = await tokensFor(stack.baseUrl, viewers);
      const nextConversation = conversations(names, seededRandom(SEED));
      const warmed = await warmCache(pool, tokens.slice(0, WARMUP_CONVERSATIONS), names);
      console.log(`cache warmed through the REST API: ${warmed.requests} reads, ${JSON.stringify(warmed.statuses)}`);
      await talk(pool, Math.max(...LEVELS), tokens.slice(0, WARMUP_CONVERSATIONS), nextConversation);
      const cpu = () => ({
        bench: ((usage) => (usage.user + usage.system) / 1e6)(process.cpuUsage()),
        worker: processTreeCpuSeconds(stack.pid),
        simulator: processTreeCpuSeconds(simulator.pid),
      });
      /** @type {Level[]} */
      const levels = [];
      for (const [i, concurrent] of LEVELS.entries()) {
        const from = WARMUP_CONVERSATIONS + i * CONVERSATIONS;
        const before = { hwa: await simulator.requests(), cpu: cpu() };
        const measured = await talk(pool, concurrent, tokens.slice(from, from + CONVERSATIONS), nextConversation);
        const after = cpu();
        /** @type {Record<string, ReturnType<typeof latencyOf>>} */
        const byIntent = {};
        for (const intent of [...new Set(measured.samples.map((s) => s.intent))].sort())
          byIntent[intent] = latencyOf(measured.samples.filter((s) => s.intent === intent));
        const level = {
          concurrent,
          statuses: measured.statuses,
          hwaRequests: (await simulator.requests()) - before.hwa,
          throughput: round(measured.samples.length / measured.seconds, 1),
          cpuMicrosPerMessage: Object.fromEntries(
            /** @type {(keyof typeof after)[]} */ (Object.keys(after)).map((name) => [
              name,
              Math.round(((after[name] - before.cpu[name]) * 1e6) / measured.samples.length),
            ]),
          ),
          overall: latencyOf(measured.samples),
          byIntent,
        };
        levels.push(level);
        console.log(
          `${concurrent} at a time: p50 ${level.overall.p50} ms, p99 ${level.overall.p99} ms, ${level.throughput} messages/s`,
        );
      }
      const result = {
        benchmark: "chat",
        date: startedAt.toISOString(),
        command: "node bench/chat.mjs",
        revision: revision(),
        machine: { node: process.version, cpu: os.cpus()[0]?.model ?? "unknown", cpus: os.cpus().length },
        loadAverage1m5m15m: { before: loadBefore, after: loadAverage() },
        settings: {
          runtime: RUNTIME,
          levels: LEVELS,
          warmupConversations: WARMUP_CONVERSATIONS,
          conversations: CONVERSATIONS,
          jobs: names.jobs.length,
          seed: SEED,
        },
        levels,
      };
      const text = markdown(result);
      console.log(`\n${text}`);
      const shortened = [
        "BENCH_RUNTIME",
        "BENCH_CONCURRENT",
        "BENCH_WARMUP_CONVERSATIONS",
        "BENCH_CONVERSATIONS",
      ].filter((name) => process.env[name] !== undefined);
      if (shortened.length > 0)
        return console.log(`not written to bench/results: a changed run (${shortened.join(", ")})`);
      const dir = join(root, "bench", "results");
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "chat.json"), `${JSON.stringify(result, null, 2)}\n`);
      writeFileSync(join(dir, "chat.md"), `${text}\n`);
      console.log("written bench/results/chat.json and bench/results/chat.md");
    } finally {
      await pool.close();
      await stack.stop();
    }
  } finally {
    await simulator.stop();
  }
}

runBenchmark("chat", main, OVERALL_TIMEOUT_MS);
