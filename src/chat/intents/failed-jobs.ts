import { answerFailedJobs, type JobFailure } from "../answers/failed-jobs";
import { failedStatuses } from "../answers/words";
import { planName } from "../resolve";
import type { JobRuns, RunOutcome } from "../run-history";
import { optionsOf, type IntentHandler } from "../turn";
import { instantOfWallTime, wallTimeAt } from "../understanding/clock";

/** Midnight of today on the engine's clock: what "failed jobs" means without a time. */
function startOfToday(now: Date, timeZone: string): Date {
  return new Date(instantOfWallTime({ ...wallTimeAt(now.getTime(), timeZone), hour: 0, minute: 0 }, timeZone));
}

const at = (run: RunOutcome) => Date.parse(run.ended_at ?? run.started_at ?? "");

/** The job's failure in [from, to): its latest failed run there, how many, and whether a later run ended well. */
export function failureIn(job: JobRuns, from: number, to: number): JobFailure | undefined {
  const failed = job.runs.filter((run) => failedStatuses.has(run.status ?? "") && at(run) >= from && at(run) < to);
  const latest = failed.reduce<RunOutcome | undefined>((a, b) => (a && at(a) >= at(b) ? a : b), undefined);
  if (!latest) return undefined;
  const current = job.runs.find((run) => run.current);
  const recovered = current && current.status === "SUCC" && at(current) > at(latest);
  return {
    id: job.id,
    name: job.name,
    job_stream: job.job_stream,
    workstation: job.workstation,
    run_id: latest.run_id,
    status: latest.status,
    return_code: latest.return_code,
    started_at: latest.started_at,
    ended_at: latest.ended_at,
    times: failed.length,
    recovered: recovered ? { ended_at: current.ended_at } : null,
  };
}

/** "Quais jobs abendaram desde as 6h?": every job with a run that failed in the period, recovered ones marked. */
export const failedJobs: IntentHandler = async (turn) => {
  const { entities } = turn.understood;
  const plan = turn.facts.plan;
  const stream = planName(entities.job_stream, plan.vocabulary.jobStreams ?? []) ?? entities.job_stream;
  const since = entities.since ?? startOfToday(turn.clock.now, turn.clock.timeZone).toISOString();
  const from = Date.parse(since);
  const to = entities.until ? Date.parse(entities.until) : Number.POSITIVE_INFINITY;
  const failures = (await turn.facts.failedRuns())
    .filter((job) => !stream || job.job_stream === stream)
    .flatMap((job) => failureIn(job, from, to) ?? []);
  const question = {
    since,
    ...(entities.until ? { until: entities.until } : {}),
    ...(stream ? { jobStream: stream } : {}),
  };
  return {
    reply: answerFailedJobs(failures, question, optionsOf(turn)),
    resolved: stream ? { job_stream: stream } : {},
  };
};
