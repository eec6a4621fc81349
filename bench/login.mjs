// `npm run bench:login`: what a login (`POST /token`, PBKDF2-SHA256 at 100 000 iterations) costs, and
// whether a failed login says, by its timing, if the account exists (unknown user vs wrong password).
// Starts its own isolated stack, measures strictly sequentially, writes bench/results/login.{json,md}.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { randomPassword } from "../dev/admin-account.mjs";
import { seedAccounts } from "./lib/accounts.mjs";
import { root, startStack } from "./lib/stack.mjs";
import { runBenchmark } from "./lib/run.mjs";
import { bootstrapMedianDifference, seededRandom, shuffle, summarize } from "./lib/stats.mjs";

const SAMPLES_PER_KIND = Number(process.env.BENCH_SAMPLES ?? 500);
const WARMUP_PER_KIND = 30;
/** The account lockout starts at 5 failures in 15 minutes; stay below it. */
const MAX_FAILURES_PER_NAME = 4;
/** Existing accounts that only ever fail, and as many unknown names, each failing the same number of times. */
const FAILURE_NAMES = Math.ceil((SAMPLES_PER_KIND + WARMUP_PER_KIND) / MAX_FAILURES_PER_NAME);
const SUCCESS_ACCOUNTS = 20;
const TARGET_MEDIAN_DIFFERENCE_MS = 1;
const SEED = 20_260_420;
const OVERALL_TIMEOUT_MS = 5 * 60_000;
const KINDS = /** @type {const} */ (["success", "wrong-password", "unknown-user"]);
const EXPECTED_STATUS = { success: 200, "wrong-password": 401, "unknown-user": 401 };
const COMMAND = "npm run bench:login";

/** @typedef {(typeof KINDS)[number]} Kind @typedef {{ username: string, password: string }} Credentials */

/** Distinct client addresses from 10.0.0.0/8: the per-IP login rate is 5 a minute. */
let ipCounter = 0;
function nextClientIp() {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

/**
 * Picks the credentials of each attempt. A login's first touch of a name creates that name's LoginGuard object,
 * which costs a few ms more than a later one; so wrong passwords and unknown users go round-robin over pools of
 * the same size and reach each name equally often (≤ 4 times, under the lockout), and successes use accounts of
 * their own. Otherwise the comparison would measure guard freshness, not whether the account exists.
 * @param {Credentials[]} successAccounts @param {Credentials[]} failureAccounts
 * @returns {(kind: Kind) => Credentials}
 */
function credentialsPicker(successAccounts, failureAccounts) {
  const used = { success: 0, "wrong-password": 0, "unknown-user": 0 };
  return (/** @type {Kind} */ kind) => {
    const n = used[kind]++;
    if (kind === "success") return /** @type {Credentials} */ (successAccounts[n % successAccounts.length]);
    const attempt = Math.floor(n / failureAccounts.length) + 1;
    if (attempt > MAX_FAILURES_PER_NAME)
      throw new Error(`bench bug: more than ${MAX_FAILURES_PER_NAME} failures for one name`);
    const account = /** @type {Credentials} */ (failureAccounts[n % failureAccounts.length]);
    if (kind === "wrong-password") return { username: account.username, password: `${account.password}-wrong` };
    return { username: `nobody-${process.pid}-${n % failureAccounts.length}`, password: account.password };
  };
}

/**
 * One login, timed around the fetch and the body read; anything but the expected status aborts the run.
 * @param {string} baseUrl @param {Kind} kind @param {Credentials} credentials
 */
async function timedLogin(baseUrl, kind, credentials) {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": nextClientIp() },
    body: JSON.stringify(credentials),
    signal: AbortSignal.timeout(30_000),
  });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== EXPECTED_STATUS[kind]) {
    const hint =
      response.status === 429 ? " (the bench is tripping the login guards: rate per IP or account lockout)" : "";
    throw new Error(
      `${kind} login of "${credentials.username}" answered ${response.status}, expected ${EXPECTED_STATUS[kind]}${hint}:\n${body.slice(0, 500)}`,
    );
  }
  return { ms, body };
}

/**
 * Runs `plan` one request at a time; returns the timings per kind and the distinct failure bodies.
 * @param {string} baseUrl @param {Kind[]} plan @param {(kind: Kind) => Credentials} pick
 */
