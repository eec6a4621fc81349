import { desc, eq, sql } from "drizzle-orm";
import type { Database } from "../platform/db/client";
import { workflowRuns } from "../platform/db/schema";
import { MAX_ACTIVE_RUNS_PER_USER } from "./budget";
import type { RunRecord } from "./run-record";

export type RunRow = typeof workflowRuns.$inferSelect;

/**
 * Records a new run as queued unless its user already has `MAX_ACTIVE_RUNS_PER_USER` queued or running: one
 * statement, so concurrent starts cannot exceed the limit. False when the limit refused it.
 */
export async function admitRun(
  db: Database,
  run: {
    id: string;
    workflowId: number;
    workflowVersion: number;
    requestedBy: string;
    engine: string;
    correlationId: string;
    startedAt: Date;
  },
): Promise<boolean> {
  const result = await db.run(sql`
    INSERT INTO ${workflowRuns} (id, workflow_id, workflow_version, status, requested_by, engine, correlation_id, steps, started_at)
    SELECT ${run.id}, ${run.workflowId}, ${run.workflowVersion}, 'queued', ${run.requestedBy}, ${run.engine}, ${run.correlationId}, '[]',
           ${run.startedAt.getTime()}
    WHERE (SELECT count(*) FROM ${workflowRuns}
           WHERE requested_by = ${run.requestedBy} AND status IN ('queued', 'running')) < ${MAX_ACTIVE_RUNS_PER_USER}`);
  return result.rowsAffected === 1;
}

/** Copies the object's record of a run into libSQL, where lists and reads find it. */
export async function mirrorRun(db: Database, record: RunRecord): Promise<void> {
  await db
    .update(workflowRuns)
    .set({
      status: record.status,
      steps: record.steps,
      error: record.error ?? null,
      finishedAt: record.finished_at === null ? null : new Date(record.finished_at),
    })
    .where(eq(workflowRuns.id, record.run_id));
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
