import { SELF } from "cloudflare:test";
import { expect, vi } from "vitest";
import type { RunRecord } from "../../src/runs/run-record";
import { bearer, ORIGIN } from "../helpers/accounts";

export const json = (token: string, extra: Record<string, string> = {}) => ({
  ...bearer(token),
  "Content-Type": "application/json",
  ...extra,
});

export interface WorkflowBody {
  id: number;
  name: string;
  description: string | null;
  version: number;
  status: string;
  steps: unknown[];
  created_by: string;
  created_at: string;
  updated_at: string;
  latest_run?: { run_id: string; status: string; started_at: string; finished_at: string | null } | null;
}

/** A run record as the API answers it. */
export type RunBody = RunRecord;

/** A name no other test uses. */
export const uniqueName = (prefix = "wf") => `${prefix}-${crypto.randomUUID()}`;

/** Stores a workflow through the API as `token` (an admin) and returns it. */
export async function createWorkflow(token: string, body: Record<string, unknown>): Promise<WorkflowBody> {
  const response = await SELF.fetch(`${ORIGIN}/api/v1/workflows`, {
    method: "POST",
    headers: json(token),
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`create workflow: ${response.status} ${await response.text()}`);
  return (await response.json()) as WorkflowBody;
}

/** Runs a workflow through the API as `token` (an operator) with a fresh Idempotency-Key unless one is given. */
export function runWorkflow(token: string, id: number, key: string = crypto.randomUUID()): Promise<Response> {
  return SELF.fetch(`${ORIGIN}/api/v1/workflows/${id}/runs`, {
    method: "POST",
    headers: { ...bearer(token), "Idempotency-Key": key },
  });
}

/** Reads a run through the API until it has ended (its object runs it with no request open). */
export async function runEnded(token: string, runId: string, timeout = 15_000): Promise<RunRecord> {
  return vi.waitFor(
    async () => {
      const response = await SELF.fetch(`${ORIGIN}/api/v1/runs/${runId}`, { headers: bearer(token) });
      const record = (await response.json()) as RunRecord;
      if (!["succeeded", "failed", "cancelled"].includes(record.status)) throw new Error(`still ${record.status}`);
      return record;
    },
    { timeout, interval: 100 },
  );
}

/** Starts a run (202 at once) and waits for its end. */
export async function runToEnd(token: string, id: number, key?: string): Promise<RunRecord> {
  const response = await runWorkflow(token, id, key);
  expect(response.status, await response.clone().text()).toBe(202);
  const started = (await response.json()) as RunRecord;
  expect(response.headers.get("Location")).toBe(`/api/v1/runs/${started.run_id}`);
  return runEnded(token, started.run_id);
}
