// vitest globalSetup (runs in Node) of the "notifications" project: a stack of its own — libSQL, an HWA simulator
// whose statuses the tests force (no other file sees them, and the plan watcher sees only them), and a webhook
// receiver the Worker delivers to.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startHwaSimulator } from "../../dev/hwa-simulator/server.mjs";
import { clockStartOnOneDay } from "../../dev/hwa-simulator/simulation.mjs";
import { startLibsqlServer } from "../../dev/libsql-server/server.mjs";
import { applyMigrations } from "../../dev/migrate.mjs";
import { startWebhookReceiver } from "./webhook-receiver";

declare module "vitest" {
  export interface ProvidedContext {
    /** The receiver's base URL: POST /hooks/<name>, PUT /behaviour/<name>, GET /received/<name>. */
    webhookReceiverUrl: string;
    /** A second engine (another seed) the engines' watcher test registers as DR. */
    hwaSecondUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const folder = join(process.cwd(), ".data", "test", `notify-${process.pid}-${Date.now()}`);
  mkdirSync(folder, { recursive: true });
  const libsql = await startLibsqlServer({ file: join(folder, "resync.db"), port: 0 });
  await applyMigrations({ url: libsql.url });
  const hwaCredentials = { username: "resync-notify", password: crypto.randomUUID() };
  const options = { port: 0, timeScale: 0, clockStart: clockStartOnOneDay(), contractCheck: true, ...hwaCredentials };
  const simulator = await startHwaSimulator({ ...options, seed: 7 });
  const second = await startHwaSimulator({ ...options, seed: 11 });
  const receiver = await startWebhookReceiver();

  project.provide("libsqlUrl", libsql.url);
  project.provide("hwaUrl", simulator.url);
  project.provide("hwaUsername", hwaCredentials.username);
  project.provide("hwaPassword", hwaCredentials.password);
  project.provide("webhookReceiverUrl", receiver.url);
  project.provide("hwaSecondUrl", second.url);

  return async () => {
    await Promise.all([libsql.close(), simulator.close(), second.close(), receiver.close()]);
    rmSync(folder, { recursive: true, force: true });
  };
}
