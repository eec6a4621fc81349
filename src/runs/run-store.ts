import { and, desc, eq, inArray, lt } from "drizzle-orm";
import type { Database } from "../platform/db/client";
import { workflowRuns } from "../platform/db/schema";

/** One step's outcome, as the run record shows it. */
export interface StepOutcome {
  index: number;
  action: string;
  job: string;
  status: "succeeded" | "failed";
  started_at: string;
  finished_at: string;
  /** What HWA answered: the job id acted on and, for actions, HWA's own answer. */
  hwa?: Record<string, unknown>;
  error?: string;
}

export type RunRow = typeof workflowRuns.$inferSelect;

export interface RunRecord {
  run_id: string;
  workflow_id: number;
  workflow_version: number;
  status: "running" | "succeeded" | "failed";
  started_at: string;
  finished_at: string | null;
  requested_by: string;
  steps: StepOutcome[];
  error?: string;
}

export const ORPHANED = "orphaned: the run did not finish within its time budget";

export function recordOf(row: RunRow): RunRecord {
  return {
    run_id: row.id,
    workflow_id: row.workflowId,
    workflow_version: row.workflowVersion,
    status: row.status,
    started_at: row.startedAt.toISOString(),
    finished_at: row.finishedAt?.toISOString() ?? null,
    requested_by: row.requestedBy,
    steps: row.steps as StepOutcome[],
    ...(row.error ? { error: row.error } : {}),
  };
}

export async function startRun(
  db: Database,
  run: {
    id: string;
    workflowId: number;
    workflowVersion: number;
    requestedBy: string;
    correlationId?: string;
    startedAt: Date;
  },
): Promise<void> {
  await db.insert(workflowRuns).values({ ...run, status: "running", steps: [] });
}

/** Saves the steps done so far while the run is still running, so a run cut short shows how far it got. */
export async function saveProgress(db: Database, id: string, steps: StepOutcome[]): Promise<void> {
  await db
    .update(workflowRuns)
    .set({ steps })
    .where(and(eq(workflowRuns.id, id), eq(workflowRuns.status, "running")));
}

export async function finishRun(
  db: Database,
  id: string,
  outcome: { status: "succeeded" | "failed"; steps: StepOutcome[]; error?: string; finishedAt: Date },
): Promise<RunRow | undefined> {
  const [row] = await db
    .update(workflowRuns)
    .set({ status: outcome.status, steps: outcome.steps, error: outcome.error ?? null, finishedAt: outcome.finishedAt })
    .where(eq(workflowRuns.id, id))
    .returning();
  return row;
}

export async function findRun(db: Database, id: string): Promise<RunRow | undefined> {
  const [row] = await db.select().from(workflowRuns).where(eq(workflowRuns.id, id));
  return row;
}

export function runsOf(db: Database, workflowId: number, limit: number): Promise<RunRow[]> {
  return db
    .select()
    .from(workflowRuns)
    .where(eq(workflowRuns.workflowId, workflowId))
    .orderBy(desc(workflowRuns.startedAt))
    .limit(limit);
}

/**
 * Runs still "running" that started before `startedBefore` outlived the run budget, so the request that ran
 * them is gone: they are marked failed ("orphaned"), one bounded batch per statement. Returns how many.
 */
export async function markOrphanedRuns(
  db: Database,
  startedBefore: Date,
  now: Date,
  { batchSize = 500, maxBatches = 20 } = {},
): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const stale = and(eq(workflowRuns.status, "running"), lt(workflowRuns.startedAt, startedBefore));
    const victims = db.select({ id: workflowRuns.id }).from(workflowRuns).where(stale).limit(batchSize);
    const result = await db
      .update(workflowRuns)
      .set({ status: "failed", finishedAt: now, error: ORPHANED })
      .where(and(inArray(workflowRuns.id, victims), eq(workflowRuns.status, "running")));
    total += result.rowsAffected;
    if (result.rowsAffected < batchSize) break;
  }
  return total;
}
