import { defineConfig } from "vitest/config";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";

const compatibility = { compatibilityDate: "2026-04-20", compatibilityFlags: ["nodejs_compat"] };

/**
 * workerd's lines that a green run prints and that say nothing about it, dropped by their exact first line (and only
 * their own `stack:` / `at` lines after it). The pool writes workerd's logs to this process's stdout itself
 * (`handleStructuredLogs`), so a miniflare `handleRuntimeStdio` is not used by this pool version; hence a filter here.
 * - "WebSocket peer disconnected": the pool closing its socket to a test file's runner when the file ends (the pool
 *   filters it itself from 0.16.0, cloudflare/workers-sdk#13833).
 * - "connect(): Connection refused" and "stream disconnected prematurely", each with workerd's report of the fetch's
 *   "Network connection lost", printed even when our code catches that rejection: tests that point the Worker at a
 *   closed port (CLOSED_URL) or turn the HWA simulator `down` on purpose. A rejection nobody handles still fails the
 *   run: vitest reports it as an unhandled error, in tests and in Durable Objects alike.
 * - "the object died after acting, before recording": thrown from an alarm on purpose by a workflow-run test.
 * - the warning about a non-ASCII Idempotency-Key, sent on purpose by the idempotency tests.
 * The Worker's own JSON log lines are not filtered: the tests that provoke them capture and check them (test/helpers/logs.ts).
 */
const quietWorkerdLines = [
  /^exception = workerd\/api\/web-socket\.c\+\+:\d+: disconnected: WebSocket peer disconnected$/,
  /^exception = kj\/async-io-unix\.c\+\+:\d+: disconnected: connect\(\): Connection refused$/,
  /^exception = kj\/async-io\.c\+\+:\d+: disconnected: stream disconnected prematurely$/,
  /^uncaught exception; source = Uncaught \(in promise\); stack = Error: Network connection lost\.$/,
  /^uncaught exception; exception = workerd\/jsg\/\S+: disconnected: jsg\.Error: Network connection lost\.$/,
  /^uncaught exception; source = Uncaught \(in promise\); stack = Error: the object died after acting, before recording$/,
  /^uncaught exception; exception = workerd\/jsg\/\S+: failed: jsg\.Error: the object died after acting, before recording$/,
  /^A header value for "Idempotency-Key" contains non-ASCII characters: "clé" \(raw bytes: "[^"]*"\)\. As a quirk to support Unicode, /,
];

function isQuietWorkerdLine(chunk: unknown): boolean {
  if (typeof chunk !== "string" && !(chunk instanceof Uint8Array)) return false;
  const text = typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk);
  const [first = "", ...rest] = text.replace(/\n$/, "").split("\n");
  return quietWorkerdLines.some((line) => line.test(first)) && rest.every((line) => /^(stack: | {4}at )/.test(line));
}

const quieted = Symbol.for("resync.quietWorkerdLines");
for (const stream of [process.stdout, process.stderr] as (NodeJS.WriteStream & { [quieted]?: true })[]) {
  if (stream[quieted]) continue; // the config may be loaded more than once in a process
  stream[quieted] = true;
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!isQuietWorkerdLine(chunk)) return write(chunk, ...rest);
    (rest.find((arg) => typeof arg === "function") as (() => void) | undefined)?.();
    return true;
  }) as typeof stream.write;
}

/** Secrets the Worker needs in tests; random per run, never real. */
const testSecrets = {
  JWT_SECRET: `test-jwt-${crypto.randomUUID()}${crypto.randomUUID()}`,
  CSRF_SECRET: `test-csrf-${crypto.randomUUID()}${crypto.randomUUID()}`,
  ENGINE_KEY: `test-engine-key-${crypto.randomUUID()}${crypto.randomUUID()}`,
};

const OUTAGE_TESTS = "test/audit/outage/**/*.test.ts";
const ENGINE_TESTS = "test/engines/**/*.test.ts";
const NOTIFICATION_TESTS = "test/notifications/**/*.test.ts";

