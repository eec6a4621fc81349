import { z } from "@hono/zod-openapi";
import { durationMs } from "../hwa/duration";
import type { JobStreamInPlan } from "../hwa/schemas";
import { commonStatusOf } from "../hwa/status";

export const JobStreamSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    workstation: z.string().nullable(),
    folder: z.string().nullable(),
    status: z.string().nullable(),
    common_status: z.string().nullable(),
    sched_time: z.string().nullable(),
    started_at: z.string().nullable(),
    ended_at: z.string().nullable(),
    estimated_duration_ms: z.number().int().nullable(),
    priority: z.number().int().nullable(),
    jobs: z.object({
      total: z.number().int().nullable(),
      successful: z.number().int().nullable(),
      running: z.number().int().nullable(),
      abended: z.number().int().nullable(),
      not_running: z.number().int().nullable(),
    }),
    dependencies: z.object({ total: z.number().int(), unresolved: z.number().int() }),
  })
  .openapi("JobStream");
export type JobStream = z.infer<typeof JobStreamSchema>;

export function toJobStream(stream: JobStreamInPlan): JobStream {
  const status = stream.compositeStatus?.status ?? null;
  const stats = stream.jobStreamStats;
  return {
    id: stream.id,
    name: stream.name,
    workstation: stream.workstation ?? null,
    folder: stream.folder ?? null,
    status,
    common_status:
      commonStatusOf(status ?? undefined, {
        canceled: stream.compositeStatus?.canceled,
        reported: stream.commonStatus,
      }) ?? null,
    sched_time: stream.schedTime ?? null,
    started_at: stream.timeInfo?.actualStartTime ?? null,
    ended_at: stream.timeInfo?.actualEndTime ?? null,
    estimated_duration_ms: durationMs(stream.timeInfo?.estimatedDuration) ?? null,
    priority: stream.priority ?? null,
    jobs: {
      total: stats?.numberOfJob ?? null,
      successful: stats?.numberOfSuccessfullJob ?? null,
      running: stats?.numberOfExecutingJob ?? null,
      abended: stats?.numberOfAbendedJob ?? null,
      not_running: stats?.numberOfNotRunningJob ?? null,
    },
    dependencies: {
      total: stream.dependenciesStats?.numberOfDependencies ?? 0,
      unresolved: stream.dependenciesStats?.numberOfUnresolvedDependencies ?? 0,
    },
  };
}
