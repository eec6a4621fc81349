// `node bench/audit-queue.mjs`: how long an audit event takes from the moment the Worker queues it to the moment its
// row is visible in libSQL (the AUDIT queue, its consumer's batch and the insert-or-ignore), under wrangler dev.
// One isolated stack (`wrangler dev` with its local queue, its own libSQL server and HWA simulator, plan clock stopped).
// Job actions (`hold`) make the events: each is an attempt queued before HWA is called and a success after. Two phases:
//   paced   ACTIONS_PER_SECOND actions a second, one at a time: the consumer mostly sees partial batches, so the
//           batch timeout (max_batch_timeout = 1 s in wrangler.toml) dominates
//   burst   CONNECTIONS connections acting back to back: batches fill (up to 100 events) before the timeout
// A poller reads new rows every POLL_MS and notes when each event id first shows; the latency of an event is that
// moment minus the event's own `at` (stamped by the Worker when it queued it; one clock, one machine).
// Writes bench/results/audit-queue.{json,md}.
import { createClient } from "@libsql/client";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { randomPassword } from "../dev/admin-account.mjs";
import { seedAccounts } from "./lib/accounts.mjs";
import { revision } from "./lib/revision.mjs";
import { runBenchmark } from "./lib/run.mjs";
import { startSimulator } from "./lib/simulator.mjs";
import { root, startStack } from "./lib/stack.mjs";
import { summarize } from "./lib/stats.mjs";
import { tokensFor } from "./lib/tokens.mjs";

const PACED_SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const ACTIONS_PER_SECOND = 10;
const BURST_ACTIONS = Number(process.env.BENCH_BURST ?? 500);
const CONNECTIONS = 8;
/** The API allows 600 requests a minute per user: the load is spread over enough operators to stay under it. */
const OPERATORS = 16;
const POLL_MS = 20;
/** How long the last events of a phase may take to show before the phase is declared short of events. */
const SETTLE_MS = 30_000;
const TARGET_P99_MS = 2_000;
const OVERALL_TIMEOUT_MS = 10 * 60_000;

const round = (/** @type {number} */ x, digits = 1) => Number(x.toFixed(digits));

/**
 * The plan's first `count` jobs: one per operator, each held again and again (HOLD accepts hold).
 * @param {Awaited<ReturnType<typeof startSimulator>>} simulator @param {number} count @returns {Promise<string[]>}
 */
async function jobIds(simulator, count) {
  const page = await (
    await fetch(`${simulator.url}/api/v2/plan/job?plan_id=current&limit=${count}&offset=0`, {
      headers: { Authorization: simulator.authorization },
    })
  ).json();
  return page.results.map((/** @type {{ id: string }} */ job) => job.id);
}

/** Notes when each audit row first shows: polls rows past the last id seen, POLL_MS apart, until stopped. @param {string} libsqlUrl */
function startPoller(libsqlUrl) {
  const client = createClient({ url: libsqlUrl });
  /** @type {Map<string, { at: number, seen: number }>} */
  const seen = new Map();
  let lastId = 0;
  let duplicates = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = Date.now();
      const rows = await client.execute({
        sql: "SELECT id, event_id, at FROM audit_events WHERE id > ? ORDER BY id LIMIT 5000",
        args: [lastId],
      });
      const now = Date.now();
      for (const row of rows.rows) {
        lastId = Number(row.id);
        const eventId = String(row.event_id);
        if (seen.has(eventId)) duplicates += 1;
        else seen.set(eventId, { at: Number(row.at), seen: now });
      }
      await sleep(Math.max(0, POLL_MS - (Date.now() - started)));
    }
  })();
  return {
    seen,
    get duplicates() {
      return duplicates;
    },
    async stop() {
      running = false;
      await loop;
      client.close();
    },
  };
}

