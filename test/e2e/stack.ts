// vitest globalSetup of the e2e run: checks the browser is there, then starts `npm run dev`'s launcher (dev/start.mjs)
// on free ports with a fresh data folder, as dev/smoke.mjs does; hands the tests its URL, the simulator's and the
// admin's password; stops it all (Ctrl-C) at the end.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import type {} from "vitest";
import { chromiumPath } from "./chromium.mjs";
import { freePorts } from "../../dev/ports.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The HWA simulator's base URL (with /twsd): its /__control endpoints count what HWA was asked. */
    hwaUrl: string;
    adminPassword: string;
  }
}

const root = fileURLToPath(new URL("../..", import.meta.url));
const READY_WITHIN_MS = 120_000;

async function waitUntilReady(child: ChildProcess, base: string, output: () => string) {
  const started = Date.now();
  while (Date.now() - started < READY_WITHIN_MS) {
    if (child.exitCode !== null) throw new Error(`e2e: the launcher exited early:\n${output()}`);
    const ready = await fetch(`${base}/health/ready`).catch(() => undefined);
    if (ready?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`e2e: ${base}/health/ready never answered 200:\n${output()}`);
}

export default async function setup(project: TestProject) {
  chromiumPath(); // fails here, before anything starts, when the browser is missing
  const [libsqlPort, hwaPort, port] = await freePorts(3);
  const dataDir = mkdtempSync(join(tmpdir(), "resync-e2e-"));
  const child = spawn(process.execPath, [join(root, "dev/start.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      LIBSQL_PORT: String(libsqlPort),
      HWA_PORT: String(hwaPort),
      PORT: String(port),
      RESYNC_DATA_DIR: dataDir,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  let stopping = false;
  // A stack that stops while the tests run fails them all with refused connections: say why, once, in the log.
  child.once("exit", (code, signal) => {
    if (!stopping)
      console.error(
        `e2e: the stack stopped (code ${code}, signal ${signal}); its last output:\n${output.slice(-8_000)}`,
      );
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    stopping = true;
    child.kill("SIGINT");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(child, base, () => output);
    const password = /password "([^"]+)"/.exec(output)?.[1];
    if (!password) throw new Error(`e2e: the launcher printed no admin password:\n${output}`);
    project.provide("baseUrl", base);
    project.provide("hwaUrl", `http://127.0.0.1:${hwaPort}/twsd`);
    project.provide("adminPassword", password);
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}
