// `node bench/notifications.mjs`: what the plan watcher costs and how soon it tells, with a 10 s alarm period.
// Two isolated stacks (the Worker under BENCH_RUNTIME, its own libSQL server and HWA simulator, plan clock stopped):
//   latency  the seeded plan (302 jobs); a webhook subscription to every job.abend, a receiver in this process.
//            SAMPLES waiting jobs are forced into ABEND through the simulator's control API at random moments
//            (1.5–3.5 s apart, so the alarm's phase is sampled evenly); a latency is the moment the receiver got
//            the job's notification minus the moment its status was changed (one clock, one machine).
//   cost     a plan of about 5,000 jobs (HWA_PLAN_COPIES=17), as seeded (10:30) and after the clock moved 8 hours
//            (failures pile up: nobody reruns them); for LOOK_SECONDS the watcher looks every 10 s and nothing else
//            happens. Then, on a stack of its own, the look that also reads the jobs not started yet (for those past
//            their deadline; PLAN_WATCH_DEADLINE_SECONDS=10 makes every look one), as seeded. Per look: HWA calls, jobs read and duration (the watcher's own record of each look), CPU of the
//            Worker's process tree beyond its idle rate (measured for as long before the first subscription
//            started the watcher), and the simulator's CPU.
// Writes bench/results/notifications.{json,md}.
import { createServer } from "node:http";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { randomPassword } from "../dev/admin-account.mjs";
import { seedAccounts } from "./lib/accounts.mjs";
import { processTreeCpuSeconds } from "./lib/cpu.mjs";
import { revision } from "./lib/revision.mjs";
import { runBenchmark } from "./lib/run.mjs";
import { startSimulator } from "./lib/simulator.mjs";
import { root, startStack } from "./lib/stack.mjs";
import { summarize } from "./lib/stats.mjs";
import { tokensFor } from "./lib/tokens.mjs";

const PERIOD_SECONDS = 10;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const LOOK_SECONDS = Number(process.env.BENCH_LOOK_SECONDS ?? 120);
const RUNTIME = /** @type {"workerd" | "wrangler-dev"} */ (process.env.BENCH_RUNTIME ?? "workerd");
const OVERALL_TIMEOUT_MS = 30 * 60_000;

const round = (/** @type {number} */ x, digits = 1) => Number(x.toFixed(digits));

/** A webhook receiver: when each job's notification arrived (by job id). */
async function startReceiver() {
  /** @type {Map<string, number>} */
  const arrived = new Map();
  let requests = 0;
  const server = createServer((request, response) => {
    const chunks = /** @type {Buffer[]} */ ([]);
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      const at = Date.now();
      requests += 1;
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      if (!arrived.has(body.event.job?.id)) arrived.set(body.event.job?.id, at);
      response.writeHead(200).end("ok");
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}/hook`,
    arrived,
    get requests() {
      return requests;
    },
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/**
 * A stack against `simulator` with one admin, whose token it returns; its looks read the jobs not started yet every
 * `deadlineSeconds`.
 * @param {Awaited<ReturnType<typeof startSimulator>>} simulator @param {number} [deadlineSeconds]
 */
async function stackFor(simulator, deadlineSeconds = 3600) {
  const admin = { username: "bench-admin", password: randomPassword() };
  const stack = await startStack({
    runtime: RUNTIME,
    vars: {
      HWA_BASE_URL: simulator.url,
      HWA_USERNAME: simulator.username,
      HWA_PASSWORD: simulator.password,
      PLAN_WATCH_PERIOD_SECONDS: String(PERIOD_SECONDS),
      PLAN_WATCH_DEADLINE_SECONDS: String(deadlineSeconds),
      LOG_LEVEL: "error",
    },
    seed: (url) => seedAccounts(url, [admin], "admin"),
  });
  const [token] = await tokensFor(stack.baseUrl, [admin]);
  /** @param {string} path @param {RequestInit} [init] */
  const api = async (path, init = {}) => {
    const response = await fetch(`${stack.baseUrl}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...init.headers },
    });
    if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const watcher = () => api("/api/v1/notifications/watcher");
  return {
    stack,
    /** A webhook subscription to every job.abend; it starts the watcher. @param {string} url */
    subscribe: (url) =>
      api("/api/v1/subscriptions", {
        method: "POST",
        body: JSON.stringify({ events: ["job.abend"], target: { kind: "webhook", url } }),
      }),
    watcher,
    /** Waits for the watcher's first look (which only learns the plan). */
    async started() {
      for (;;) {
        if ((await watcher()).last_look) return;
        await sleep(200);
      }
    },
  };
}

