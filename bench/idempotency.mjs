// `node bench/idempotency.mjs`: what the Idempotency-Key layer costs a job action, and how fast replays are.
// One isolated stack (`wrangler dev`, its own libSQL server and HWA simulator, plan clock stopped). Sequentially,
// interleaved round by round so drift hits every scenario alike:
//   no-key   POST .../actions/hold without Idempotency-Key  auth + rate limit + the 400: the floor, no store, no HWA
//   replay   the same key again                               + hashing + one IdempotencyStore round trip (claim)
//   action   a fresh key each time                            + claim + the action (HWA read + PUT, audit,
//                                                               invalidation) + complete: two store round trips
// The layer's overhead on an action is estimated as 2 × (replay − no-key): a replay is exactly one claim round trip
// plus hashing over the floor, and a fresh action makes two round trips (claim, complete).
// Then replay throughput: 50 connections replaying stored keys. Writes bench/results/idempotency.{json,md}.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { randomPassword } from "../dev/admin-account.mjs";
import { seedAccounts } from "./lib/accounts.mjs";
import { revision } from "./lib/revision.mjs";
import { startSimulator } from "./lib/simulator.mjs";
import { root, startStack } from "./lib/stack.mjs";
import { runBenchmark } from "./lib/run.mjs";
import { summarize } from "./lib/stats.mjs";
import { tokensFor } from "./lib/tokens.mjs";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const WARMUP_ROUNDS = 20;
const CONNECTIONS = 50;
const THROUGHPUT_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** The API allows 600 requests a minute per user: the load is spread over enough operators to stay under it. */
const OPERATORS = 60;
const OVERALL_TIMEOUT_MS = 10 * 60_000;
/** The simulator's stats name a route by its pattern. */
const HOLD_ROUTE = "PUT /twsd/api/v2/plan/job/{job_id}/action/hold";

const round = (/** @type {number} */ x, digits = 2) => Number(x.toFixed(digits));

/** @typedef {Awaited<ReturnType<typeof startSimulator>>} Simulator */

/** The plan's first job: the one every duplicate request acts on. @param {Simulator} simulator */
async function firstJobId(simulator) {
  const page = await (
    await fetch(`${simulator.url}/api/v2/plan/job?plan_id=current&limit=1&offset=0`, {
      headers: { Authorization: simulator.authorization },
    })
  ).json();
  return page.results[0].id;
}

