import { inject } from "vitest";
import { HwaClient } from "../../src/hwa/client";
import { defaultResilience, UpstreamGuard, type ResilienceOptions } from "../../src/hwa/resilience";

export const hwaUrl = () => inject("hwaUrl");

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${hwaUrl()}/__control/${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator control ${method} ${path}: ${response.status}`);
  return response.json();
}

/** The simulator's fault injection (see dev/hwa-simulator). */
export const simulator = {
  faults: (faults: Record<string, unknown>) => control("POST", "faults", faults),
  clearFaults: () => control("DELETE", "faults"),
  step: (seconds: number) => control("POST", "clock/step", { seconds }),
  reset: () => control("POST", "reset"),
  forceStatus: (jobId: string, status: string) => control("POST", `jobs/${encodeURIComponent(jobId)}/status`, { status }),
  /** Requests the simulator has received (control calls excluded). */
  requests: async () => ((await control("GET", "stats")) as { total: number }).total,
  violations: async () => ((await control("GET", "violations")) as { violations: unknown[] }).violations,
};

/** A client with its own guard (fresh breaker), fast timeouts for tests unless overridden. */
export function testClient(overrides: Partial<ResilienceOptions> = {}, credentials?: { username: string; password: string }) {
  const guard = new UpstreamGuard({ ...defaultResilience, attemptTimeoutMs: 1_000, deadlineMs: 3_000, baseBackoffMs: 10, maxBackoffMs: 50, ...overrides });
  const client = new HwaClient({
    baseUrl: hwaUrl(),
    credentials: credentials ?? { username: inject("hwaUsername"), password: inject("hwaPassword") },
    guard,
    correlationId: "test-correlation",
  });
  return { client, guard };
}