/** @param {Awaited<ReturnType<typeof startSimulator>>} simulator @param {string} oql */
async function jobsWhere(simulator, oql) {
  const response = await fetch(
    `${simulator.url}/api/v2/plan/job?plan_id=current&limit=10000&offset=0&oql=${encodeURIComponent(oql)}`,
    { headers: { Authorization: simulator.authorization } },
  );
  return /** @type {{ id: string }[]} */ ((await response.json()).results);
}

async function latency() {
  const simulator = await startSimulator();
  const receiver = await startReceiver();
  const { stack, subscribe, started } = await stackFor(simulator);
  try {
    await subscribe(receiver.url);
    await started();
    const waiting = (await jobsWhere(simulator, "jobruns.compositeStatus.status = 'HOLD'")).slice(0, SAMPLES);
    /** @type {Map<string, number>} */
    const forcedAt = new Map();
    for (const job of waiting) {
      await sleep(1_500 + Math.random() * 2_000);
      forcedAt.set(job.id, Date.now());
      await simulator.forceStatus(job.id, "ABEND");
    }
    const deadline = Date.now() + 3 * PERIOD_SECONDS * 1000;
    while ([...forcedAt.keys()].some((id) => !receiver.arrived.has(id)) && Date.now() < deadline) await sleep(100);
    const latencies = [...forcedAt].flatMap(([id, at]) => {
      const arrived = receiver.arrived.get(id);
      return arrived === undefined ? [] : [arrived - at];
    });
    const s = summarize(latencies);
    return {
      plan: "seeded (302 jobs)",
      forced: forcedAt.size,
      received: latencies.length,
      requests: receiver.requests,
      latencyMs: { p50: round(s.p50, 0), p90: round(s.p90, 0), p99: round(s.p99, 0), min: s.min, max: s.max },
      command: stack.command.join(" "),
    };
  } finally {
    await stack.stop();
    await receiver.close();
    await simulator.stop();
  }
}

/** @param {number | undefined} pid @param {number} seconds */
async function cpuOver(pid, seconds) {
  const before = processTreeCpuSeconds(pid);
  await sleep(seconds * 1000);
  return processTreeCpuSeconds(pid) - before;
}

/**
 * The looks' cost as seeded and, unless `notStarted`, 8 hours later; with `notStarted`, every look also reads the jobs
 * not started yet. @param {{ notStarted: boolean }} options
 */
async function cost({ notStarted }) {
  const simulator = await startSimulator({ planCopies: 17 });
  const receiver = await startReceiver();
  const { stack, subscribe, started, watcher } = await stackFor(simulator, notStarted ? 10 : 3600);
  try {
    const jobs = (await jobsWhere(simulator, "")).length;
    // Idle: no subscription yet, so no watcher; after the start's own work has settled.
    await sleep(15_000);
    const idleCpu = await cpuOver(stack.pid, LOOK_SECONDS);
    await subscribe(receiver.url);
    await started();
    /** @param {string} moment */
    const window = async (moment) => {
      const watched = (await jobsWhere(simulator, "jobruns.compositeStatus.status IN ['ABEND','FAIL','CANCL','EXEC']"))
        .length;
      const requestsBefore = await simulator.requests();
      const simulatorCpuBefore = processTreeCpuSeconds(simulator.pid);
      /** @type {Map<string, { duration_ms: number, hwa_calls: number, jobs_read: number }>} */
      const looks = new Map();
      const start = Date.now();
      const cpuBefore = processTreeCpuSeconds(stack.pid);
      while (Date.now() < start + LOOK_SECONDS * 1000) {
        const { last_look: look } = await watcher();
        if (look && Date.parse(look.at) >= start) looks.set(look.at, look);
        await sleep(1_000);
      }
      const cpu = processTreeCpuSeconds(stack.pid) - cpuBefore;
      const counted = [...looks.values()];
      const n = Math.max(1, counted.length);
      const mean = (/** @type {(l: typeof counted[number]) => number} */ f) =>
        counted.reduce((a, l) => a + f(l), 0) / n;
      return {
        moment,
        jobsInPlan: jobs,
        jobsInWatchedStatuses: watched,
        looks: counted.length,
        hwaCallsPerLook: round(mean((l) => l.hwa_calls)),
        simulatorRequestsPerLook: round(((await simulator.requests()) - requestsBefore) / n, 1),
        jobsReadPerLook: round(mean((l) => l.jobs_read)),
        lookDurationMs: summarize(counted.map((l) => l.duration_ms)),
        workerCpuMsPerLook: round(((cpu - idleCpu) * 1000) / n),
        simulatorCpuMsPerLook: round(((processTreeCpuSeconds(simulator.pid) - simulatorCpuBefore) * 1000) / n),
      };
    };
    const idleCpuMsPerSecond = round((idleCpu * 1000) / LOOK_SECONDS, 2);
    if (notStarted) {
      const each = await window("as seeded (10:30), the jobs not started read on each look");
      return { idleCpuMsPerSecond, windows: [each] };
    }
    const morning = await window("as seeded (10:30)");
    await simulator.step(8 * 3600);
    // The failures of those 8 hours are told first (their deliveries are not a look's cost): the window starts after.
    for (let seen = -1; receiver.requests === 0 || receiver.requests !== seen; ) {
      seen = receiver.requests;
      await sleep(PERIOD_SECONDS * 1000);
    }
    const evening = await window("8 hours later (18:30)");
    return { idleCpuMsPerSecond, windows: [morning, evening] };
  } finally {
    await stack.stop();
    await receiver.close();
    await simulator.stop();
  }
}

