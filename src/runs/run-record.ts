import { runStatuses, type workflowRuns } from "../platform/db/schema";
import type { Actor } from "../platform/scope/scope";
import type { Step } from "../workflows/steps";

// A workflow run as its WorkflowRun Durable Object keeps it, and as the API shows it.

export { runStatuses };
export type RunStatus = (typeof runStatuses)[number];
export const finalStatuses: readonly RunStatus[] = ["succeeded", "failed", "cancelled"];

/** One step's outcome, as the run record shows it. */
export interface StepOutcome {
  index: number;
  action: string;
  job: string;
  /** The engine the step acted on (absent on runs started before engines). */
  engine?: string;
  status: "succeeded" | "failed" | "cancelled";
  started_at: string;
  finished_at: string;
  /** What HWA answered: the job id acted on and, for actions, HWA's own answer. */
  hwa?: Record<string, unknown>;
  error?: string;
}

/** The record of API.md: what `GET /api/v1/runs/{run_id}` answers. */
export interface RunRecord {
  run_id: string;
  workflow_id: number;
  workflow_version: number;
  status: RunStatus;
  started_at: string;
  finished_at: string | null;
  requested_by: string;
  /** The engine the run was started on: its steps act there unless they name another (null before engines). */
  engine: string | null;
  steps: StepOutcome[];
  error?: string;
}

/** The step in progress: recorded before it runs, so a restarted object knows where it was. */
export interface CurrentStep {
  index: number;
  startedAt: number;
  /** The HWA id the step's job reference resolved to. */
  jobId?: string;
  /** Status reads a wait-for-status step has made so far. */
  polls: number;
}

/** Everything the object keeps for one run. */
export interface RunState {
  runId: string;
  workflowId: number;
  workflowVersion: number;
  steps: Step[];
  /** The run's engine: steps that name none act there (absent on runs started before engines: the default). */
  engine?: string;
  requestedBy: Actor;
  correlationId: string;
  traceparent?: string;
  status: RunStatus;
  /** When the run was accepted; its budget counts from here. */
  startedAt: number;
  deadline: number;
  finishedAt?: number;
  error?: string;
  outcomes: StepOutcome[];
  current?: CurrentStep;
  /** Since when the run waits between steps for maintenance to end (its budget does not run meanwhile). */
  pausedAt?: number;
  /** Who asked to cancel, and when: the run stops before its next step. */
  cancel?: { by: string; at: number };
  /** The libSQL copy is up to date, and the outcome is audited: nothing is left to do. */
  mirrored: boolean;
  audited: boolean;
}

export function isFinal(status: RunStatus): boolean {
  return finalStatuses.includes(status);
}

export function recordOf(state: RunState): RunRecord {
  return {
    run_id: state.runId,
    workflow_id: state.workflowId,
    workflow_version: state.workflowVersion,
    status: state.status,
    started_at: new Date(state.startedAt).toISOString(),
    finished_at: state.finishedAt === undefined ? null : new Date(state.finishedAt).toISOString(),
    requested_by: state.requestedBy.username,
    engine: state.engine ?? null,
    steps: state.outcomes,
    ...(state.error ? { error: state.error } : {}),
  };
}

/** A run as libSQL holds it (the object's mirror), in the API's words. */
export function recordOfRow(row: typeof workflowRuns.$inferSelect): RunRecord {
  return {
    run_id: row.id,
    workflow_id: row.workflowId,
    workflow_version: row.workflowVersion,
    status: row.status,
    started_at: row.startedAt.toISOString(),
    finished_at: row.finishedAt?.toISOString() ?? null,
    requested_by: row.requestedBy,
    engine: row.engine,
    steps: row.steps as StepOutcome[],
    ...(row.error ? { error: row.error } : {}),
  };
}
