import type { Job } from "../../jobs/job";
import type { JobStream } from "../../jobstreams/jobstream";
import { composeReply, type ReplyWith } from "./compose";
import { cappedList, clockText, elapsedText, instant, type AnswerOptions } from "./format";
import { messagesFor } from "./messages";
import { blockageData, blockageLines, blockageSuggestions, type Blockage } from "./root-cause";
import { suggest } from "./suggest";
import { failedStatuses, runningStatuses, statusText, workstationWord } from "./words";

// "Qual o status do stream PAYROLL?", "o que está travando o BANK_RECON?": its status, its job counts, which jobs
// failed and which are running, and, when it is blocked, the chain down to what blocks it.

export type JobStreamData = {
  id: string;
  name: string;
  workstation: string | null;
  status: string | null;
  common_status: string | null;
  started_at: string | null;
  ended_at: string | null;
  jobs: { total: number; successful: number; running: number; abended: number; not_running: number };
  abended: { id: string; name: string; status: string | null; return_code: number | null }[];
  running: { id: string; name: string; started_at: string | null }[];
  blocked_by: ReturnType<typeof blockageData> | null;
};

export interface JobStreamOptions extends AnswerOptions {
  /** What blocks the stream, when something does. */
  blockage?: Blockage;
  /** The question asked what blocks it ("o que está travando", "is it stuck?"): say so when nothing does. */
  askedWhatBlocks?: boolean;
}

const MAX_NAMED = 10;

/** HWA's counts when it sent them, else counted from the jobs given. */
function countsOf(stream: JobStream, jobs: readonly Job[]): JobStreamData["jobs"] {
  const count = (test: (job: Job) => boolean) => jobs.filter(test).length;
  const successful = stream.jobs.successful ?? count((job) => job.status === "SUCC");
  const running = stream.jobs.running ?? count((job) => runningStatuses.has(job.status ?? ""));
  const abended = stream.jobs.abended ?? count((job) => failedStatuses.has(job.status ?? ""));
  const total = stream.jobs.total ?? jobs.length;
  return {
    total,
    successful,
    running,
    abended,
    not_running: stream.jobs.not_running ?? Math.max(0, total - successful - running - abended),
  };
}

/** The status of a job stream in the plan, with its jobs. */
export function answerJobStream(
  stream: JobStream,
  jobs: readonly Job[],
  options: JobStreamOptions,
): ReplyWith<JobStreamData> {
  const { language, blockage } = options;
  const say = messagesFor(language);
  const counts = countsOf(stream, jobs);
  const abended = jobs.filter((job) => failedStatuses.has(job.status ?? ""));
  const running = jobs.filter((job) => runningStatuses.has(job.status ?? ""));

  const where = stream.workstation ? ` (${workstationWord(language)} ${stream.workstation})` : "";
  const start = clockText(stream.started_at, options);
  const end = clockText(stream.ended_at, options);
  const planned = !start ? clockText(stream.sched_time, options) : undefined;
  const times = [
    start && say.jobStream.started(start),
    end && say.jobStream.ended(end),
    planned && say.jobStream.scheduled(planned),
  ].filter(Boolean);
  const failedNames = abended.map((job) =>
    job.return_code !== null ? `${job.name} (RC ${job.return_code})` : `${job.name} (${job.status})`,
  );
  const runningNames = running.map((job) => {
    const since = instant(job.started_at);
    return since ? `${job.name} (${elapsedText(options.now.getTime() - since.getTime(), language)})` : job.name;
  });

  const lines = [
    `Stream ${stream.name}${where}: ${statusText(stream.status, null, language)}.${times.length > 0 ? ` ${times.join(", ")}.` : ""}`,
    say.jobStream.counts({ ...counts, notRunning: counts.not_running }),
    failedNames.length > 0 && `${say.jobStream.inError}: ${cappedList(failedNames, MAX_NAMED, language)}.`,
    runningNames.length > 0 && `${say.jobStream.running}: ${cappedList(runningNames, MAX_NAMED, language)}.`,
    (blockage || options.askedWhatBlocks) && !start && say.rootCause.notStartedYet,
    ...(blockage ? blockageLines(blockage, options, start ? say.rootCause.blocked : say.rootCause.onceStarted) : []),
    !blockage && options.askedWhatBlocks && start && say.rootCause.notBlocked,
  ];
  const data: JobStreamData = {
    id: stream.id,
    name: stream.name,
    workstation: stream.workstation,
    status: stream.status,
    common_status: stream.common_status,
    started_at: stream.started_at,
    ended_at: stream.ended_at,
    jobs: counts,
    abended: abended.map((job) => ({ id: job.id, name: job.name, status: job.status, return_code: job.return_code })),
    running: running.map((job) => ({ id: job.id, name: job.name, started_at: job.started_at })),
    blocked_by: blockage ? blockageData(blockage) : null,
  };
  const next: string[] = blockage ? blockageSuggestions(blockage, language) : [];
  if (abended[0])
    next.push(suggest.jobLog({ name: abended[0].name }, language), suggest.rerun({ name: abended[0].name }, language));
  if (running[0]) next.push(suggest.jobLog({ name: running[0].name }, language));
  next.push(suggest.failedToday(language));
  if (stream.workstation) next.push(suggest.workstation(stream.workstation, language));
  return composeReply("jobstream_status", options, lines, data, next);
}