async function main() {
  const simulator = await startSimulator();
  const operators = Array.from({ length: OPERATORS }, (_, i) => ({
    username: `bench-operator-${i}`,
    password: randomPassword(),
  }));
  const stack = await startStack({
    vars: {
      HWA_BASE_URL: simulator.url,
      HWA_USERNAME: simulator.username,
      HWA_PASSWORD: simulator.password,
      LOG_LEVEL: "error",
    },
    seed: (url) => seedAccounts(url, operators, "operator"),
  });
  const poller = startPoller(stack.libsqlUrl);
  try {
    const tokens = await tokensFor(stack.baseUrl, operators);
    const jobs = await jobIds(simulator, OPERATORS);
    await Promise.all(jobs.map((id) => simulator.forceStatus(id, "READY")));
    let turn = 0;
    /** One hold by the next operator on its job; its answer's time and status. */
    const act = async () => {
      const n = turn++ % OPERATORS;
      const started = performance.now();
      const response = await fetch(`${stack.baseUrl}/api/v1/jobs/${encodeURIComponent(jobs[n] ?? "")}/actions/hold`, {
        method: "POST",
        headers: { Authorization: `Bearer ${tokens[n]}`, "Idempotency-Key": `bench-${crypto.randomUUID()}` },
      });
      await response.arrayBuffer();
      return { ms: performance.now() - started, status: response.status };
    };
    // Warm-up: the Worker, the consumer and the database connection are created here, not measured.
    for (let i = 0; i < 20; i++) await act();

    /** @typedef {{ ms: number, status: number }} Answer */
    /** @type {Record<string, unknown>} */
    const phases = {};
    /** @param {string} name @param {() => Promise<Answer[]>} run */
    const measure = async (name, run) => {
      const startedAt = Date.now();
      const answers = await run();
      const expected = 2 * answers.filter((a) => a.status === 200).length;
      const inPhase = () => [...poller.seen.values()].filter((e) => e.at >= startedAt);
      const deadline = Date.now() + SETTLE_MS;
      while (inPhase().length < expected && Date.now() < deadline) await sleep(100);
      const latencies = inPhase().map((e) => e.seen - e.at);
      const s = summarize(latencies);
      const actions = summarize(answers.map((a) => a.ms));
      /** @type {Record<number, number>} */
      const statuses = {};
      for (const { status } of answers) statuses[status] = (statuses[status] ?? 0) + 1;
      phases[name] = {
        actions: answers.length,
        statuses,
        actionMs: { p50: round(actions.p50), p99: round(actions.p99) },
        eventsExpected: expected,
        eventsSeen: latencies.length,
        sentToVisibleMs: {
          p50: round(s.p50),
          p90: round(s.p90),
          p99: round(s.p99),
          max: round(s.max),
          min: round(s.min),
        },
      };
    };

    await measure("paced", async () => {
      const answers = [];
      const started = performance.now();
      for (let i = 0; i < PACED_SECONDS * ACTIONS_PER_SECOND; i++) {
        await sleep(Math.max(0, started + (i * 1000) / ACTIONS_PER_SECOND - performance.now()));
        answers.push(await act());
      }
      return answers;
    });
    await measure("burst", async () => {
      /** @type {Answer[]} */
      const answers = [];
      let left = BURST_ACTIONS;
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (left-- > 0) answers.push(await act());
        }),
      );
      return answers;
    });

    const result = {
      command: "node bench/audit-queue.mjs",
      at: new Date().toISOString(),
      ...revision(),
      node: process.version,
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}`,
      loadAverage: os.loadavg().map((x) => round(x, 2)),
      queue: { maxBatchSize: 100, maxBatchTimeoutSeconds: 1 },
      pollMs: POLL_MS,
      pacedActionsPerSecond: ACTIONS_PER_SECOND,
      burstConnections: CONNECTIONS,
      phases,
      duplicateRows: poller.duplicates,
      targetP99Ms: TARGET_P99_MS,
      wranglerCommand: stack.command.join(" "),
    };
    mkdirSync(join(root, "bench", "results"), { recursive: true });
    writeFileSync(join(root, "bench", "results", "audit-queue.json"), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(root, "bench", "results", "audit-queue.md"), markdown(result));
    console.log(markdown(result));
  } finally {
    await poller.stop();
    await stack.stop();
    await simulator.stop();
  }
}

/** @param {any} r */
function markdown(r) {
  /** @param {string} name @param {string} what */
  const row = (name, what) => {
    const p = r.phases[name];
    const l = p.sentToVisibleMs;
    return `| ${name} | ${what} | ${p.actions} | ${p.eventsSeen} / ${p.eventsExpected} | ${l.p50} | ${l.p90} | **${l.p99}** | ${l.max} | ${p.actionMs.p50} / ${p.actionMs.p99} |`;
  };
  const met = Object.values(r.phases).every(
    (p) => p.sentToVisibleMs.p99 < r.targetP99Ms && p.eventsSeen === p.eventsExpected,
  );
  return `# Audit queue benchmark: from an event queued to its row visible in libSQL

\`${r.command}\` at commit ${r.commit}${r.workerSourcesModified ? " (with uncommitted Worker changes)" : ""} — ${r.at}, Node ${r.node}, ${r.cpus}, load average ${r.loadAverage.join(" / ")}.
One machine runs everything: \`wrangler dev\` (local workerd, its local queue and consumer), its libSQL server, the HWA
simulator (plan clock stopped), the load generator and a poller that reads new rows every ${r.pollMs} ms (so a latency is
late by up to that much). Queue: batches of up to ${r.queue.maxBatchSize} events, or what came within ${r.queue.maxBatchTimeoutSeconds} s.
Each job action (\`hold\`) queues two events: its attempt before HWA is called, its success after.

| phase | load | actions | events seen / expected | p50 ms | p90 ms | p99 ms | max ms | action p50 / p99 ms |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${row("paced", `${r.pacedActionsPerSecond} actions/s, one at a time`)}
${row("burst", `${r.burstConnections} connections back to back`)}

Target: p99 < ${r.targetP99Ms} ms locally — **${met ? "met" : "not met"}**. Rows seen twice: ${r.duplicateRows}.
`;
}

runBenchmark("audit-queue", main, OVERALL_TIMEOUT_MS);
