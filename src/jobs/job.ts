import { z } from "@hono/zod-openapi";
import { durationMs } from "../hwa/duration";
import type { JobInPlan } from "../hwa/schemas";
import { commonStatusOf } from "../hwa/status";

export const JobSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    job_stream: z.string().nullable(),
    job_stream_id: z.string().nullable(),
    workstation: z.string().nullable(),
    folder: z.string().nullable(),
    status: z.string().nullable().openapi({ description: "HWA internal status: HOLD, READY, EXEC, SUCC, ABEND, ..." }),
    common_status: z
      .string()
      .nullable()
      .openapi({ description: "WAITING, READY, RUNNING, SUCCESSFUL, ERROR, CANCELED, HELD, ..." }),
    return_code: z.number().int().nullable(),
    started_at: z.string().nullable(),
    ended_at: z.string().nullable(),
    duration_ms: z.number().int().nullable(),
    estimated_duration_ms: z.number().int().nullable(),
    sched_time: z.string().nullable(),
    priority: z.number().int().nullable(),
    dependencies: z.object({ total: z.number().int(), unresolved: z.number().int() }),
    run_id: z.string().nullable(),
  })
  .openapi("Job");
export type Job = z.infer<typeof JobSchema>;

type Run = NonNullable<JobInPlan["jobruns"]>[number];

/** The run the job's status describes: the last of its rerun chain. */
export function currentRun(job: JobInPlan): Run | undefined {
  const runs = job.jobruns ?? [];
  return runs.find((run) => run.lastInRerunChain) ?? runs.at(-1);
}

function durationOf(run: Run | undefined): number | null {
  const elapsed = durationMs(run?.timeInfo?.elapsedTime);
  if (elapsed !== undefined) return elapsed;
  const start = run?.timeInfo?.actualStartTime ? Date.parse(run.timeInfo.actualStartTime) : NaN;
  const end = run?.timeInfo?.actualEndTime ? Date.parse(run.timeInfo.actualEndTime) : NaN;
  return Number.isNaN(start) || Number.isNaN(end) ? null : end - start;
}

/** HWA's JobInPlanV2 in Resync's words; status and times come from the nested objects where HWA keeps them. */
export function toJob(job: JobInPlan): Job {
  const run = currentRun(job);
  const status = job.lastRunCompositeStatus?.status ?? run?.compositeStatus?.status ?? null;
  const dependencies = job.dependencies ?? [];
  const unresolved =
    job.dependenciesStats?.numberOfUnresolvedDependencies ??
    dependencies.filter((d) => d.dependencyStatus !== undefined && d.dependencyStatus !== "SATISFIED").length;
  return {
    id: job.id,
    name: job.name,
    job_stream: job.jobStreamName ?? null,
    job_stream_id: job.jobStreamId ?? null,
    workstation: job.workstation ?? null,
    folder: job.folder ?? null,
    status,
    common_status:
      commonStatusOf(status ?? undefined, {
        canceled: job.lastRunCompositeStatus?.canceled,
        reported: job.lastRunCommonStatus,
      }) ?? null,
    return_code: run?.returnCode ?? null,
    started_at: run?.timeInfo?.actualStartTime ?? null,
    ended_at: run?.timeInfo?.actualEndTime ?? null,
    duration_ms: durationOf(run),
    estimated_duration_ms: durationMs(job.jobDefinition?.estimatedDuration ?? run?.timeInfo?.estimatedDuration) ?? null,
    sched_time: job.schedTime ?? null,
    priority: job.priority ?? null,
    dependencies: { total: job.dependenciesStats?.numberOfDependencies ?? dependencies.length, unresolved },
    run_id: run?.id ?? null,
  };
}

export const JobDetailSchema = JobSchema.extend({
  task: z.unknown().optional(),
  substatus: z.string().nullable(),
  dependency_list: z.array(z.object({ type: z.string(), id: z.string().nullable(), status: z.string().nullable() })),
  runs: z.array(
    z.object({
      run_id: z.string(),
      status: z.string().nullable(),
      return_code: z.number().int().nullable(),
      started_at: z.string().nullable(),
      ended_at: z.string().nullable(),
      last_in_rerun_chain: z.boolean(),
    }),
  ),
}).openapi("JobDetail");
export type JobDetail = z.infer<typeof JobDetailSchema>;

/** A job with what it waits on and every run of its rerun chain. */
export function toJobDetail(job: JobInPlan): JobDetail {
  const current = currentRun(job);
  return {
    ...toJob(job),
    task: job.jobDefinition?.task,
    substatus: job.lastRunCompositeStatus?.substatus ?? null,
    dependency_list: (job.dependencies ?? []).map((d) => ({
      type: d.dependencyType,
      id: d.id ?? null,
      status: d.dependencyStatus ?? null,
    })),
    runs: (job.jobruns ?? []).map((run) => ({
      run_id: run.id,
      status: run.compositeStatus?.status ?? null,
      return_code: run.returnCode ?? null,
      started_at: run.timeInfo?.actualStartTime ?? null,
      ended_at: run.timeInfo?.actualEndTime ?? null,
      last_in_rerun_chain: run === current,
    })),
  };
}
