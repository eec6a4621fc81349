import { inject } from "vitest";
import { HwaClient } from "../../src/hwa/client";
import { defaultResilience, UpstreamGuard, type ResilienceOptions } from "../../src/hwa/resilience";

export const hwaUrl = () => inject("hwaUrl");

async function control(base: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${base}/__control/${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator control ${method} ${path}: ${response.status}`);
  return response.json();
}

/** The control API of one simulator (see dev/hwa-simulator): faults, clock, stats. */
export function simulatorAt(base: string) {
  return {
    url: base,
    faults: (faults: Record<string, unknown>) => control(base, "POST", "faults", faults),
    clearFaults: () => control(base, "DELETE", "faults"),
    step: (seconds: number) => control(base, "POST", "clock/step", { seconds }),
    /** The engine's clock (the plan's time), as an instant. */
    now: async () => new Date(((await control(base, "GET", "clock")) as { now: string }).now),
    reset: () => control(base, "POST", "reset"),
    forceStatus: (jobId: string, status: string) =>
      control(base, "POST", `jobs/${encodeURIComponent(jobId)}/status`, { status }),
    /** Gives a job a deadline on the plan's clock (null: none). */
    deadline: (jobId: string, at: Date | null) =>
      control(base, "POST", `jobs/${encodeURIComponent(jobId)}/deadline`, { at: at?.toISOString() ?? null }),
    /** Requests the simulator has received (control calls excluded). */
    requests: async () => ((await control(base, "GET", "stats")) as { total: number }).total,
    violations: async () => ((await control(base, "GET", "violations")) as { violations: unknown[] }).violations,
  };
}

/** The simulator the Worker's bindings point at. Files that inject faults use their own (`simulatorAt`). */
export const simulator = {
  faults: (faults: Record<string, unknown>) => simulatorAt(hwaUrl()).faults(faults),
  clearFaults: () => simulatorAt(hwaUrl()).clearFaults(),
  step: (seconds: number) => simulatorAt(hwaUrl()).step(seconds),
  now: () => simulatorAt(hwaUrl()).now(),
  reset: () => simulatorAt(hwaUrl()).reset(),
  forceStatus: (jobId: string, status: string) => simulatorAt(hwaUrl()).forceStatus(jobId, status),
  requests: () => simulatorAt(hwaUrl()).requests(),
  violations: () => simulatorAt(hwaUrl()).violations(),
};

/** A client with its own guard (fresh breaker), fast timeouts for tests unless overridden. */
export function testClient(
  overrides: Partial<ResilienceOptions> = {},
  credentials?: { username: string; password: string },
  baseUrl = hwaUrl(),
) {
  const guard = new UpstreamGuard({
    ...defaultResilience,
    attemptTimeoutMs: 1_000,
    deadlineMs: 3_000,
    baseBackoffMs: 10,
    maxBackoffMs: 50,
    ...overrides,
  });
  const client = new HwaClient({
    baseUrl,
    credentials: credentials ?? { username: inject("hwaUsername"), password: inject("hwaPassword") },
    guard,
    correlationId: "test-correlation",
  });
  return { client, guard };
}