async function run(baseUrl, plan, pick) {
  /** @type {Record<Kind, number[]>} */
  const timings = { success: [], "wrong-password": [], "unknown-user": [] };
  const failureBodies = new Set();
  for (const kind of plan) {
    const { ms, body } = await timedLogin(baseUrl, kind, pick(kind));
    timings[kind].push(ms);
    if (kind !== "success") failureBodies.add(body.replace(/"correlation_id":"[^"]*"/, '"correlation_id":"…"'));
  }
  return { timings, failureBodies };
}

/**
 * `perKind` blocks of one attempt of each kind in random order, so that drift in machine load hits every kind alike.
 * @param {number} perKind @param {() => number} random
 */
function planOf(perKind, random) {
  return Array.from({ length: perKind }, () => shuffle([...KINDS], random)).flat();
}

const round = (/** @type {number} */ x) => Number(x.toFixed(2));
const roundAll = (/** @type {Record<string, number>} */ summary) =>
  Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, k === "count" ? v : round(v)]));
const loadAverage = () => os.loadavg().map((x) => round(x));

/**
 * Unknown user minus wrong password: the difference an attacker enumerating accounts would look for.
 * @param {number[]} unknown @param {number[]} wrong
 */
function timingLeak(unknown, wrong) {
  const a = summarize(unknown);
  const b = summarize(wrong);
  const ci = bootstrapMedianDifference(unknown, wrong, { resamples: 1000, seed: SEED });
  return {
    comparison: "unknown-user minus wrong-password",
    medianDifferenceMs: round(a.p50 - b.p50),
    p95DifferenceMs: round(a.p95 - b.p95),
    medianDifferenceCI95Ms: [round(ci.low), round(ci.high)],
    bootstrap: { resamples: ci.resamples, seed: ci.seed },
    targetMs: TARGET_MEDIAN_DIFFERENCE_MS,
    underTarget: Math.abs(a.p50 - b.p50) < TARGET_MEDIAN_DIFFERENCE_MS,
    ciWithinTarget: Math.max(Math.abs(ci.low), Math.abs(ci.high)) < TARGET_MEDIAN_DIFFERENCE_MS,
  };
}

