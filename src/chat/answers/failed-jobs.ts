import type { Job } from "../../jobs/job";
import type { Language } from "../understanding/types";
import { composeReply, type ReplyWith } from "./compose";
import { clockText, instant, sinceText, type AnswerOptions } from "./format";
import { quoteWritten } from "./names";
import { suggest } from "./suggest";
import { failedStatuses } from "./words";

// "Quais jobs abendaram desde as 6h?": the failures grouped by job stream, the latest first.

export type FailedJob = {
  id: string;
  name: string;
  status: string | null;
  return_code: number | null;
  ended_at: string | null;
  workstation: string | null;
  run_id: string | null;
};

export type FailedJobsData = {
  /** The start of the period (ISO), null when the question's was unreadable. */
  since: string | null;
  /** The end of the period ("ontem": today 00:00), null when open. */
  until: string | null;
  job_stream: string | null;
  total: number;
  groups: { job_stream: string | null; count: number; jobs: FailedJob[] }[];
};

export interface FailedJobsQuestion {
  /** The start of the period asked about (ISO 8601). */
  since: string;
  /** The end of the period, when the question closed it ("ontem", "yesterday"). */
  until?: string;
  /** The job stream the question named, as written. */
  jobStream?: string;
}

/** Jobs listed in the text; `data` has all of them. */
const MAX_SHOWN = 20;

const endOf = (job: Job) => instant(job.ended_at)?.getTime() ?? instant(job.started_at)?.getTime() ?? 0;
const isFailed = (job: Job) => failedStatuses.has(job.status ?? "") || job.common_status === "ERROR";

function entryText(job: Job, options: AnswerOptions): string {
  const outcome =
    job.status === "ABEND" && job.return_code !== null ? `RC ${job.return_code}` : (job.status ?? "ERROR");
  const at = clockText(job.ended_at ?? job.started_at, options);
  return `${job.name} (${outcome}${at ? `, ${at}` : ""})`;
}

function noStreamWord(language: Language) {
  return language === "pt" ? "(sem stream)" : "(no stream)";
}

/** The failed jobs since a moment, grouped by job stream; the text lists at most 20. */
export function answerFailedJobs(
  jobs: readonly Job[],
  question: FailedJobsQuestion,
  options: AnswerOptions,
): ReplyWith<FailedJobsData> {
  const { language } = options;
  const pt = language === "pt";
  const stream = question.jobStream ? quoteWritten(question.jobStream) : null;
  // `since` comes from the understanding as ISO; anything else is neither echoed nor stated.
  const sinceAt = instant(question.since);
  const since = sinceText(sinceAt, options);
  const untilAt = instant(question.until);
  const until = sinceText(untilAt, options);
  const period = since
    ? until
      ? pt
        ? ` entre ${since} e ${until}`
        : ` between ${since} and ${until}`
      : pt
        ? ` desde ${since}`
        : ` since ${since}`
    : "";
  const failed = jobs.filter(isFailed).sort((a, b) => endOf(b) - endOf(a));

  const groups = new Map<string | null, Job[]>();
  for (const job of failed) {
    const group = groups.get(job.job_stream);
    if (group) group.push(job);
    else groups.set(job.job_stream, [job]);
  }
  const data: FailedJobsData = {
    since: sinceAt?.toISOString() ?? null,
    until: untilAt?.toISOString() ?? null,
    job_stream: stream,
    total: failed.length,
    groups: [...groups].map(([jobStream, members]) => ({
      job_stream: jobStream,
      count: members.length,
      jobs: members.map((job) => ({
        id: job.id,
        name: job.name,
        status: job.status,
        return_code: job.return_code,
        ended_at: job.ended_at,
        workstation: job.workstation,
        run_id: job.run_id,
      })),
    })),
  };

  const ofStream = stream ? (pt ? ` do stream ${stream}` : ` in stream ${stream}`) : "";
  if (failed.length === 0) {
    const line = pt ? `Nenhum job${ofStream} falhou${period}.` : `No job${ofStream} has failed${period}.`;
    const next = stream
      ? [suggest.jobStream(stream, language), suggest.workstations(language)]
      : [suggest.workstations(language), suggest.help(language)];
    return composeReply("failed_jobs", options, [line], data, next);
  }

  const jobsWord = failed.length === 1 ? "job" : "jobs";
  const streamsCount = groups.size;
  const head = pt
    ? `${failed.length} ${jobsWord}${ofStream} ${failed.length === 1 ? "falhou" : "falharam"}${period}${stream ? "" : `, em ${streamsCount} ${streamsCount === 1 ? "stream" : "streams"}`}:`
    : `${failed.length} ${jobsWord}${ofStream} failed${period}${stream ? "" : `, in ${streamsCount} ${streamsCount === 1 ? "stream" : "streams"}`}:`;
  const lines = [head];
  let shown = 0;
  for (const [jobStream, members] of groups) {
    if (shown >= MAX_SHOWN) break;
    const listed = members.slice(0, MAX_SHOWN - shown);
    shown += listed.length;
    lines.push(
      `${jobStream ?? noStreamWord(language)} (${members.length}): ${listed.map((job) => entryText(job, options)).join("; ")}`,
    );
  }
  if (failed.length > shown) {
    const more = failed.length - shown;
    lines.push(
      pt ? `e mais ${more} ${more === 1 ? "job" : "jobs"}.` : `and ${more} more ${more === 1 ? "job" : "jobs"}.`,
    );
  }

  const latest = failed[0]!;
  const next = [suggest.jobLog({ name: latest.name }, language), suggest.rerun({ name: latest.name }, language)];
  if (latest.job_stream) next.push(suggest.jobStream(latest.job_stream, language));
  return composeReply("failed_jobs", options, lines, data, next);
}
