// `npm run smoke`: the Quick start, end to end. Runs `npm run dev`'s launcher on free ports with a fresh data
// folder, waits for readiness, loads / and /docs/, signs in as the printed admin, reads jobs from the simulator, then stops it with
// Ctrl-C and checks every child exited. Catches what tests inside workerd cannot (e.g. global-scope errors).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePorts } from "./ports.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const DEADLINE_MS = 120_000;

/** @param {string} message @returns {never} */
function fail(message) {
  throw new Error(`smoke: ${message}`);
}

const [libsqlPort, hwaPort, port] = await freePorts(3);
const dataDir = mkdtempSync(join(tmpdir(), "resync-smoke-"));
const base = `http://127.0.0.1:${port}`;
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
child.stdout.on("data", (chunk) => (output += chunk));
child.stderr.on("data", (chunk) => (output += chunk));
const exited = new Promise((resolve) => child.once("exit", resolve));

try {
  const started = Date.now();
  let ready;
  while (Date.now() - started < DEADLINE_MS) {
    if (child.exitCode !== null) fail(`the launcher exited early:\n${output}`);
    ready = await fetch(`${base}/health/ready`).catch(() => undefined);
    if (ready?.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (ready?.status !== 200) fail(`/health/ready never answered 200 (last: ${ready?.status}):\n${output}`);
  const summary = await ready.json();
  if (summary.status !== "ok" || "components" in summary)
    fail(`anonymous readiness should be {status: "ok"} only: ${JSON.stringify(summary)}`);

  // The static assets wrangler built from node_modules ([build] in wrangler.toml), as a browser loads them.
  for (const path of ["/", "/docs/", "/docs/swagger-ui-bundle.js"]) {
    const page = await fetch(`${base}${path}`);
    await page.arrayBuffer();
    if (page.status !== 200) fail(`${path} answered ${page.status}`);
  }

  const password = /password "([^"]+)"/.exec(output)?.[1] ?? fail("the launcher printed no admin password");
  const token = await fetch(`${base}/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username: "admin", password, grant_type: "password" }),
  });
  if (token.status !== 200) fail(`admin sign-in answered ${token.status}: ${await token.text()}`);
  const { access_token } = await token.json();
  // Each component shows only to an admin (or with the metrics token).
  const detailed = await fetch(`${base}/health/ready`, { headers: { Authorization: `Bearer ${access_token}` } });
  const readiness = await detailed.json();
  if (!readiness.components) fail(`an admin's readiness has no components: ${JSON.stringify(readiness)}`);
  // Every engine has a line of its own under `engines`; here the one the environment seeds, `default`.
  const { engines, ...components } = readiness.components;
  if (engines?.default?.status !== "ok") fail(`the default engine is ${JSON.stringify(engines?.default)}`);
  for (const [name, component] of [...Object.entries(components), ...Object.entries(engines)]) {
    if (component.status !== "ok") fail(`component ${name} is ${component.status}`);
  }
  const jobs = await fetch(`${base}/api/v1/jobs?status=ABEND`, {
    headers: { Authorization: `Bearer ${access_token}` },
  });
  const body = await jobs.json();
  if (jobs.status !== 200 || !Array.isArray(body.items) || body.items.length === 0)
    fail(`jobs answered ${jobs.status}: ${JSON.stringify(body).slice(0, 300)}`);
  const abended = body.items[0];
  const chat = await fetch(`${base}/api/v1/chat`, {
    method: "POST",
    headers: { Authorization: `Bearer ${access_token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ message: `qual o status do job ${abended.name} no stream ${abended.job_stream}?` }),
  });
  const answer = await chat.json();
  if (chat.status !== 200 || answer.intent !== "job_status" || answer.data?.status !== "ABEND")
    fail(`chat answered ${chat.status}: ${JSON.stringify(answer).slice(0, 300)}`);
  console.log(
    `smoke: ready (${Object.keys(readiness.components).join(", ")} ok), / and /docs/ served, admin signed in, ${body.items.length} ABEND jobs read, the chat says ${abended.name} is ABEND`,
  );
} finally {
  child.kill("SIGINT");
  const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve("timeout"), 15_000))]);
  rmSync(dataDir, { recursive: true, force: true });
  if (code === "timeout") {
    child.kill("SIGKILL");
    console.error("smoke: the launcher did not stop within 15 s of Ctrl-C");
    process.exitCode = 1;
  }
}
for (const p of [libsqlPort, hwaPort, port]) {
  const inUse = await new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(true));
    probe.listen(p, "127.0.0.1", () => probe.close(() => resolve(false)));
  });
  if (inUse) {
    console.error(`smoke: port ${p} still in use after Ctrl-C`);
    process.exitCode = 1;
  }
}
