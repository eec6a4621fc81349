import type { Job } from "../../jobs/job";
import { composeReply, type ReplyWith } from "./compose";
import { cappedList, deviationText, durationText, instant, listText, type AnswerOptions } from "./format";
import { messagesFor } from "./messages";
import { suggest } from "./suggest";

// "O que está rodando agora?", "tem algo atrasado?", "tem job esperando agente?": the running jobs counted per
// stream, those past their estimate, and the ready jobs no agent can take.

export type LateJob = {
  id: string;
  name: string;
  job_stream: string | null;
  started_at: string | null;
  running_ms: number;
  estimated_duration_ms: number;
};

export type RunningNowData = {
  running: number;
  streams: { job_stream: string | null; count: number; jobs: string[] }[];
  late: LateJob[];
  waiting_for_agent: { workstation: string | null; count: number }[];
};

export interface RunningNowOptions extends AnswerOptions {
  /** The question asked what is late: late jobs first. */
  askedWhatIsLate?: boolean;
  /** The question asked which jobs wait for an agent: those first, per workstation, or that none does. */
  askedWhatWaitsForAgent?: boolean;
}

const MAX_NAMED = 5;

/** Late means past the estimate by more than this share of it, and by a minute at least: not by a few seconds. */
const LATE_SHARE = 0.1;
const LATE_MIN_MS = 60_000;

/** Running past its estimate (see LATE_SHARE), on the engine's clock. */
export function lateJobs(running: readonly Job[], now: Date): LateJob[] {
  return running.flatMap((job) => {
    const started = instant(job.started_at);
    const estimate = job.estimated_duration_ms;
    if (!started || !estimate) return [];
    const ran = now.getTime() - started.getTime();
    return ran > estimate + Math.max(LATE_MIN_MS, estimate * LATE_SHARE)
      ? [
          {
            id: job.id,
            name: job.name,
            job_stream: job.job_stream,
            started_at: job.started_at,
            running_ms: ran,
            estimated_duration_ms: estimate,
          },
        ]
      : [];
  });
}

/** What runs now, per stream; what is late; what no agent can take. */
export function answerRunningNow(
  running: readonly Job[],
  waitingForAgent: readonly Job[],
  options: RunningNowOptions,
): ReplyWith<RunningNowData> {
  const { language } = options;
  const say = messagesFor(language).running;
  const byStream = new Map<string | null, Job[]>();
  for (const job of running) byStream.set(job.job_stream, [...(byStream.get(job.job_stream) ?? []), job]);
  const streams = [...byStream]
    .map(([jobStream, jobs]) => ({ job_stream: jobStream, count: jobs.length, jobs: jobs.map((job) => job.name) }))
    .sort((a, b) => b.count - a.count || String(a.job_stream).localeCompare(String(b.job_stream)));
  const late = lateJobs(running, options.now).sort(
    (a, b) => b.running_ms / b.estimated_duration_ms - a.running_ms / a.estimated_duration_ms,
  );
  const agents = new Map<string | null, string[]>();
  for (const job of waitingForAgent) agents.set(job.workstation, [...(agents.get(job.workstation) ?? []), job.name]);

  const runningLines =
    running.length === 0
      ? [say.none]
      : [
          say.head(running.length, streams.length),
          ...streams.map((s) => `- ${s.job_stream ?? "?"} (${s.count}): ${cappedList(s.jobs, MAX_NAMED, language)}`),
        ];
  const lateLines =
    late.length === 0
      ? running.length > 0 || options.askedWhatIsLate
        ? [say.noneLate(running.length)]
        : []
      : [
          say.late(late.length),
          ...late.map(
            (job) =>
              `- ${say.lateEntry(
                job.name,
                job.job_stream,
                durationText(job.running_ms),
                durationText(job.estimated_duration_ms),
                deviationText(job.running_ms, job.estimated_duration_ms) ?? "",
              )}`,
          ),
        ];
  const agentLine =
    agents.size > 0 &&
    say.readyWaiting(
      waitingForAgent.length,
      listText(
        [...agents.keys()].map((w) => w ?? "?"),
        language,
      ),
    );
  const lines = options.askedWhatWaitsForAgent
    ? [
        agentLine || say.noneWaiting,
        ...[...agents].map(
          ([w, names]) => `- ${w ?? "?"} (${names.length}): ${cappedList(names, MAX_NAMED, language)}`,
        ),
        ...runningLines,
        ...lateLines,
      ]
    : options.askedWhatIsLate
      ? [...lateLines, ...runningLines, agentLine]
      : [...runningLines, ...lateLines, agentLine];

  const data: RunningNowData = {
    running: running.length,
    streams,
    late,
    waiting_for_agent: [...agents].map(([workstation, names]) => ({ workstation, count: names.length })),
  };
  const next: string[] = [];
  if (late[0]) next.push(suggest.jobStatus({ name: late[0].name }, language));
  if (streams[0]?.job_stream) next.push(suggest.jobStream(streams[0].job_stream, language));
  const agent = [...agents.keys()][0];
  if (agent) next.push(suggest.workstation(agent, language));
  next.push(suggest.failedToday(language));
  return composeReply("running_now", options, lines, data, next);
}
