// `npm run dev`: the whole local stack with embedded defaults — libSQL server, migrations,
// local secrets and an admin account, then `wrangler dev`. Ctrl-C stops everything.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureAdmin, randomPassword } from "./admin-account.mjs";
import { ensureDevVars } from "./dev-vars.mjs";
import { timeScaleFromEnv } from "./hwa-simulator/env.mjs";
import { startHwaSimulator } from "./hwa-simulator/server.mjs";
import { startLibsqlServer } from "./libsql-server/server.mjs";
import { applyMigrations } from "./migrate.mjs";
import { ensurePortFree } from "./ports.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const host = "127.0.0.1";
const ports = {
  libsql: Number(process.env.LIBSQL_PORT ?? 8080),
  hwa: Number(process.env.HWA_PORT ?? 31116),
  worker: Number(process.env.PORT ?? 8787),
};

/** @type {(() => Promise<void>)[]} */
const stops = [];
let stopping = false;

async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  process.exit(code);
}

/** What the launcher says about the simulator's plan clock. @param {number} timeScale */
function describeClock(timeScale) {
  if (timeScale === 0) return "its plan clock is frozen (HWA_TIME_SCALE=0)";
  if (timeScale === 1) return "its plan clock runs in real time; HWA_TIME_SCALE=60 speeds it up, 0 freezes it";
  return `its plan clock runs ${timeScale}x real time (HWA_TIME_SCALE)`;
}

async function main() {
  const timeScale = timeScaleFromEnv(process.env);
  await ensurePortFree(host, ports.libsql, "LIBSQL_PORT");
  await ensurePortFree(host, ports.hwa, "HWA_PORT");
  await ensurePortFree(host, ports.worker, "PORT");

  const dataDir = process.env.RESYNC_DATA_DIR ?? join(root, ".data");
  mkdirSync(dataDir, { recursive: true });
  const libsql = await startLibsqlServer({ file: join(dataDir, "resync.db"), host, port: ports.libsql });
  stops.push(() => libsql.close());
  console.log(`libSQL      ${libsql.url}  (data in ${join(dataDir, "resync.db")})`);

  await applyMigrations({ url: libsql.url });
  console.log("migrations  applied");

  const { vars, created } = ensureDevVars(join(root, ".dev.vars"));
  if (created) console.log("secrets     .dev.vars created with random JWT_SECRET, CSRF_SECRET and HWA credentials");

  const simulator = await startHwaSimulator({
    host,
    port: ports.hwa,
    timeScale,
    username: vars.HWA_USERNAME,
    password: vars.HWA_PASSWORD,
  });
  stops.push(() => simulator.close());
  console.log(`HWA         ${simulator.url}  (simulator; ${describeClock(timeScale)})`);

  const password = randomPassword();
  if (await ensureAdmin({ url: libsql.url, username: "admin", password })) {
    console.log(`admin       username "admin", password "${password}" (shown once; change it after signing in)`);
  }

  const wrangler = createRequire(import.meta.url).resolve("wrangler/bin/wrangler.js");
  const child = spawn(
    process.execPath,
    [
      wrangler,
      "dev",
      "--ip",
      host,
      "--port",
      String(ports.worker),
      "--var",
      `LIBSQL_URL:${libsql.url}`,
      "--var",
      `HWA_BASE_URL:${simulator.url}`,
      "--persist-to",
      join(dataDir, "wrangler"),
    ],
    {
      cwd: root,
      stdio: "inherit",
      // Offline, fetching `Request.cf` data fails with a stack trace, then uses the placeholder that this picks at once.
      env: { CLOUDFLARE_CF_FETCH_ENABLED: "false", ...process.env, WRANGLER_SEND_METRICS: "false" },
    },
  );
  stops.push(
    () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGINT");
      }),
  );
  child.once("exit", (code) => void stopAll(code ?? 0));
  console.log(`resync      http://${host}:${ports.worker}  (start at /; /docs, /health/ready)`);
}

process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

main().catch((error) => {
  console.error(`npm run dev: ${error instanceof Error ? error.message : String(error)}`);
  void stopAll(1);
});
