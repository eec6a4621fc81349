// `node bench/run-steps.mjs`: what a workflow run's own machinery costs between its steps. Runs execute in their
// WorkflowRun Durable Object, one alarm per turn of a step; the gap between a step's end (its `finished_at`) and the
// next step's start (`started_at`) is that machinery: the step recorded in the object's storage, the copy to
// libSQL, the next alarm set and fired, the next step recorded before it runs. Target: p99 < 100 ms locally.
// One isolated stack (the deploy bundle in workerd, reached directly; its own libSQL server and HWA simulator, plan
// clock stopped). Workflows of STEPS assert-status steps (one fresh HWA read each), run one at a time, then
// CONCURRENT at a time. Writes bench/results/run-steps.{json,md}.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { randomPassword } from "../dev/admin-account.mjs";
import { seedAccounts } from "./lib/accounts.mjs";
import { revision } from "./lib/revision.mjs";
import { runBenchmark } from "./lib/run.mjs";
import { startSimulator } from "./lib/simulator.mjs";
import { root, startStack } from "./lib/stack.mjs";
import { summarize } from "./lib/stats.mjs";
import { tokensFor } from "./lib/tokens.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const STEPS = 20;
const CONCURRENT = 5;
const OVERALL_TIMEOUT_MS = 15 * 60_000;
const TARGET_P99_MS = 100;

const round = (/** @type {number} */ x, digits = 1) => Number(x.toFixed(digits));
const latencyOf = (/** @type {number[]} */ samples) => {
  const s = summarize(samples);
  return { p50: round(s.p50), p90: round(s.p90), p99: round(s.p99), max: round(s.max), count: s.count };
};

async function main() {
  const simulator = await startSimulator();
  const admin = { username: "bench-admin", password: randomPassword() };
  const operators = Array.from({ length: CONCURRENT }, (_, i) => ({
    username: `bench-op-${i}`,
    password: randomPassword(),
  }));
  const stack = await startStack({
    runtime: "workerd",
    vars: {
      HWA_BASE_URL: simulator.url,
      HWA_USERNAME: simulator.username,
      HWA_PASSWORD: simulator.password,
      LOG_LEVEL: "error",
    },
    seed: async (url) => {
      await seedAccounts(url, [admin], "admin");
      await seedAccounts(url, operators, "operator");
    },
  });
  try {
    const [adminToken = "", ...operatorTokens] = await tokensFor(stack.baseUrl, [admin, ...operators]);
    /**
     * One API call that must succeed; its JSON body.
     * @param {string} token @param {string} method @param {string} path @param {unknown} [body]
     * @param {Record<string, string>} [headers]
     * @returns {Promise<any>}
     */
    const api = async (token, method, path, body, headers = {}) => {
      const response = await fetch(`${stack.baseUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    };
    const page = await api(adminToken, "GET", "/api/v1/jobs?status=SUCC&limit=1");
    const job = page.items[0];
    const steps = Array.from({ length: STEPS }, () => ({ action: "assert-status", job: job.id, status: ["SUCC"] }));
    const workflow = await api(adminToken, "POST", "/api/v1/workflows", { name: "bench-steps", steps });

    /** One run, start to end; the gaps between its steps and its steps' own durations. */
    /** @typedef {{ status: string, error?: string, steps: { started_at: string, finished_at: string }[] }} Run */
    /** @param {string} token @returns {Promise<Run>} */
    const oneRun = async (token) => {
      const key = { "Idempotency-Key": crypto.randomUUID() };
      const started = await api(token, "POST", `/api/v1/workflows/${workflow.id}/runs`, {}, key);
      for (let delay = 20; ; delay = Math.min(delay * 2, 200)) {
        const run = await api(token, "GET", `/api/v1/runs/${started.run_id}`);
        if (run.status === "succeeded") return run;
        if (run.status !== "queued" && run.status !== "running") throw new Error(`run ${run.status}: ${run.error}`);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    };
    /** @param {Run[]} runs */
    const measure = (runs) => {
      /** @type {number[]} */
      const gaps = [];
      /** @type {number[]} */
      const durations = [];
      for (const run of runs) {
        run.steps.forEach((step, i) => {
          durations.push(Date.parse(step.finished_at) - Date.parse(step.started_at));
          const previous = run.steps[i - 1];
          if (previous) gaps.push(Date.parse(step.started_at) - Date.parse(previous.finished_at));
        });
      }
      return { gapMs: latencyOf(gaps), stepMs: latencyOf(durations) };
    };

    const operatorToken = (/** @type {number} */ i) =>
      /** @type {string} */ (operatorTokens[i % operatorTokens.length]);
    await oneRun(operatorToken(0)); // warm-up
    const sequential = [];
    for (let i = 0; i < RUNS; i++) sequential.push(await oneRun(operatorToken(i)));
    const concurrent = [];
    for (let i = 0; i < RUNS / CONCURRENT; i++)
      concurrent.push(...(await Promise.all(operatorTokens.map((token) => oneRun(token)))));

    const result = {
      command: "node bench/run-steps.mjs",
      at: new Date().toISOString(),
      ...revision(),
      node: process.version,
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}`,
      loadAverage: os.loadavg().map((x) => round(x, 2)),
      runs: RUNS,
      stepsPerRun: STEPS,
      oneAtATime: measure(sequential),
      concurrent: { runs: CONCURRENT, ...measure(concurrent) },
      targetP99Ms: TARGET_P99_MS,
    };
    mkdirSync(join(root, "bench", "results"), { recursive: true });
    writeFileSync(join(root, "bench", "results", "run-steps.json"), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(root, "bench", "results", "run-steps.md"), markdown(result));
    console.log(markdown(result));
  } finally {
    await stack.stop();
    await simulator.stop();
  }
}

/** @param {any} r */
function markdown(r) {
  /** @param {string} label @param {any} m */
  const row = (label, m) =>
    `| ${label} | ${m.gapMs.p50} | ${m.gapMs.p90} | ${m.gapMs.p99} | ${m.gapMs.max} | ${m.gapMs.count} | ${m.stepMs.p50} | ${m.stepMs.p99} |`;
  const met = r.oneAtATime.gapMs.p99 < r.targetP99Ms && r.concurrent.gapMs.p99 < r.targetP99Ms;
  return `# Workflow runs: the overhead between steps

\`${r.command}\` at commit ${r.commit}${r.workerSourcesModified ? " (with uncommitted Worker changes)" : ""} — ${r.at}, Node ${r.node}, ${r.cpus}, load average ${r.loadAverage.join(" / ")}.
One machine runs everything: the Worker's deploy bundle in workerd (Miniflare, SQLite-backed Durable Objects, reached
directly), its libSQL server, the HWA simulator (plan clock stopped) and the load generator. ${r.runs} runs of a workflow of
${r.stepsPerRun} \`assert-status\` steps (each one fresh HWA read), one run at a time, then ${r.concurrent.runs} at a time.
A gap is a step's \`started_at\` minus the previous step's \`finished_at\` (ms resolution): the step recorded in the
object's storage, its copy to libSQL, the next alarm set and fired, the next step recorded before it runs.

| runs | gap p50 ms | p90 | p99 | max | gaps | step p50 ms | step p99 |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${row("one at a time", r.oneAtATime)}
${row(`${r.concurrent.runs} at a time`, r.concurrent)}

Target: gap p99 < ${r.targetP99Ms} ms locally — ${met ? "**met**" : "**NOT met**"}.
`;
}

runBenchmark("run-steps", main, OVERALL_TIMEOUT_MS);