/**
 * The Worker with the bindings of wrangler.toml, pointed at the stack its project's globalSetup started; `database`
 * names the libSQL server it uses (its Durable Objects included).
 */
function worker(
  logLevel: string,
  vars: Record<string, string> = {},
  database: "libsqlUrl" | "libsqlEnginesUrl" = "libsqlUrl",
) {
  return cloudflareTest(({ inject }) => ({
    main: "./src/index.ts",
    wrangler: { configPath: "./wrangler.toml" },
    miniflare: {
      bindings: {
        ...testSecrets,
        LIBSQL_URL: inject(database),
        HWA_BASE_URL: inject("hwaUrl"),
        HWA_USERNAME: inject("hwaUsername"),
        HWA_PASSWORD: inject("hwaPassword"),
        LOG_LEVEL: logLevel,
        ...vars,
      },
    },
  }));
}

export default defineConfig({
  test: {
    projects: [
      {
        // The local libSQL server, driven only through @libsql/client from inside workerd.
        plugins: [cloudflareTest({ miniflare: compatibility })],
        test: {
          name: "libsql-server",
          include: ["test/dev/libsql-server/**/*.test.ts"],
          globalSetup: ["test/helpers/libsql-server-setup.ts"],
        },
      },
      {
        // The HWA simulator, driven over HTTP from inside workerd; its responses are checked against WA_API3_v2.json.
        plugins: [cloudflareTest({ miniflare: compatibility })],
        test: {
          name: "hwa-simulator",
          include: ["test/dev/hwa-simulator/**/*.test.ts"],
          globalSetup: ["test/helpers/hwa-simulator-setup.ts"],
        },
      },
      {
        // The console's own logic (web/src), in Node: board order, log lines, routes, the workflow editor's checks.
        test: { name: "web", include: ["web/**/*.test.ts"], environment: "node" },
      },
      {
        // The Worker itself, with the bindings of wrangler.toml, against the local stack. Its plan watcher stays off:
        // files here count the requests HWA receives.
        plugins: [worker("warn", { PLAN_WATCH_DISABLED: "true" })],
        test: {
          name: "worker",
          include: ["test/**/*.test.ts"],
          exclude: ["test/dev/**", OUTAGE_TESTS, NOTIFICATION_TESTS, ENGINE_TESTS],
          globalSetup: ["test/helpers/assets-setup.ts", "test/helpers/stack-setup.ts"],
        },
      },
      {
        // The Worker whose database holds an engine registry of PROD, HML and DR: its requests and its workflow
        // runs' Durable Objects read the same registry, and no other file sees its default engine change.
        plugins: [worker("warn", { PLAN_WATCH_DISABLED: "true" }, "libsqlEnginesUrl")],
        test: {
          name: "engines",
          include: [ENGINE_TESTS],
          globalSetup: ["test/helpers/assets-setup.ts", "test/helpers/stack-setup.ts"],
        },
      },
      {
        // The Worker with its plan watcher (a look every 10 s, the jobs not started read on each) on a simulator of
        // its own, delivering to a webhook receiver started for the run.
        plugins: [worker("warn", { PLAN_WATCH_PERIOD_SECONDS: "10", PLAN_WATCH_DEADLINE_SECONDS: "10" })],
        test: {
          name: "notifications",
          include: [NOTIFICATION_TESTS],
          // One file at a time: they force statuses, step the clock and inject faults in the same simulator.
          fileParallelism: false,
          globalSetup: ["test/helpers/assets-setup.ts", "test/helpers/notify-stack-setup.ts"],
          testTimeout: 60_000,
        },
      },
      {
        // The Worker against a libSQL server of its own that the tests stop and start: no other file sees the outage.
        plugins: [worker("error")],
        test: {
          name: "audit-outage",
          include: [OUTAGE_TESTS],
          globalSetup: ["test/helpers/outage-stack-setup.ts"],
          testTimeout: 180_000,
        },
      },
    ],
  },
});
