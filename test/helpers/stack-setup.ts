// Starts the local stack the Worker's tests run against: a real libSQL server with migrations applied.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startLibsqlServer } from "../../dev/libsql-server/server.mjs";
import { createClient } from "@libsql/client";
import { createAccount, randomPassword } from "../../dev/admin-account.mjs";
import { startHwaSimulator } from "../../dev/hwa-simulator/server.mjs";
import { clockStartOnOneDay } from "../../dev/hwa-simulator/simulation.mjs";
import { applyMigrations } from "../../dev/migrate.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    libsqlUrl: string;
    libsqlTokenUrl: string;
    libsqlToken: string;
    /** A migrated database with no users, for the one test that needs to be the only admin. */
    libsqlScratchUrl: string;
    /** A migrated database of its own for the test of admins changing each other at once. */
    libsqlAdminsUrl: string;
    /** An operator created by the launcher's account code (dev/admin-account.mjs), not the Worker's. */
    launcherAccount: { username: string; password: string };
    /** The HWA simulator the Worker talks to (base URL with /twsd), its clock stepped by tests only. */
    hwaUrl: string;
    hwaUsername: string;
    hwaPassword: string;
    /** Simulators of their own (same seed and credentials) for the files that inject faults, so no other file sees them. */
    hwaClientFaultsUrl: string;
    hwaCacheFaultsUrl: string;
    /** A simulator only the fuzz file uses, so it can tell that a refused request changed nothing in HWA. */
    hwaFuzzUrl: string;
    /** Generated requests per fuzz run: FUZZ_RUNS, else a bounded run for `npm test`. */
    fuzzRuns: number;
    /** FUZZ_SEED: the fuzz run's seed, to replay one; else fast-check draws one. */
    fuzzSeed: number | null;
    /** A simulator of its own for the audit tests, which count the requests HWA receives. */
    hwaAuditUrl: string;
    /** A simulator of its own for the readiness tests, which count the requests HWA receives. */
    hwaReadinessUrl: string;
    /** A migrated database of its own for the engine registry's tests (they change the default engine). */
    libsqlEnginesUrl: string;
    /** Two more engines for those tests: HML (the same seed as hwaUrl: the same job ids, its own plan), DR (another seed). */
    hwaHmlUrl: string;
    hwaHmlApiKey: string;
    hwaDrUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const folder = join(process.cwd(), ".data", "test", `stack-${process.pid}-${Date.now()}`);
  mkdirSync(folder, { recursive: true });
  const token = crypto.randomUUID();
  const database = await startLibsqlServer({ file: join(folder, "resync.db"), port: 0 });
  const guarded = await startLibsqlServer({ file: join(folder, "guarded.db"), port: 0, authToken: token });
  const scratch = await startLibsqlServer({ file: join(folder, "scratch.db"), port: 0 });
  const admins = await startLibsqlServer({ file: join(folder, "admins.db"), port: 0 });
  const enginesDb = await startLibsqlServer({ file: join(folder, "engines.db"), port: 0 });
  await applyMigrations({ url: enginesDb.url });
  await applyMigrations({ url: scratch.url });
  await applyMigrations({ url: admins.url });
  await applyMigrations({ url: database.url });
  await applyMigrations({ url: guarded.url, authToken: token });

  const launcherAccount = { username: `launcher-${process.pid}`, password: randomPassword() };
  const client = createClient({ url: database.url });
  await createAccount(client, { ...launcherAccount, role: "operator" });
  client.close();

  const hwaCredentials = { username: "resync-test", password: crypto.randomUUID() };
  const simulatorOptions = {
    port: 0,
    seed: 7,
    timeScale: 0,
    clockStart: clockStartOnOneDay(),
    contractCheck: true,
    ...hwaCredentials,
  };
  const simulator = await startHwaSimulator(simulatorOptions);
  const clientFaults = await startHwaSimulator(simulatorOptions);
  const cacheFaults = await startHwaSimulator(simulatorOptions);
  const auditSimulator = await startHwaSimulator(simulatorOptions);
  const fuzzSimulator = await startHwaSimulator(simulatorOptions);
  project.provide("hwaFuzzUrl", fuzzSimulator.url);
  project.provide("fuzzRuns", Number(process.env.FUZZ_RUNS ?? 2_000));
  project.provide("fuzzSeed", process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : null);
  const readinessSimulator = await startHwaSimulator(simulatorOptions);
  // HML answers an API key only; DR has a plan of another seed, and the same Basic credentials as the others.
  const hmlApiKey = `hml-${crypto.randomUUID()}`;
  const hmlSimulator = await startHwaSimulator({
    ...simulatorOptions,
    password: crypto.randomUUID(),
    apiKey: hmlApiKey,
  });
  const drSimulator = await startHwaSimulator({ ...simulatorOptions, seed: 11 });
  project.provide("libsqlEnginesUrl", enginesDb.url);
  project.provide("hwaHmlUrl", hmlSimulator.url);
  project.provide("hwaHmlApiKey", hmlApiKey);
  project.provide("hwaDrUrl", drSimulator.url);
  project.provide("hwaClientFaultsUrl", clientFaults.url);
  project.provide("hwaCacheFaultsUrl", cacheFaults.url);
  project.provide("hwaAuditUrl", auditSimulator.url);
  project.provide("hwaReadinessUrl", readinessSimulator.url);
  project.provide("hwaUrl", simulator.url);
  project.provide("hwaUsername", hwaCredentials.username);
  project.provide("hwaPassword", hwaCredentials.password);

  project.provide("libsqlUrl", database.url);
  project.provide("launcherAccount", launcherAccount);
  project.provide("libsqlTokenUrl", guarded.url);
  project.provide("libsqlToken", token);
  project.provide("libsqlScratchUrl", scratch.url);
  project.provide("libsqlAdminsUrl", admins.url);

  return async () => {
    await Promise.all([
      database.close(),
      guarded.close(),
      scratch.close(),
      admins.close(),
      simulator.close(),
      clientFaults.close(),
      cacheFaults.close(),
      auditSimulator.close(),
      fuzzSimulator.close(),
      readinessSimulator.close(),
      enginesDb.close(),
      hmlSimulator.close(),
      drSimulator.close(),
    ]);
    rmSync(folder, { recursive: true, force: true });
  };
}
