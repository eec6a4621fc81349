import type { JobDetail } from "../../jobs/job";
import type { Language } from "../understanding/types";
import { composeReply, type ReplyWith } from "./compose";
import { atText, clockText, deviationText, durationText, instant, listText, type AnswerOptions } from "./format";
import { messagesFor } from "./messages";
import { blockageData, blockageLines, blockageSuggestions, type Blockage } from "./root-cause";
import { suggest } from "./suggest";
import {
  dependencyCountText,
  failedStatuses,
  isHeldByOperator,
  jobStatusText,
  notStartedStatuses,
  runningStatuses,
  workstationWord,
} from "./words";

// "Qual o status do job PAYROLL_CALC?": where it runs, its status, its times against the estimate, what it waits on,
// and the runs of the day that failed before this one.

export type EarlierFailure = {
  run: number;
  status: string | null;
  return_code: number | null;
  ended_at: string | null;
};

export type JobStatusData = {
  id: string;
  name: string;
  job_stream: string | null;
  workstation: string | null;
  status: string | null;
  substatus: string | null;
  common_status: string | null;
  held_by_operator: boolean;
  /** Said with a hold by an operator ("HOLD, priority 0"); absent otherwise. */
  priority?: number | null;
  return_code: number | null;
  started_at: string | null;
  ended_at: string | null;
  /** Run time the text states: until the end, or until the engine's now while running. */
  duration_ms: number | null;
  estimated_duration_ms: number | null;
  sched_time: string | null;
  run_id: string | null;
  /** Runs in the rerun chain (1 = never rerun). */
  runs: number;
  /** Runs before the current one that ended in error. */
  earlier_failures: EarlierFailure[];
  /** An earlier run failed and the current one ended well. */
  recovered: boolean;
  unresolved_dependencies: { type: string; id: string | null; status: string | null }[];
  /** The chain down to what blocks the job, when something other than its own hold does. */
  root_cause: ReturnType<typeof blockageData> | null;
};

/** "Job X (stream S, estação W)". */
export function jobHeading(
  job: { name: string; job_stream: string | null; workstation?: string | null },
  language: Language,
): string {
  const where = [
    job.job_stream && `stream ${job.job_stream}`,
    job.workstation && `${workstationWord(language)} ${job.workstation}`,
  ].filter(Boolean);
  return `Job ${job.name}${where.length > 0 ? ` (${where.join(", ")})` : ""}`;
}

/** ", RC 12" once the run has ended with a return code. */
export function returnCodeText(job: {
  status: string | null;
  return_code: number | null;
  ended_at: string | null;
}): string {
  const ended = job.ended_at !== null || failedStatuses.has(job.status ?? "") || job.status === "SUCC";
  return ended && job.return_code !== null ? `, RC ${job.return_code}` : "";
}

/** How long it ran or has been running (until the engine's now); null when unknown. */
export function runTimeMs(
  job: { status: string | null; started_at: string | null; ended_at: string | null; duration_ms: number | null },
  now: Date,
): number | null {
  const start = instant(job.started_at);
  if (runningStatuses.has(job.status ?? "") && !job.ended_at && start)
    return Math.max(0, now.getTime() - start.getTime());
  if (job.duration_ms !== null) return job.duration_ms;
  const end = instant(job.ended_at);
  return start && end ? Math.max(0, end.getTime() - start.getTime()) : null;
}

