// vitest globalSetup (runs in Node): the HWA simulators for the simulator's own tests in workerd — a fixed
// seed, a clock that moves only when a test steps it, and every V2 response checked against WA_API3_v2.json.
// Test files run in parallel: the read-only files share one simulator, and each file that changes the plan or
// injects faults gets a simulator of its own, so no file sees another's changes.
import type { TestProject } from "vitest/node";
import { startHwaSimulator } from "../../dev/hwa-simulator/server.mjs";
import { clockStartOnOneDay } from "../../dev/hwa-simulator/simulation.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** The engine's base URL, `/twsd` included; for tests that only read. */
    hwaSimulatorUrl: string;
    /** Simulators of their own for the files that step the clock, act on jobs, or inject faults. */
    hwaSimulatorPlanUrl: string;
    hwaSimulatorActionsUrl: string;
    hwaSimulatorFaultsUrl: string;
    hwaSimulatorUsername: string;
    hwaSimulatorPassword: string;
    /** Accepted as `Authorization: Bearer <key>`. */
    hwaSimulatorApiKey: string;
  }
}

export default async function setup(project: TestProject) {
  const credentials = {
    username: "simulator-tests",
    password: `pw-${crypto.randomUUID()}`,
    apiKey: `key-${crypto.randomUUID()}`,
  };
  const options = {
    port: 0,
    seed: 42,
    timeScale: 0,
    clockStart: clockStartOnOneDay(),
    failureRate: 0.1,
    contractCheck: true,
    ...credentials,
  };
  const simulators: Awaited<ReturnType<typeof startHwaSimulator>>[] = [];
  const teardown = async () => {
    await Promise.all(simulators.map((simulator) => simulator.close()));
  };
  try {
    for (let i = 0; i < 4; i++) simulators.push(await startHwaSimulator(options));
  } catch (error) {
    await teardown();
    throw error;
  }
  const [readOnly, plan, actions, faults] = simulators.map((simulator) => simulator.url);
  project.provide("hwaSimulatorUrl", readOnly ?? "");
  project.provide("hwaSimulatorPlanUrl", plan ?? "");
  project.provide("hwaSimulatorActionsUrl", actions ?? "");
  project.provide("hwaSimulatorFaultsUrl", faults ?? "");
  project.provide("hwaSimulatorUsername", credentials.username);
  project.provide("hwaSimulatorPassword", credentials.password);
  project.provide("hwaSimulatorApiKey", credentials.apiKey);
  return teardown;
}
