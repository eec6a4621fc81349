import type { Database } from "../platform/db/client";
import type { Logger } from "../platform/observability/logger";
import { describeError } from "../platform/observability/logger";
import { metrics } from "../platform/observability/metrics";
import { ORPHANED_AFTER_MS } from "../runs/budget";
import { markOrphanedRuns } from "../runs/run-store";

const marked = metrics.counter(
  "resync_orphaned_runs_total",
  "Workflow runs the cron marked failed because they outlived their budget.",
);

/** Marks runs left "running" past their budget (their request died) as failed, so none stays running forever. */
export async function markOrphans(db: Database, log: Logger, now: Date): Promise<number | undefined> {
  try {
    const count = await markOrphanedRuns(db, new Date(now.getTime() - ORPHANED_AFTER_MS), now);
    marked.inc({}, count);
    log.info("orphaned runs marked", { marked: count });
    return count;
  } catch (error) {
    log.error("marking orphaned runs failed", describeError(error));
    return undefined;
  }
}
