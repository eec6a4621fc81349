import type { Context } from "hono";
import { hwa } from "../hwa/connection";
import { HwaError } from "../hwa/errors";
import { audit } from "../platform/audit/writer";
import { invalidateJob } from "../platform/cache";
import type { AppEnv } from "../platform/http/app-env";
import { Problem } from "../platform/http/problem";
import { refusal, type JobActionName } from "./action-rules";
import { currentRun, toJob } from "./job";

export { jobActionNames, type JobActionName } from "./action-rules";

export interface JobActionResult {
  action: JobActionName;
  job_id: string;
  accepted: true;
  /** What HWA answered: the job's id and URL, or the new run's for a rerun. */
  hwa: { id: string | null; url: string | null };
}

/**
 * One operator action on one job in HWA: read the job fresh, refuse (409) what HWA would refuse in its status,
 * act (a rerun acts on the current run), audit the outcome and forget cached reads of the job, its stream and lists.
 * HWA failures propagate as HwaError. Shared by the job-actions route and the workflow runner.
 */
export async function performJobAction(
  c: Context<AppEnv>,
  jobId: string,
  action: JobActionName,
  options: { reason?: string } = {},
): Promise<JobActionResult> {
  const actor = c.get("identity")?.username ?? "system";
  const record = (outcome: "success" | "failure" | "denied", metadata: Record<string, unknown>) =>
    void audit(c, {
      actor,
      action: `job.${action}`,
      target: jobId,
      outcome,
      metadata: { ...metadata, ...(options.reason ? { reason: options.reason } : {}) },
    });

  const client = hwa(c);
  let job: Awaited<ReturnType<typeof client.job>>;
  try {
    job = await client.job(jobId);
  } catch (error) {
    record("failure", { error: describe(error) });
    throw error;
  }
  const { name, status, job_stream_id } = toJob(job);
  const runId = currentRun(job)?.id;
  const refused =
    refusal({ name, id: jobId }, status, action) ??
    (action === "rerun" && !runId ? `Job ${name} (${jobId}) has no run to rerun` : undefined);
  if (refused) {
    record("denied", { job_name: name, status, error: refused });
    throw new Problem({ status: 409, kind: "job-action-not-allowed", detail: refused });
  }
  try {
    const answer = action === "rerun" ? await client.rerun(runId!) : await client.jobAction(jobId, action);
    const result: JobActionResult = {
      action,
      job_id: jobId,
      accepted: true,
      hwa: { id: answer.id ?? null, url: answer.url ?? null },
    };
    record("success", { job_name: name, status_before: status, run_id: runId ?? null, hwa: answer });
    return result;
  } catch (error) {
    record("failure", { job_name: name, status_before: status, run_id: runId ?? null, error: describe(error) });
    throw error;
  } finally {
    // Whatever HWA answered, the job may have changed: never show a cached status from before the attempt.
    await invalidateJob(c, { jobId, jobStreamId: job_stream_id }).catch((error) =>
      c.get("log")?.warn("cache invalidation failed", { error: String(error) }),
    );
  }
}

function describe(error: unknown): string {
  if (error instanceof HwaError) return `${error.failure}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
