// An isolated copy of the local stack for benchmarks: its own libSQL server and the Worker on free ports, data
// under `.data/bench-<pid>/`, so a developer's `npm run dev` on the default ports is untouched. The Worker runs
// either under `wrangler dev` (as `npm run dev` does: requests pass through wrangler's proxy Worker first) or,
// with `runtime: "workerd"`, as wrangler's production bundle in workerd through Miniflare, reached directly.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startLibsqlServer } from "../../dev/libsql-server/server.mjs";
import { applyMigrations } from "../../dev/migrate.mjs";
import { freePorts } from "../../dev/ports.mjs";

export const root = fileURLToPath(new URL("../..", import.meta.url));
const host = "127.0.0.1";
const wranglerBin = join("node_modules", "wrangler", "bin", "wrangler.js");
const workerdServer = join("bench", "lib", "workerd-server.mjs");
/** Stacks started and not yet stopped, for `stopAllStacks()` on SIGINT or a timeout. */
const running = new Set();
let started = 0;

/** A random secret of `length` URL-safe characters. */
export function randomSecret(length = 48) {
  return randomBytes(length).toString("base64url").slice(0, length);
}

/** A port that was free a moment ago. */
export async function freePort() {
  const [port] = await freePorts(1, host);
  return /** @type {number} */ (port);
}

/**
 * Starts libSQL (migrated), then the Worker against it (`wrangler dev`, or workerd directly), and waits for `GET /health`.
 * `seed(libsqlUrl)` runs after the migrations and before the Worker starts. Data lives in `.data/bench-<pid>/`
 * (`bench-<pid>-<n>` for a process's n-th stack), which `stop()` removes.
 * @param {{
 *   vars?: Record<string, string>,
 *   seed?: (libsqlUrl: string) => Promise<void>,
 *   readyTimeoutMs?: number,
 *   runtime?: "wrangler-dev" | "workerd",
 * }} [options]
 * @returns {Promise<{ baseUrl: string, libsqlUrl: string, dataDir: string, command: string[], runtime: string, pid: number | undefined, stop(): Promise<void> }>}
 */
