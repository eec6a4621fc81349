import { defineConfig } from "vitest/config";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";

const compatibility = { compatibilityDate: "2026-04-20", compatibilityFlags: ["nodejs_compat"] };

/** Secrets the Worker needs in tests; random per run, never real. */
const testSecrets = {
  JWT_SECRET: `test-jwt-${crypto.randomUUID()}${crypto.randomUUID()}`,
  CSRF_SECRET: `test-csrf-${crypto.randomUUID()}${crypto.randomUUID()}`,
};

const OUTAGE_TESTS = "test/audit/outage/**/*.test.ts";
const NOTIFICATION_TESTS = "test/notifications/**/*.test.ts";

/** The Worker with the bindings of wrangler.toml, pointed at the stack its project's globalSetup started. */
function worker(logLevel: string, vars: Record<string, string> = {}) {
  return cloudflareTest(({ inject }) => ({
    main: "./src/index.ts",
    wrangler: { configPath: "./wrangler.toml" },
    miniflare: {
      bindings: {
        ...testSecrets,
        LIBSQL_URL: inject("libsqlUrl"),
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
          include: ["test/dev/**/*.test.ts"],
          globalSetup: ["test/helpers/libsql-server-setup.ts"],
        },
      },
      {
        // The HWA simulator, driven over HTTP from inside workerd; its responses are checked against WA_API3_v2.json.
        plugins: [cloudflareTest({ miniflare: compatibility })],
        test: {
          name: "hwa-simulator",
          include: ["test/hwa-simulator/**/*.test.ts"],
          globalSetup: ["test/helpers/hwa-simulator-setup.ts"],
        },
      },
      {
        // The Worker itself, with the bindings of wrangler.toml, against the local stack. Its plan watcher stays off:
        // files here count the requests HWA receives.
        plugins: [worker("warn", { PLAN_WATCH_DISABLED: "true" })],
        test: {
          name: "worker",
          include: ["test/**/*.test.ts"],
          exclude: ["test/dev/**", "test/hwa-simulator/**", OUTAGE_TESTS, NOTIFICATION_TESTS],
          globalSetup: ["test/helpers/assets-setup.ts", "test/helpers/stack-setup.ts"],
        },
      },
      {
        // The Worker with its plan watcher (a look every 10 s) on a simulator of its own, delivering to a webhook
        // receiver started for the run.
        plugins: [worker("warn", { PLAN_WATCH_PERIOD_SECONDS: "10" })],
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
