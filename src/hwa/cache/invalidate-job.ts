import type { Scope } from "../../platform/scope/scope";
import { cacheKeys } from "./keys";
import { invalidate } from "./read";

/** After an action on a job: the job, its logs, its stream, and every job and job-stream list it may appear in. */
export function invalidateJob(scope: Scope, job: { jobId: string; jobStreamId?: string | null }): Promise<void> {
  const targets = [
    cacheKeys.job(job.jobId),
    cacheKeys.jobLogs(job.jobId),
    cacheKeys.allJobLists(),
    cacheKeys.allJobStreamLists(),
  ];
  if (job.jobStreamId) targets.push(cacheKeys.jobStream(job.jobStreamId));
  return invalidate(scope, targets);
}
