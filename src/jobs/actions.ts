import { enginePath } from "../engines/links";
import { invalidateJob } from "../hwa/cache";
import { hwa } from "../hwa/connection";
import { HwaError } from "../hwa/errors";
import { audit, auditOutcome, type AuditOutcome } from "../platform/audit/writer";
import { describeError } from "../platform/observability/logger";
import { Problem } from "../platform/http/problem";
import type { Scope } from "../platform/scope/scope";
import { refusal, type JobActionName } from "./action-rules";
import { currentRun, toJob } from "./job";

export { jobActionNames, type JobActionName } from "./action-rules";

export interface JobActionResult {
  action: JobActionName;
  job_id: string;
  accepted: true;
  /**
   * What HWA answered: the job's id, or the new run's for a rerun; `url` is where Resync shows it (HWA's own URL
   * names its internal host and is never passed on).
   */
  hwa: { id: string | null; url: string | null };
}

/**
 * One operator action on one job in HWA: queue its `attempt` event (503, and HWA untouched, when that fails), read
 * the job fresh, refuse (409) what HWA would refuse in its status, act (a rerun acts on the current run), queue the
 * outcome and forget cached reads of the job, its stream and lists. HWA failures propagate as HwaError. Shared by
 * the job-actions route, the chat and the workflow runs.
 */
export async function performJobAction(
  scope: Scope,
  jobId: string,
  action: JobActionName,
  options: { reason?: string } = {},
): Promise<JobActionResult> {
  const event = (outcome: AuditOutcome, metadata: Record<string, unknown> = {}) => ({
    action: `job.${action}`,
    target: jobId,
    outcome,
    metadata: {
      ...metadata,
      ...(scope.engine && !scope.engine.sole ? { engine: scope.engine.name } : {}),
      ...(options.reason ? { reason: options.reason } : {}),
    },
  });
  const record = (outcome: AuditOutcome, metadata: Record<string, unknown>) =>
    auditOutcome(scope, event(outcome, metadata));

  await audit(scope, event("attempt"));
  const client = hwa(scope);
  let job: Awaited<ReturnType<typeof client.job>>;
  try {
    job = await client.job(jobId);
  } catch (error) {
    await record("failure", failureOf(error));
    throw error;
  }
  const { name, status, job_stream_id } = toJob(job);
  const runId = currentRun(job)?.id;
  const refused =
    refusal({ name, id: jobId }, status, action) ??
    (action === "rerun" && !runId ? `Job ${name} (${jobId}) has no run to rerun` : undefined);
  if (refused) {
    await record("denied", { job_name: name, status, error: refused });
    throw new Problem({ status: 409, kind: "job-action-not-allowed", detail: refused });
  }
  try {
    const answer = action === "rerun" ? await client.rerun(runId!) : await client.jobAction(jobId, action);
    const result: JobActionResult = {
      action,
      job_id: jobId,
      accepted: true,
      hwa: { id: answer.id ?? null, url: resyncUrlOf(scope, jobId, action === "rerun" ? answer.id : undefined) },
    };
    await record("success", {
      job_name: name,
      status_before: status,
      run_id: runId ?? null,
      hwa: { id: answer.id ?? null },
    });
    return result;
  } catch (error) {
    await record("failure", {
      job_name: name,
      status_before: status,
      run_id: runId ?? null,
      ...failureOf(error),
    });
    throw error;
  } finally {
    // Whatever HWA answered, the job may have changed: never show a cached status from before the attempt.
    await invalidateJob(scope, { jobId, jobStreamId: job_stream_id }).catch((error) =>
      scope.log.warn("cache invalidation failed", { error: String(error) }),
    );
  }
}

/** The job in Resync's API (on its engine), or the log of the run a rerun started. */
function resyncUrlOf(scope: Scope, jobId: string, newRunId: string | null | undefined): string {
  const job = enginePath(scope, `/api/v1/jobs/${encodeURIComponent(jobId)}`);
  return newRunId ? `${job}/log?run_id=${encodeURIComponent(newRunId)}` : job;
}

/** What the audit keeps of a failed action: HWA's failure in our words and its message code, else the error's kind. */
function failureOf(error: unknown): Record<string, unknown> {
  if (!(error instanceof HwaError)) return describeError(error);
  return { failure: error.failure, error: error.message, ...(error.code ? { hwa_code: error.code } : {}) };
}