async function main() {
  const latencyResult = await latency();
  const regular = await cost({ notStarted: false });
  const withNotStarted = await cost({ notStarted: true });
  const costResult = {
    idleCpuMsPerSecond: [regular.idleCpuMsPerSecond, withNotStarted.idleCpuMsPerSecond],
    windows: [...regular.windows, ...withNotStarted.windows],
  };
  const result = {
    command: "node bench/notifications.mjs",
    at: new Date().toISOString(),
    ...revision(),
    node: process.version,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}`,
    loadAverage: os.loadavg().map((x) => round(x, 2)),
    runtime: RUNTIME,
    periodSeconds: PERIOD_SECONDS,
    latency: latencyResult,
    cost: costResult,
  };
  mkdirSync(join(root, "bench", "results"), { recursive: true });
  writeFileSync(join(root, "bench", "results", "notifications.json"), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(root, "bench", "results", "notifications.md"), markdown(result));
  console.log(markdown(result));
}

/** @param {any} r */
function markdown(r) {
  const l = r.latency;
  const costRows = r.cost.windows
    .map(
      (/** @type {any} */ w) =>
        `| ${w.moment} | ${w.jobsInPlan} | ${w.jobsInWatchedStatuses} | ${w.looks} | ${w.hwaCallsPerLook} | ${w.jobsReadPerLook} | ${round(w.lookDurationMs.p50, 0)} / ${round(w.lookDurationMs.max, 0)} | **${w.workerCpuMsPerLook}** | ${w.simulatorCpuMsPerLook} |`,
    )
    .join("\n");
  return `# Notifications benchmark: detection latency and the plan watcher's cost per look

\`${r.command}\` at commit ${r.commit}${r.workerSourcesModified ? " (with uncommitted Worker changes)" : ""} — ${r.at}, Node ${r.node}, ${r.cpus}, load average ${r.loadAverage.join(" / ")}.
The Worker runs under ${r.runtime === "workerd" ? "workerd (the deploy bundle through Miniflare, reached directly)" : "wrangler dev"} with its local NOTIFY queue; the plan watcher looks every ${r.periodSeconds} s. One machine
runs everything: the Worker, its libSQL server, the HWA simulator (a child process, plan clock stopped) and the webhook
receiver (this process).

## Detection latency: a status change in the simulator → the webhook received

${l.forced} jobs forced into ABEND 1.5–3.5 s apart (${l.plan}); notifications received: ${l.received} (requests: ${l.requests}).

| p50 ms | p90 ms | p99 ms | min ms | max ms |
| ---: | ---: | ---: | ---: | ---: |
| **${l.latencyMs.p50}** | ${l.latencyMs.p90} | **${l.latencyMs.p99}** | ${l.latencyMs.min} | ${l.latencyMs.max} |

A change waits for the next look (uniform over the ${r.periodSeconds} s period: ≈ ${r.periodSeconds / 2} s on average), then the look itself,
the NOTIFY queue twice (the event, then its delivery; \`max_batch_timeout = 0\`: a batch does not wait) and the POST.

## Cost per look, a plan of about 5,000 jobs

Each window is ${LOOK_SECONDS} s of looks and nothing else. Worker CPU is the process tree's CPU beyond its idle rate
(${[r.cost.idleCpuMsPerSecond].flat().join(" and ")} ms/s on the two stacks before their watcher started), divided by the looks; duration is the
watcher's own (HWA's answers included). The last window's stack reads the jobs not started yet on every look
(\`PLAN_WATCH_DEADLINE_SECONDS=10\`; 300 s by default): that read's cost, once per 300 s in production. The plan has no
deadlines, so it finds none; jobs read counts only the jobs a look keeps.

| moment | jobs in plan | in watched statuses | looks | HWA calls / look | jobs read / look | duration p50 / max ms | Worker CPU ms / look | simulator CPU ms / look |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${costRows}
`;
}

runBenchmark("notifications", main, OVERALL_TIMEOUT_MS);
