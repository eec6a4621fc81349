import { inArray, lt, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Config } from "../platform/env/config";
import type { Database } from "../platform/db/client";
import { auditEvents, workflowRuns } from "../platform/db/schema";
import type { Logger } from "../platform/observability/logger";
import { describeError } from "../platform/observability/logger";
import { metrics } from "../platform/observability/metrics";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionLimits {
  /** Rows deleted per statement, so no statement holds the write lock for long. Default 500. */
  batchSize?: number;
  /** Statements per job per run; what is left waits for the next run. Default 200. */
  maxBatches?: number;
}

const deleted = metrics.counter("resync_retention_deleted_total", "Rows removed by retention, by job.");
const failures = metrics.counter("resync_retention_failures_total", "Retention jobs that failed, by job.");

/** Deletes rows whose time column is before `cutoff`, in bounded batches; returns how many went. */
async function purgeBefore(
  db: Database,
  table: SQLiteTable,
  key: SQLiteColumn,
  time: SQLiteColumn,
  cutoff: Date,
  { batchSize = 500, maxBatches = 200 }: RetentionLimits,
): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const old: SQL = lt(time, cutoff);
    const victims = db.select({ key }).from(table).where(old).limit(batchSize);
    const result = await db.delete(table).where(inArray(key, victims));
    total += result.rowsAffected;
    if (result.rowsAffected < batchSize) break;
  }
  return total;
}

export interface RetentionReport {
  deleted: Record<string, number>;
  failed: string[];
}

/** Runs every retention job; one job's failure is logged and counted and does not stop the others. */
export async function runRetention(
  db: Database,
  config: Config,
  log: Logger,
  now = new Date(),
  limits: RetentionLimits = {},
): Promise<RetentionReport> {
  const jobs = [
    {
      name: "audit_events",
      table: auditEvents,
      key: auditEvents.id,
      time: auditEvents.at,
      days: config.AUDIT_RETENTION_DAYS,
    },
    {
      name: "workflow_runs",
      table: workflowRuns,
      key: workflowRuns.id,
      time: workflowRuns.startedAt,
      days: config.RUN_RETENTION_DAYS,
    },
  ];
  const report: RetentionReport = { deleted: {}, failed: [] };
  for (const job of jobs) {
    const cutoff = new Date(now.getTime() - job.days * DAY_MS);
    try {
      const count = await purgeBefore(db, job.table, job.key, job.time, cutoff, limits);
      report.deleted[job.name] = count;
      deleted.inc({ job: job.name }, count);
      log.info("retention done", { job: job.name, deleted: count, cutoff: cutoff.toISOString() });
    } catch (error) {
      report.failed.push(job.name);
      failures.inc({ job: job.name });
      log.error("retention failed", { job: job.name, ...describeError(error) });
    }
  }
  return report;
}