function timesLine(job: JobDetail, ranMs: number | null, options: AnswerOptions): string | undefined {
  const say = messagesFor(options.language).jobStatus;
  const start = clockText(job.started_at, options);
  const end = clockText(job.ended_at, options);
  const estimate = job.estimated_duration_ms;
  const estimateText = estimate ? durationText(estimate) : undefined;
  const deviation = ranMs === null ? undefined : deviationText(ranMs, estimate);

  if (start && runningStatuses.has(job.status ?? "") && !end) {
    let running = say.running(durationText(ranMs ?? 0));
    if (estimateText && ranMs !== null && estimate && ranMs > estimate)
      running += say.overEstimate(estimateText, deviation);
    else if (estimateText) running += say.ofEstimate(estimateText);
    return `${say.started(start)}: ${running}.`;
  }
  if (start || end) {
    const parts = [start && say.started(start), end && say.ended(end)].filter(Boolean).join(", ");
    if (ranMs === null || !end) return `${parts}.`;
    const ran = say.ran(durationText(ranMs)) + (estimateText ? say.againstEstimate(estimateText, deviation) : "");
    return `${parts}: ${ran}.`;
  }
  const planned = clockText(job.sched_time, options);
  if (!planned && !estimateText) return undefined;
  const text = [planned && say.scheduled(planned), estimateText && say.estimated(estimateText)]
    .filter(Boolean)
    .join(", ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** What a job that has not started waits on, by dependency type. */
function waitsOnLine(job: JobDetail, language: Language): string | undefined {
  if (!notStartedStatuses.has(job.status ?? "")) return undefined;
  const unresolved = job.dependency_list.filter((d) => d.status !== null && d.status !== "SATISFIED");
  const count = unresolved.length > 0 ? unresolved.length : job.dependencies.unresolved;
  if (count === 0) return undefined;
  const byType = new Map<string, number>();
  for (const dependency of unresolved) byType.set(dependency.type, (byType.get(dependency.type) ?? 0) + 1);
  const detail = [...byType].map(([type, n]) => dependencyCountText(type, n, language));
  return messagesFor(language).jobStatus.waitingOn(count, detail.length > 0 ? listText(detail, language) : undefined);
}

/** The runs of the rerun chain before the current one that ended in error. */
export function earlierFailures(job: JobDetail): EarlierFailure[] {
  return job.runs.flatMap((run, i) =>
    !run.last_in_rerun_chain && failedStatuses.has(run.status ?? "")
      ? [{ run: i + 1, status: run.status, return_code: run.return_code, ended_at: run.ended_at }]
      : [],
  );
}

/** "ABEND RC 2 às 15:26". */
export function outcomeText(
  run: { status: string | null; return_code: number | null; ended_at: string | null },
  options: AnswerOptions,
): string {
  const at = atText(run.ended_at, options);
  return `${run.status ?? "?"}${run.return_code !== null ? ` RC ${run.return_code}` : ""}${at ? ` ${at}` : ""}`;
}

/** "2 execuções (1 rerun); a 1ª terminou com erro: ABEND RC 2 às 15:26; o rerun terminou com sucesso às 16:38." */
function runsLine(job: JobDetail, runs: number, failures: EarlierFailure[], options: AnswerOptions) {
  if (runs <= 1) return undefined;
  const say = messagesFor(options.language).jobStatus;
  const parts = [say.runs(runs, runs - 1)];
  if (failures.length > 0) {
    const outcomes = failures.map((failure) => outcomeText(failure, options)).join(", ");
    parts.push(
      say.earlierFailures(
        failures.map((failure) => failure.run),
        outcomes,
      ),
    );
    if (job.status === "SUCC") parts.push(say.recovered(atText(job.ended_at, options)));
  }
  return `${parts.join("; ")}.`;
}

function suggestionsFor(job: JobDetail, language: Language): string[] {
  const named = { name: job.name };
  const status = job.status ?? "";
  const stream = job.job_stream ? [suggest.jobStream(job.job_stream, language)] : [];
  if (isHeldByOperator(job))
    return [suggest.release(named, language), suggest.dependencies(named, language), ...stream];
  if (failedStatuses.has(status))
    return [suggest.jobLog(named, language), suggest.rerun(named, language), suggest.failedToday(language)];
  if (notStartedStatuses.has(status)) return [suggest.dependencies(named, language), ...stream];
  if (runningStatuses.has(status)) return [suggest.jobLog(named, language), ...stream];
  return [suggest.jobLog(named, language), ...stream, suggest.failedToday(language)];
}

/** The status of one job, from its detail in the plan; what blocks it, when something does. */
export function answerJobStatus(
  job: JobDetail,
  options: AnswerOptions & { blockage?: Blockage },
): ReplyWith<JobStatusData> {
  const { language } = options;
  // The job's own hold is said in its status; a chain is worth saying when something else is in the way.
  const blockage = options.blockage && options.blockage.chain.length > 1 ? options.blockage : undefined;
  const ranMs = runTimeMs(job, options.now);
  const runs = Math.max(job.runs.length, job.run_id ? 1 : 0);
  const failures = earlierFailures(job);
  const held = isHeldByOperator(job);
  const unresolved = job.dependency_list.filter((d) => d.status !== null && d.status !== "SATISFIED");
  const lines = [
    `${jobHeading(job, language)}: ${jobStatusText(job, language)}${returnCodeText(job)}.`,
    held && messagesFor(language).jobStatus.heldNote,
    timesLine(job, ranMs, options),
    waitsOnLine(job, language),
    ...(blockage ? blockageLines(blockage, options, messagesFor(language).dependencies.rootCause) : []),
    runsLine(job, runs, failures, options),
  ];
  const data: JobStatusData = {
    id: job.id,
    name: job.name,
    job_stream: job.job_stream,
    workstation: job.workstation,
    status: job.status,
    substatus: job.substatus,
    common_status: job.common_status,
    held_by_operator: held,
    ...(held ? { priority: job.priority } : {}),
    return_code: job.return_code,
    started_at: job.started_at,
    ended_at: job.ended_at,
    duration_ms: ranMs,
    estimated_duration_ms: job.estimated_duration_ms,
    sched_time: job.sched_time,
    run_id: job.run_id,
    runs,
    earlier_failures: failures,
    recovered: failures.length > 0 && job.status === "SUCC",
    unresolved_dependencies: unresolved.map((d) => ({ ...d })),
    root_cause: blockage ? blockageData(blockage) : null,
  };
  const next = [...(blockage ? blockageSuggestions(blockage, language) : []), ...suggestionsFor(job, language)];
  return composeReply("job_status", options, lines, data, next);
}
