import type { JobDetail } from "../../jobs/job";
import type { Language } from "../understanding/types";
import { composeReply, type ReplyWith } from "./compose";
import { clockText, deviationText, durationText, instant, listText, type AnswerOptions } from "./format";
import { suggest } from "./suggest";
import {
  dependencyCountText,
  failedStatuses,
  notStartedStatuses,
  runningStatuses,
  statusText,
  workstationWord,
} from "./words";

// "Qual o status do job PAYROLL_CALC?": where it runs, its status, its times against the estimate, what it waits on.

export type JobStatusData = {
  id: string;
  name: string;
  job_stream: string | null;
  workstation: string | null;
  status: string | null;
  substatus: string | null;
  common_status: string | null;
  return_code: number | null;
  started_at: string | null;
  ended_at: string | null;
  /** Run time the text states: until the end, or until `now` while running. */
  duration_ms: number | null;
  estimated_duration_ms: number | null;
  sched_time: string | null;
  run_id: string | null;
  /** Runs in the rerun chain (1 = never rerun). */
  runs: number;
  unresolved_dependencies: { type: string; id: string | null; status: string | null }[];
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

/** How long it ran or has been running; null when unknown. */
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
  const pt = options.language === "pt";
  const start = clockText(job.started_at, options);
  const end = clockText(job.ended_at, options);
  const estimate = job.estimated_duration_ms;
  const estimateText = estimate ? durationText(estimate) : undefined;
  const deviation = ranMs === null ? undefined : deviationText(ranMs, estimate);

  if (start && runningStatuses.has(job.status ?? "") && !end) {
    let running = pt ? `em execução há ${durationText(ranMs ?? 0)}` : `running for ${durationText(ranMs ?? 0)}`;
    if (estimateText && ranMs !== null && estimate && ranMs > estimate) {
      running += pt
        ? `, acima da estimativa de ${estimateText} (${deviation})`
        : `, over its ${estimateText} estimate (${deviation})`;
    } else if (estimateText) {
      running += pt ? ` de ~${estimateText} estimados` : ` of ~${estimateText} estimated`;
    }
    return pt ? `Início ${start}: ${running}.` : `Started ${start}: ${running}.`;
  }
  if (start || end) {
    const parts = [start && (pt ? `Início ${start}` : `Started ${start}`), end && (pt ? `fim ${end}` : `ended ${end}`)]
      .filter(Boolean)
      .join(", ");
    if (ranMs === null || !end) return `${parts}.`;
    let ran = pt ? `levou ${durationText(ranMs)}` : `ran ${durationText(ranMs)}`;
    if (estimateText)
      ran += pt
        ? `, estimativa ${estimateText} (${deviation})`
        : ` against an estimate of ${estimateText} (${deviation})`;
    return `${parts}: ${ran}.`;
  }
  const planned = clockText(job.sched_time, options);
  if (!planned && !estimateText) return undefined;
  const plan = [
    planned && (pt ? `Início previsto ${planned}` : `Scheduled for ${planned}`),
    estimateText && (pt ? `estimativa ${estimateText}` : `estimated ${estimateText}`),
  ];
  const text = plan.filter(Boolean).join(", ");
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
  const pt = language === "pt";
  const head = pt
    ? `Aguarda ${count} ${count === 1 ? "dependência não resolvida" : "dependências não resolvidas"}`
    : `Waiting on ${count} unresolved ${count === 1 ? "dependency" : "dependencies"}`;
  return detail.length > 0 ? `${head}: ${listText(detail, language)}.` : `${head}.`;
}

function runsLine(runs: number, language: Language): string | undefined {
  if (runs <= 1) return undefined;
  const reruns = runs - 1;
  return language === "pt"
    ? `${runs} execuções (${reruns} ${reruns === 1 ? "rerun" : "reruns"}).`
    : `${runs} runs (${reruns} ${reruns === 1 ? "rerun" : "reruns"}).`;
}

function suggestionsFor(job: JobDetail, language: Language): string[] {
  const named = { name: job.name };
  const status = job.status ?? "";
  const stream = job.job_stream ? [suggest.jobStream(job.job_stream, language)] : [];
  if (failedStatuses.has(status))
    return [suggest.jobLog(named, language), suggest.rerun(named, language), suggest.failedToday(language)];
  if (notStartedStatuses.has(status)) return [suggest.dependencies(named, language), ...stream];
  if (runningStatuses.has(status)) return [suggest.jobLog(named, language), ...stream];
  return [suggest.jobLog(named, language), ...stream, suggest.failedToday(language)];
}

/** The status of one job, from its detail in the plan. */
export function answerJobStatus(job: JobDetail, options: AnswerOptions): ReplyWith<JobStatusData> {
  const { language } = options;
  const ranMs = runTimeMs(job, options.now);
  const runs = Math.max(job.runs.length, job.run_id ? 1 : 0);
  const unresolved = job.dependency_list.filter((d) => d.status !== null && d.status !== "SATISFIED");
  const lines = [
    `${jobHeading(job, language)}: ${statusText(job.status, job.substatus, language)}${returnCodeText(job)}.`,
    timesLine(job, ranMs, options),
    waitsOnLine(job, language),
    runsLine(runs, language),
  ];
  const data: JobStatusData = {
    id: job.id,
    name: job.name,
    job_stream: job.job_stream,
    workstation: job.workstation,
    status: job.status,
    substatus: job.substatus,
    common_status: job.common_status,
    return_code: job.return_code,
    started_at: job.started_at,
    ended_at: job.ended_at,
    duration_ms: ranMs,
    estimated_duration_ms: job.estimated_duration_ms,
    sched_time: job.sched_time,
    run_id: job.run_id,
    runs,
    unresolved_dependencies: unresolved.map((d) => ({ ...d })),
  };
  return composeReply("job_status", options, lines, data, suggestionsFor(job, language));
}