export async function startStack({ vars = {}, seed, readyTimeoutMs = 60_000, runtime = "wrangler-dev" } = {}) {
  started += 1;
  const folder = join(".data", started === 1 ? `bench-${process.pid}` : `bench-${process.pid}-${started}`);
  const dataDir = join(root, folder);
  /** @type {(() => Promise<void>)[]} */
  const stops = [async () => rmSync(dataDir, { recursive: true, force: true })];
  /** @type {Promise<void> | undefined} */
  let stopping;
  // Every caller gets the same promise, so a second stop (an error after SIGINT) waits for the first one.
  const stop = () =>
    (stopping ??= (async () => {
      for (const step of stops.reverse())
        await step().catch((error) => console.error(`stack: stop step failed: ${error}`));
      running.delete(stop);
    })());
  running.add(stop);

  try {
    const libsql = await startLibsqlServer({ file: join(dataDir, "libsql.db"), host, port: 0 });
    stops.push(() => libsql.close());
    await applyMigrations({ url: libsql.url });
    if (seed) await seed(libsql.url);

    const port = await freePort();
    const allVars = { LIBSQL_URL: libsql.url, JWT_SECRET: randomSecret(), CSRF_SECRET: randomSecret(), ...vars };
    let args;
    if (runtime === "workerd") {
      const outdir = join(folder, "bundle");
      await bundle(outdir);
      args = [workerdServer, join(outdir, "index.js"), join(folder, "workerd"), String(port), JSON.stringify(allVars)];
    } else {
      args = [wranglerBin, "dev", "--ip", host, "--port", String(port)];
      for (const [name, value] of Object.entries(allVars)) args.push("--var", `${name}:${value}`);
      args.push("--persist-to", join(folder, "wrangler"));
    }

    if (stopping) throw new Error("the stack was stopped while starting");
    const worker = startWorkerProcess(args);
    stops.push(() => worker.stop());
    const baseUrl = `http://${host}:${port}`;
    await waitForHealth(baseUrl, readyTimeoutMs, worker);
    // The command as one could retype it, secrets masked.
    const command = ["node", ...args].map((arg) =>
      arg
        .replace(/^(JWT_SECRET|CSRF_SECRET):.*/, "$1:<random 48 chars>")
        .replace(/"(JWT_SECRET|CSRF_SECRET)":"[^"]*"/g, '"$1":"<random 48 chars>"'),
    );
    return { baseUrl, libsqlUrl: libsql.url, dataDir, command, runtime, pid: worker.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Stops every stack still running (also one still starting): for signal handlers and timeouts. */
export async function stopAllStacks() {
  await Promise.all([...running].map((stop) => stop()));
}

/**
 * The bundle `wrangler deploy` would upload (`--dry-run`, top-level environment) in `outdir`. A Durable Object
 * class bound in wrangler.toml but not yet exported (work in progress in the tree) fails the dry run after the
 * bundle is written; `wrangler dev` only warns about it, so the bundle is used and the warning shown.
 * @param {string} outdir
 */
async function bundle(outdir) {
  const args = [wranglerBin, "deploy", "--dry-run", "--env", "", "--outdir", outdir];
  // BENCH_MINIFY=false keeps the Worker's own names in CPU profiles (wrangler.toml minifies, as production does).
  if (process.env.BENCH_MINIFY === "false") args.push("--minify=false");
  const { code, output } = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
    });
    let text = "";
    child.stdout.on("data", (chunk) => (text += chunk));
    child.stderr.on("data", (chunk) => (text += chunk));
    child.once("error", reject);
    child.once("exit", (exitCode) => resolve({ code: exitCode, output: text }));
  });
  if (code === 0) return;
  if (existsSync(join(root, outdir, "index.js")) && /which are not exported in your entrypoint/.test(output)) {
    console.warn(
      `stack: ${output.match(/Your Worker depends on[^\n]*/)?.[0] ?? "a Durable Object class is not exported"} (its binding is left out)`,
    );
    return;
  }
  throw new Error(`node ${args.join(" ")} exited ${code}:\n${output}`);
}

/**
 * `wrangler dev` (or the workerd server) as a child in its own process group (so workerd goes with it); output
 * kept as a short tail for error messages.
 * @param {string[]} args
 */
function startWorkerProcess(args) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
  });
  /** @type {string[]} */
  const tail = [];
  const keep = (/** @type {Buffer} */ chunk) => {
    // BENCH_DEBUG=1 shows the Worker process's output as it comes (workerd's errors, the Worker's log lines).
    if (process.env.BENCH_DEBUG) process.stderr.write(chunk);
    tail.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 40));
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));

  return {
    tail,
    pid: child.pid,
    get exitCode() {
      return child.exitCode ?? child.signalCode;
    },
    /** SIGINT lets wrangler (or Miniflare) stop workerd; the whole group is killed if it has not exited within 5 s. */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGINT");
      const timer = new Promise((resolve) => setTimeout(() => resolve("timeout"), 5_000).unref());
      if ((await Promise.race([exited, timer])) === "timeout") {
        try {
          process.kill(-(/** @type {number} */ (child.pid)), "SIGKILL");
        } catch {
          // already gone
        }
        await exited;
      }
    },
  };
}

/**
 * @param {string} baseUrl @param {number} timeoutMs
 * @param {{ exitCode: number | string | null, tail: string[] }} worker
 */
async function waitForHealth(baseUrl, timeoutMs, worker) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (worker.exitCode !== null) {
      throw new Error(`the Worker's process exited (${worker.exitCode}) before answering:\n${worker.tail.join("\n")}`);
    }
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `the Worker did not answer GET /health with 200 within ${timeoutMs / 1000} s:\n${worker.tail.join("\n")}`,
  );
}
