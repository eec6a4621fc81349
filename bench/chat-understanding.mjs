// `node bench/chat-understanding.mjs`: how fast the chat reads an operator's message. The real understanding engine
// (src/chat/understanding, bundled with the test corpus by esbuild, as bench/cache-memory.mjs does) runs in Node's V8
// (workerd runs the same engine) with the simulator's whole plan as vocabulary:
//   throughput   the corpus (test/chat/understanding/corpus.ts) read over and over for BENCH_SECONDS (≥ 5 s) after
//                a warm-up, one message after another, as one chat session would: messages per second
//   latency      each corpus message timed on its own, every pass: p50 / p99 per message
//   resolveName  operator-written names (exact, typo, part, unknown) against the plan's job names
//   long         a 10,000-character message (read up to its bounded prefix)
// Writes bench/results/chat-understanding.{json,md}.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { summarize } from "./lib/stats.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const MEASURE_SECONDS = Math.max(5, Number(process.env.BENCH_SECONDS ?? 8));
const WARMUP_PASSES = 20;
const LATENCY_PASSES = 40;
const TARGETS = { p99Us: 1_000 };

const round = (/** @type {number} */ x, digits = 1) => Number(x.toFixed(digits));

/**
 * @returns {Promise<typeof import("../src/chat/understanding/index") & typeof import("../test/chat/understanding/corpus")
 *   & typeof import("../test/chat/understanding/vocabulary")>}
 */