/** @param {any} result the report, as written to login.json */
function markdown(result) {
  const ms = (/** @type {number} */ x) => x.toFixed(1);
  const rows = KINDS.map((kind) => {
    const s = result.kinds[kind];
    return `| ${kind} | ${s.count} | ${[s.mean, s.p50, s.p90, s.p99, s.min, s.max].map(ms).join(" | ")} |`;
  });
  const leak = result.timingLeak;
  return [
    `| kind | count | mean | p50 | p90 | p99 | min | max |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
    ...rows,
    "",
    `Times in ms, client side, one request in flight. Timing leak, unknown user − wrong password:`,
    `median ${leak.medianDifferenceMs.toFixed(2)} ms (bootstrap 95% CI ${leak.medianDifferenceCI95Ms[0].toFixed(2)} … ${leak.medianDifferenceCI95Ms[1].toFixed(2)} ms, ` +
      `${leak.bootstrap.resamples} resamples, seed ${leak.bootstrap.seed}), p95 ${leak.p95DifferenceMs.toFixed(2)} ms — ` +
      `median difference ${leak.underTarget ? "under" : "NOT under"} the ${TARGET_MEDIAN_DIFFERENCE_MS} ms target` +
      ` (its CI ${leak.ciWithinTarget ? "within" : "not within"} ±${TARGET_MEDIAN_DIFFERENCE_MS} ms).`,
    `Distinct 401 bodies (correlation id masked): ${result.distinctFailureBodies}.`,
  ].join("\n");
}

/** The commit measured, and whether the Worker's sources differ from it. */
function revision() {
  const git = (/** @type {string[]} */ ...args) => execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
  try {
    const changed = git("status", "--porcelain", "--", "src", "durable-objects", "migrations", "wrangler.toml");
    return { commit: git("rev-parse", "--short", "HEAD"), workerSourcesModified: changed !== "" };
  } catch {
    return { commit: "unknown", workerSourcesModified: null };
  }
}

const viewers = (/** @type {string} */ prefix, /** @type {number} */ count) =>
  Array.from({ length: count }, (_, i) => ({
    username: `${prefix}-${String(i + 1).padStart(3, "0")}`,
    password: randomPassword(),
  }));

async function main() {
  const random = seededRandom(SEED);
  const successAccounts = viewers("bench-ok", SUCCESS_ACCOUNTS);
  const failureAccounts = viewers("bench-fail", FAILURE_NAMES);

  const startedAt = new Date();
  const loadBefore = loadAverage();
  const t0 = performance.now();
  const stack = await startStack({
    seed: (url) => seedAccounts(url, [...successAccounts, ...failureAccounts], "viewer"),
  });
  const setupSeconds = (performance.now() - t0) / 1000;
  console.log(
    `stack up in ${setupSeconds.toFixed(1)} s at ${stack.baseUrl}, ${SUCCESS_ACCOUNTS + FAILURE_NAMES} accounts`,
  );

  const pick = credentialsPicker(successAccounts, failureAccounts);
  await run(stack.baseUrl, planOf(WARMUP_PER_KIND, random), pick);
  const t1 = performance.now();
  const { timings, failureBodies } = await run(stack.baseUrl, planOf(SAMPLES_PER_KIND, random), pick);
  const measureSeconds = (performance.now() - t1) / 1000;
  await stack.stop();

  const result = {
    benchmark: "login",
    date: startedAt.toISOString(),
    command: COMMAND,
    wranglerCommand: stack.command.join(" "),
    revision: revision(),
    machine: {
      node: process.version,
      cpu: os.cpus()[0]?.model ?? "unknown",
      cpus: os.cpus().length,
      totalMemoryGiB: round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()}`,
    },
    loadAverage1m5m15m: { before: loadBefore, after: loadAverage() },
    note: process.env.BENCH_NOTE ?? "",
    settings: {
      samplesPerKind: SAMPLES_PER_KIND,
      warmupPerKind: WARMUP_PER_KIND,
      successAccounts: SUCCESS_ACCOUNTS,
      failureNames: FAILURE_NAMES,
      maxFailuresPerName: MAX_FAILURES_PER_NAME,
      seed: SEED,
      pbkdf2Iterations: 100_000,
    },
    durationSeconds: { setup: round(setupSeconds), measure: round(measureSeconds) },
    kinds: Object.fromEntries(KINDS.map((kind) => [kind, roundAll(summarize(timings[kind]))])),
    timingLeak: timingLeak(timings["unknown-user"], timings["wrong-password"]),
    distinctFailureBodies: failureBodies.size,
  };

  const table = markdown(result);
  console.log(`\n${table}\n`);
  const dir = join(root, "bench", "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "login.json"), `${JSON.stringify(result, null, 2)}\n`);
  const header = [
    `# Login benchmark`,
    "",
    `\`${COMMAND}\` at commit ${result.revision.commit}${result.revision.workerSourcesModified ? " (Worker sources modified)" : ""} — ${result.date}, Node ${result.machine.node}, ${result.machine.cpus} × ${result.machine.cpu}, ${result.machine.totalMemoryGiB} GiB.`,
    `\`POST /token\` (JSON) on \`wrangler dev\` (local workerd) with its own libSQL server; ${SAMPLES_PER_KIND} measured logins per kind after ${WARMUP_PER_KIND} of warm-up, kinds interleaved in blocks of three in random order.`,
    `Wrong passwords and unknown users cycle over ${FAILURE_NAMES} names each (≤ ${MAX_FAILURES_PER_NAME} failures per name), successes over ${SUCCESS_ACCOUNTS} other accounts; every request from a new client IP.`,
    `(A name's first login creates its LoginGuard object and costs a few ms more, so both failure kinds see each name equally often.)`,
    `Load average (1/5/15 min) before ${result.loadAverage1m5m15m.before.join(" / ")}, after ${result.loadAverage1m5m15m.after.join(" / ")}.`,
    ...(result.note ? ["", `Note: ${result.note}`] : []),
    "",
    "",
  ];
  writeFileSync(join(dir, "login.md"), `${header.join("\n")}${table}\n`);
  console.log("written bench/results/login.json and bench/results/login.md");
}

runBenchmark("login", main, OVERALL_TIMEOUT_MS);
