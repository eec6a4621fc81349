// An isolated copy of the local stack for benchmarks: its own libSQL server and `wrangler dev` on free
// ports, data under `.data/bench-<pid>/`, so a developer's `npm run dev` on the default ports is untouched.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import net from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startLibsqlServer } from "../../dev/libsql-server/server.mjs";
import { applyMigrations } from "../../dev/migrate.mjs";

export const root = fileURLToPath(new URL("../..", import.meta.url));
const host = "127.0.0.1";
const wranglerBin = join("node_modules", "wrangler", "bin", "wrangler.js");
/** Stacks started and not yet stopped, for `stopAllStacks()` on SIGINT or a timeout. */
const running = new Set();
let started = 0;

/** A random secret of `length` URL-safe characters. */
export function randomSecret(length = 48) {
  return randomBytes(length).toString("base64url").slice(0, length);
}

/** A port that was free a moment ago: bind port 0, read it, close. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const { port } = /** @type {net.AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts libSQL (migrated), then `wrangler dev` against it, and waits for `GET /health`.
 * `seed(libsqlUrl)` runs after the migrations and before the Worker starts. Data lives in `.data/bench-<pid>/`
 * (`bench-<pid>-<n>` for a process's n-th stack), which `stop()` removes.
 * @param {{
 *   vars?: Record<string, string>,
 *   seed?: (libsqlUrl: string) => Promise<void>,
 *   readyTimeoutMs?: number,
 * }} [options]
 * @returns {Promise<{ baseUrl: string, libsqlUrl: string, dataDir: string, command: string[], stop(): Promise<void> }>}
 */
export async function startStack({ vars = {}, seed, readyTimeoutMs = 60_000 } = {}) {
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
      for (const step of stops.reverse()) await step().catch((error) => console.error(`stack: stop step failed: ${error}`));
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
    const args = [wranglerBin, "dev", "--ip", host, "--port", String(port)];
    for (const [name, value] of Object.entries(allVars)) args.push("--var", `${name}:${value}`);
    args.push("--persist-to", join(folder, "wrangler"));

    if (stopping) throw new Error("the stack was stopped while starting");
    const wrangler = startWrangler(args);
    stops.push(() => wrangler.stop());
    const baseUrl = `http://${host}:${port}`;
    await waitForHealth(baseUrl, readyTimeoutMs, wrangler);
    // The command as one could retype it, secrets masked.
    const command = ["node", ...args].map((arg) => arg.replace(/^(JWT_SECRET|CSRF_SECRET):.*/, "$1:<random 48 chars>"));
    return { baseUrl, libsqlUrl: libsql.url, dataDir, command, stop };
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
 * `wrangler dev` as a child in its own process group (so workerd goes with it); output kept as a short tail
 * for error messages.
 * @param {string[]} args
 */
function startWrangler(args) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
  });
  /** @type {string[]} */
  const tail = [];
  const keep = (/** @type {Buffer} */ chunk) => {
    tail.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 40));
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));

  return {
    tail,
    get exitCode() {
      return child.exitCode ?? child.signalCode;
    },
    /** SIGINT lets wrangler stop workerd; the whole group is killed if it has not exited within 5 s. */
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
 * @param {{ exitCode: number | string | null, tail: string[] }} wrangler
 */
async function waitForHealth(baseUrl, timeoutMs, wrangler) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (wrangler.exitCode !== null) {
      throw new Error(`wrangler dev exited (${wrangler.exitCode}) before answering:\n${wrangler.tail.join("\n")}`);
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
  throw new Error(`wrangler dev did not answer GET /health with 200 within ${timeoutMs / 1000} s:\n${wrangler.tail.join("\n")}`);
}