const latencyOf = (/** @type {number[]} */ samples) => {
  const s = summarize(samples);
  return { p50: round(s.p50), p90: round(s.p90), p99: round(s.p99), max: round(s.max), count: s.count };
};

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
  try {
    const tokens = await tokensFor(stack.baseUrl, operators);
    let turn = 0;
    const auth = () => /** @type {string} */ (tokens[turn++ % tokens.length]);
    const jobId = await firstJobId(simulator);
    await simulator.forceStatus(jobId, "READY");
    const url = `${stack.baseUrl}/api/v1/jobs/${encodeURIComponent(jobId)}/actions/hold`;
    // A replayed key belongs to its user: one stored key per operator.
    const storedKeys = new Map();
    /** @param {string} token @param {string} [key] */
    const post = async (token, key) => {
      /** @type {Record<string, string>} */
      const headers = { Authorization: `Bearer ${token}` };
      if (key) headers["Idempotency-Key"] = key;
      const started = performance.now();
      const response = await fetch(url, { method: "POST", headers });
      await response.arrayBuffer();
      return {
        ms: performance.now() - started,
        status: response.status,
        replayed: response.headers.get("Idempotency-Replayed") === "true",
      };
    };
    for (const token of tokens) {
      const key = `bench-${crypto.randomUUID()}`;
      const first = await post(token, key);
      if (first.status !== 200) throw new Error(`the first hold answered ${first.status}`);
      storedKeys.set(token, key);
    }

    /** @typedef {"no-key" | "replay" | "action"} Scenario */
    /** @type {Record<Scenario, number[]>} */
    const samples = { "no-key": [], replay: [], action: [] };
    const unexpected = [];
    const actionsBefore = (await simulator.stats()).byRoute[HOLD_ROUTE] ?? 0;
    for (let i = 0; i < WARMUP_ROUNDS + ROUNDS; i++) {
      const token = auth();
      const results = {
        "no-key": await post(token),
        replay: await post(token, storedKeys.get(token)),
        action: await post(token, `bench-${crypto.randomUUID()}`),
      };
      /** @type {Record<Scenario, [number, boolean]>} */
      const expected = { "no-key": [400, false], replay: [200, true], action: [200, false] };
      for (const [name, r] of /** @type {[Scenario, typeof results.action][]} */ (Object.entries(results))) {
        if (r.status !== expected[name][0] || r.replayed !== expected[name][1])
          unexpected.push({ name, status: r.status, replayed: r.replayed });
        if (i >= WARMUP_ROUNDS) samples[name].push(r.ms);
      }
    }
    const actionsAfter = (await simulator.stats()).byRoute[HOLD_ROUTE] ?? 0;
    const latency = Object.fromEntries(Object.entries(samples).map(([name, xs]) => [name, latencyOf(xs)]));
    // Paired by round (same token, moments apart), so drift cancels out of each difference.
    const differences = summarize(samples.replay.map((ms, i) => ms - /** @type {number} */ (samples["no-key"][i])));
    const claimRoundTrip = { p50: round(differences.p50), p90: round(differences.p90), p99: round(differences.p99) };
    const overhead = {
      p50: round(2 * claimRoundTrip.p50),
      p90: round(2 * claimRoundTrip.p90),
      p99: round(2 * claimRoundTrip.p99),
    };

    // Replay throughput: CONNECTIONS loops, each replaying its operator's stored key.
    /** @type {number[]} */
    const replayLatencies = [];
    /** @type {Record<number, number>} */
    const statuses = {};
    const deadline = performance.now() + THROUGHPUT_SECONDS * 1000;
    const replaysBefore = (await simulator.stats()).total;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < deadline) {
          const token = auth();
          const r = await post(token, storedKeys.get(token));
          replayLatencies.push(r.ms);
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const throughput = {
      connections: CONNECTIONS,
      seconds: round(elapsed),
      requests: replayLatencies.length,
      perSecond: round(replayLatencies.length / elapsed, 1),
      latencyMs: latencyOf(replayLatencies),
      statuses,
      hwaRequests: (await simulator.stats()).total - replaysBefore,
    };

    const result = {
      command: "node bench/idempotency.mjs",
      at: new Date().toISOString(),
      ...revision(),
      node: process.version,
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}`,
      rounds: ROUNDS,
      warmupRounds: WARMUP_ROUNDS,
      latencyMs: latency,
      estimatedClaimRoundTripMs: claimRoundTrip,
      estimatedOverheadOnActionMs: overhead,
      hwaActionsDuringRounds: actionsAfter - actionsBefore,
      unexpected: unexpected.length,
      replayThroughput: throughput,
      wranglerCommand: stack.command.join(" "),
    };
    mkdirSync(join(root, "bench", "results"), { recursive: true });
    writeFileSync(join(root, "bench", "results", "idempotency.json"), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(root, "bench", "results", "idempotency.md"), markdown(result));
    console.log(markdown(result));
  } finally {
    await stack.stop();
    await simulator.stop();
  }
}

/** @param {any} r the report, as written to idempotency.json */
function markdown(r) {
  const row = (/** @type {string} */ name, /** @type {string} */ what) =>
    `| ${name} | ${what} | ${r.latencyMs[name].p50} | ${r.latencyMs[name].p90} | ${r.latencyMs[name].p99} |`;
  return `# Idempotency benchmark: the cost of Idempotency-Key on a job action, and replay throughput

\`${r.command}\` at commit ${r.commit}${r.workerSourcesModified ? " (with uncommitted Worker changes)" : ""} — ${r.at}, Node ${r.node}, ${r.cpus}.
One machine runs everything: \`wrangler dev\` (local workerd, SQLite-backed Durable Objects), its libSQL server, the HWA
simulator (plan clock stopped) and the load generator. ${r.rounds} rounds measured after ${r.warmupRounds} of warm-up, each round
one request of every scenario in turn, sequentially; ${OPERATORS} operators take turns (600/min per user).

| scenario | what it does | p50 ms | p90 ms | p99 ms |
| --- | --- | ---: | ---: | ---: |
${row("no-key", "auth + rate limit + the 400 for a missing key (no store, no HWA)")}
${row("replay", "+ SHA-256 of the body + one IdempotencyStore claim → stored answer")}
${row("action", "+ claim + hold in HWA (read + PUT), audit, invalidation + complete")}

One store round trip (replay − no-key, paired by round): p50 **${r.estimatedClaimRoundTripMs.p50} ms**, p90 ${r.estimatedClaimRoundTripMs.p90} ms, p99 ${r.estimatedClaimRoundTripMs.p99} ms.
Estimated overhead of the layer on an action (two round trips: claim and complete): p50 **${r.estimatedOverheadOnActionMs.p50} ms**,
p90 ${r.estimatedOverheadOnActionMs.p90} ms, p99 ${r.estimatedOverheadOnActionMs.p99} ms — ${r.latencyMs.action.p50 ? round((100 * r.estimatedOverheadOnActionMs.p50) / r.latencyMs.action.p50, 1) : "?"}% of an action's p50.
HWA action calls during the rounds: ${r.hwaActionsDuringRounds} for ${r.rounds + r.warmupRounds} fresh keys (replays and missing keys make none).
Answers other than expected (no-key 400, replay 200 replayed, action 200 not replayed): ${r.unexpected}.

Replay throughput, ${r.replayThroughput.connections} connections for ${r.replayThroughput.seconds} s: **${r.replayThroughput.perSecond} replays/s**,
p50 ${r.replayThroughput.latencyMs.p50} ms, p99 ${r.replayThroughput.latencyMs.p99} ms, statuses ${JSON.stringify(r.replayThroughput.statuses)},
HWA requests during it: ${r.replayThroughput.hwaRequests}.
`;
}

runBenchmark("idempotency", main, OVERALL_TIMEOUT_MS);
