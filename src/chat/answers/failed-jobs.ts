import { composeReply, type ReplyWith } from "./compose";
import { atText, clockText, instant, sinceText, type AnswerOptions } from "./format";
import { messagesFor } from "./messages";
import { quoteWritten } from "./names";
import { suggest } from "./suggest";

// "Quais jobs abendaram desde as 6h?": the jobs that failed in the period grouped by job stream, the latest first,
// those an operator reran successfully since marked as recovered.

/** One job that failed in the period: its latest failed run there, and what became of it. */
export interface JobFailure {
  id: string;
  name: string;
  job_stream: string | null;
  workstation: string | null;
  /** The failed run. */
  run_id: string | null;
  status: string | null;
  return_code: number | null;
  started_at: string | null;
  ended_at: string | null;
  /** Failed runs of this job in the period. */
  times: number;
  /** A later run ended well: when. */
  recovered: { ended_at: string | null } | null;
}

export type FailedJobsData = {
  /** The start of the period (ISO), null when the question's was unreadable. */
  since: string | null;
  /** The end of the period ("ontem": today 00:00), null when open. */
  until: string | null;
  job_stream: string | null;
  total: number;
  recovered: number;
  groups: { job_stream: string | null; count: number; jobs: JobFailure[] }[];
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

const endOf = (job: JobFailure) => instant(job.ended_at)?.getTime() ?? instant(job.started_at)?.getTime() ?? 0;

function entryText(job: JobFailure, options: AnswerOptions): string {
  const say = messagesFor(options.language).failed;
  const outcome =
    job.status === "ABEND" && job.return_code !== null ? `RC ${job.return_code}` : (job.status ?? "ERROR");
  const at = clockText(job.ended_at ?? job.started_at, options);
  const notes = [
    `${outcome}${at ? `, ${at}` : ""}`,
    job.times > 1 && say.times(job.times),
    job.recovered && say.recovered(atText(job.recovered.ended_at, options)),
  ].filter(Boolean);
  return `${job.name} (${notes.join("; ")})`;
}

const today = /^\d\d:\d\d$/;

function periodText(question: FailedJobsQuestion, options: AnswerOptions): string {
  const say = messagesFor(options.language).failed;
  const since = sinceText(instant(question.since), options);
  if (!since) return "";
  const untilAt = instant(question.until);
  if (!untilAt) return say.since(since);
  const from = clockText(instant(question.since), options)!;
  const to = clockText(untilAt, options)!;
  // "entre 00:00 e 06:00 de hoje", not "entre 00:00 (hoje) e 06:00 (hoje)".
  if (today.test(from) && today.test(to)) return say.betweenToday(from, to);
  return say.between(since, sinceText(untilAt, options)!);
}

/** The failed jobs of a period, grouped by job stream; the text lists at most 20. */
export function answerFailedJobs(
  jobs: readonly JobFailure[],
  question: FailedJobsQuestion,
  options: AnswerOptions,
): ReplyWith<FailedJobsData> {
  const { language } = options;
  const say = messagesFor(language).failed;
  const stream = question.jobStream ? quoteWritten(question.jobStream) : null;
  // `since` comes from the understanding as ISO; anything else is neither echoed nor stated.
  const period = periodText(question, options);
  const failed = [...jobs].sort((a, b) => endOf(b) - endOf(a));
  const recovered = failed.filter((job) => job.recovered).length;

  const groups = new Map<string | null, JobFailure[]>();
  for (const job of failed) {
    const group = groups.get(job.job_stream);
    if (group) group.push(job);
    else groups.set(job.job_stream, [job]);
  }
  const data: FailedJobsData = {
    since: instant(question.since)?.toISOString() ?? null,
    until: instant(question.until)?.toISOString() ?? null,
    job_stream: stream,
    total: failed.length,
    recovered,
    groups: [...groups].map(([jobStream, members]) => ({
      job_stream: jobStream,
      count: members.length,
      jobs: members.map((job) => ({ ...job })),
    })),
  };

  const ofStream = stream ? say.ofStream(stream) : "";
  if (failed.length === 0) {
    const next = stream
      ? [suggest.jobStream(stream, language), suggest.runningNow(language)]
      : [suggest.runningNow(language), suggest.workstations(language)];
    return composeReply("failed_jobs", options, [say.none(ofStream, period)], data, next);
  }

  const lines = [say.head(failed.length, ofStream, period, stream ? undefined : groups.size, recovered)];
  let shown = 0;
  for (const [jobStream, members] of groups) {
    if (shown >= MAX_SHOWN) break;
    const listed = members.slice(0, MAX_SHOWN - shown);
    shown += listed.length;
    lines.push(
      `${jobStream ?? say.noStream} (${members.length}): ${listed.map((job) => entryText(job, options)).join("; ")}`,
    );
  }
  if (failed.length > shown) lines.push(say.moreJobs(failed.length - shown));

  const latest = failed.find((job) => !job.recovered) ?? failed[0]!;
  const next = latest.recovered
    ? [suggest.jobStatus({ name: latest.name }, language)]
    : [suggest.jobLog({ name: latest.name }, language), suggest.rerun({ name: latest.name }, language)];
  if (latest.job_stream) next.push(suggest.jobStream(latest.job_stream, language));
  return composeReply("failed_jobs", options, lines, data, next);
}