async function loadEngine() {
  const entry = [
    `export { understand, resolveName } from "./src/chat/understanding/index.ts";`,
    `export { corpus, corpusNow } from "./test/chat/understanding/corpus.ts";`,
    `export { planVocabulary, planJobNames } from "./test/chat/understanding/vocabulary.ts";`,
  ].join("\n");
  const bundle = await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: "bench-entry.ts", loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    write: false,
  });
  const source = /** @type {import("esbuild").OutputFile} */ (bundle.outputFiles[0]).text;
  return import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`);
}

function commitHash() {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

async function main() {
  const { understand, resolveName, corpus, corpusNow, planVocabulary, planJobNames } = await loadEngine();
  const calls = corpus.map((c) => ({
    message: c.message,
    options: {
      now: corpusNow,
      ...(c.timeZone ? { timeZone: c.timeZone } : {}),
      ...(c.context ? { context: c.context } : {}),
      ...(c.withoutVocabulary ? {} : { vocabulary: planVocabulary }),
    },
  }));
  let sink = 0;
  const readAll = () => {
    for (const call of calls) sink += understand(call.message, call.options).intent.length;
  };
  for (let i = 0; i < WARMUP_PASSES; i++) readAll();

  // Throughput: whole passes over the corpus until the time is up.
  let messages = 0;
  const started = performance.now();
  const deadline = started + MEASURE_SECONDS * 1000;
  while (performance.now() < deadline) {
    readAll();
    messages += calls.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const throughput = { messages, seconds: round(seconds, 2), messagesPerSecond: Math.round(messages / seconds) };
  console.log(throughput);

  // Latency: every message timed on its own.
  const perMessageUs = [];
  for (let pass = 0; pass < LATENCY_PASSES; pass++) {
    for (const call of calls) {
      const t0 = performance.now();
      sink += understand(call.message, call.options).intent.length;
      perMessageUs.push((performance.now() - t0) * 1000);
    }
  }
  const latency = summarize(perMessageUs);

  // resolveName against the plan's jobs: exact, typo, part (ambiguous), unknown.
  const written = [
    "LOAD",
    "payroll calc",
    "PAYROL_CALC",
    "LOAD_SALES",
    "BILLING_CUT",
    "ABC123",
    "rpt region 7",
    "SFTP_SEND",
  ];
  const resolveUs = [];
  for (let pass = 0; pass < 200; pass++) {
    for (const name of written) {
      const t0 = performance.now();
      sink += resolveName(name, planJobNames).kind.length;
      resolveUs.push((performance.now() - t0) * 1000);
    }
  }
  const resolve = summarize(resolveUs.slice(written.length * 20));

  // A 10,000-character message.
  const long = `qual o status do job PAYROLL_EXTRACT? ${"blá ".repeat(2_500)}`;
  const longUs = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    sink += understand(long, { now: corpusNow, vocabulary: planVocabulary }).intent.length;
    longUs.push((performance.now() - t0) * 1000);
  }
  const longMessage = summarize(longUs.slice(20));

  const distinctJobs = new Set(planJobNames).size;
  const result = {
    benchmark: "chat-understanding",
    date: new Date().toISOString(),
    command: "node bench/chat-understanding.mjs",
    commit: commitHash(),
    machine: { node: process.version, cpu: os.cpus()[0]?.model ?? "unknown", cpus: os.cpus().length },
    loadAverage1m5m15m: os.loadavg().map((x) => round(x, 2)),
    corpus: { messages: calls.length, followUps: corpus.filter((c) => c.context).length },
    vocabulary: {
      jobNames: planJobNames.length,
      distinctJobNames: distinctJobs,
      jobStreams: /** @type {readonly string[]} */ (planVocabulary.jobStreams).length,
      workstations: /** @type {readonly string[]} */ (planVocabulary.workstations).length,
    },
    throughput,
    latencyUs: {
      samples: latency.count,
      p50: round(latency.p50),
      p90: round(latency.p90),
      p99: round(latency.p99),
      max: round(latency.max),
      targetP99: TARGETS.p99Us,
      underTarget: latency.p99 < TARGETS.p99Us,
    },
    resolveNameUs: { samples: resolve.count, p50: round(resolve.p50), p99: round(resolve.p99) },
    longMessageUs: { chars: long.length, p50: round(longMessage.p50), p99: round(longMessage.p99) },
    sink,
  };
  const table = [
    "| measure | value | target |",
    "| --- | ---: | --- |",
    `| understanding throughput (corpus, one after another) | ${result.throughput.messagesPerSecond.toLocaleString("en-US")} messages/s | |`,
    `| per message, p50 / p90 / p99 | ${result.latencyUs.p50} / ${result.latencyUs.p90} / ${result.latencyUs.p99} µs | p99 < ${TARGETS.p99Us} µs: ${result.latencyUs.underTarget ? "met" : "NOT met"} |`,
    `| per message, slowest | ${result.latencyUs.max} µs | |`,
    `| \`resolveName\` against ${distinctJobs} job names, p50 / p99 | ${result.resolveNameUs.p50} / ${result.resolveNameUs.p99} µs | |`,
    `| a ${long.length.toLocaleString("en-US")}-character message, p50 / p99 | ${result.longMessageUs.p50} / ${result.longMessageUs.p99} µs | |`,
  ].join("\n");
  console.log(`\n${table}\n`);
  const dir = join(root, "bench", "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "chat-understanding.json"), `${JSON.stringify(result, null, 2)}\n`);
  const header = [
    "# Chat understanding benchmark",
    "",
    `\`${result.command}\` at ${result.commit.slice(0, 12)} — ${result.date}, Node ${process.version} (V8, as in workerd), ${result.machine.cpus} × ${result.machine.cpu}; load average ${result.loadAverage1m5m15m.join(" / ")}.`,
    `\`understand\` (src/chat/understanding, bundled by esbuild) over the ${calls.length} messages of test/chat/understanding/corpus.ts (${result.corpus.followUps} follow-ups with their context),`,
    `with the simulator's plan as vocabulary: ${planJobNames.length} job names (${distinctJobs} distinct), ${result.vocabulary.jobStreams} job streams, ${result.vocabulary.workstations} workstations.`,
    `Throughput: whole passes over the corpus for ${result.throughput.seconds} s after ${WARMUP_PASSES} warm-up passes; latency: each message timed alone over ${LATENCY_PASSES} passes.`,
    "One core, one message at a time: a Worker isolate reads one chat message per request the same way.",
    "",
    "",
  ];
  writeFileSync(join(dir, "chat-understanding.md"), `${header.join("\n")}${table}\n`);
  console.log("written bench/results/chat-understanding.json and bench/results/chat-understanding.md");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
