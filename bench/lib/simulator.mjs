// The HWA simulator for a benchmark: a child process (so it does not share the load generator's event loop),
// seed 7, plan clock stopped, its own credentials; `planCopies` repeats each job stream (17: about 5,000 jobs).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { randomPassword } from "../../dev/admin-account.mjs";
import { freePort, root } from "./stack.mjs";

export async function startSimulator({ planCopies = 1 } = {}) {
  const port = await freePort();
  const credentials = { username: "bench", password: randomPassword() };
  const child = spawn(process.execPath, [join(root, "dev", "hwa-simulator", "cli.mjs")], {
    env: {
      ...process.env,
      HWA_PORT: String(port),
      HWA_SEED: "7",
      HWA_TIME_SCALE: "0",
      HWA_PLAN_COPIES: String(planCopies),
      HWA_USERNAME: credentials.username,
      HWA_PASSWORD: credentials.password,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the HWA simulator exited (${code})`)));
    child.stdout.on("data", (chunk) => {
      if (String(chunk).includes("listening")) resolve(undefined);
    });
  });
  const url = `http://127.0.0.1:${port}/twsd`;
  const stats = async () => (await fetch(`${url}/__control/stats`)).json();
  return {
    url,
    ...credentials,
    /** The `Authorization` header of HWA's own API. */
    authorization: `Basic ${btoa(`${credentials.username}:${credentials.password}`)}`,
    stats,
    /** Requests the simulator has received (control calls excluded). */
    requests: async () => (await stats()).total,
    /** Moves the plan clock forward by `seconds`. */
    step: (/** @type {number} */ seconds) =>
      fetch(`${url}/__control/clock/step`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ seconds }),
      }),
    forceStatus: (/** @type {string} */ jobId, /** @type {string} */ status) =>
      fetch(`${url}/__control/jobs/${encodeURIComponent(jobId)}/status`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ status }),
      }),
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(undefined);
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }),
  };
}
