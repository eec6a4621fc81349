import type { Job, JobDetail } from "../../jobs/job";
import type { Language } from "../understanding/types";
import { composeReply, type ReplyWith } from "./compose";
import { cappedList, elapsedText, instant, listText, type AnswerOptions } from "./format";
import { jobHeading, returnCodeText } from "./job-status";
import { messagesFor } from "./messages";
import { blockageData, blockageLines, blockageSuggestions, type Blockage } from "./root-cause";
import { suggest } from "./suggest";
import {
  blockingRank,
  dependencyCountText,
  failedStatuses,
  isHeldByOperator,
  jobStatusText,
  notStartedStatuses,
  runningStatuses,
} from "./words";

// "O que está segurando o DAILY_REPORT?", "e os predecessores dele?": every predecessor with its status (the
// blocking ones first), the chain down to what blocks it when it waits, and the jobs that wait on it (first when
// that is what was asked: "quem vem depois do X?").

export type RelatedJob = {
  id: string;
  name: string;
  job_stream: string | null;
  status: string | null;
  common_status: string | null;
  return_code: number | null;
  held_by_operator: boolean;
};

export type DependenciesData = {
  job: RelatedJob;
  /** True while the job has not started. */
  waiting: boolean;
  /** Not yet successful ones first, the most blocking first. */
  predecessors: (RelatedJob & { done: boolean })[];
  pending_predecessors: number;
  successors: RelatedJob[];
  /** Unresolved dependencies that are not jobs (files, resources, prompts), when the job's detail was given. */
  other_unresolved: { type: string; count: number }[];
  /** The chain down to what blocks the job, when it waits. */
  root_cause: ReturnType<typeof blockageData> | null;
};

const MAX_LISTED = 15;

const related = (job: Job): RelatedJob => ({
  id: job.id,
  name: job.name,
  job_stream: job.job_stream,
  status: job.status,
  common_status: job.common_status,
  return_code: job.return_code,
  held_by_operator: isHeldByOperator(job),
});

function predecessorLine(predecessor: Job, of: Job, options: AnswerOptions): string {
  const stream =
    predecessor.job_stream && predecessor.job_stream !== of.job_stream ? ` (stream ${predecessor.job_stream})` : "";
  const started = instant(predecessor.started_at);
  const running = runningStatuses.has(predecessor.status ?? "") && started;
  const since = running ? `, ${elapsedText(options.now.getTime() - started.getTime(), options.language)}` : "";
  return `- ${predecessor.name}${stream}: ${jobStatusText(predecessor, options.language)}${returnCodeText(predecessor)}${since}`;
}

function otherUnresolved(job: Job | JobDetail): { type: string; count: number }[] {
  if (!("dependency_list" in job)) return [];
  const counts = new Map<string, number>();
  for (const d of job.dependency_list) {
    if (d.status === null || d.status === "SATISFIED" || d.type === "INTERNAL" || d.type === "EXTERNAL_JOB") continue;
    counts.set(d.type, (counts.get(d.type) ?? 0) + 1);
  }
  return [...counts].map(([type, count]) => ({ type, count }));
}

function notWaitingLine(job: Job, language: Language): string {
  const say = messagesFor(language).dependencies;
  if (runningStatuses.has(job.status ?? "")) return say.notWaitingRunning;
  if (job.ended_at || failedStatuses.has(job.status ?? "") || job.status === "SUCC" || job.status === "CANCL")
    return say.notWaitingEnded;
  return say.notWaiting;
}

/** What a job waits on (every predecessor, with its status) and what waits on it. */
export function answerDependencies(
  job: Job | JobDetail,
  predecessors: readonly Job[],
  successors: readonly Job[],
  options: AnswerOptions & { blockage?: Blockage; askedWhatWaitsOnIt?: boolean },
): ReplyWith<DependenciesData> {
  const { language, blockage } = options;
  const say = messagesFor(language).dependencies;
  const waiting = notStartedStatuses.has(job.status ?? "");
  const held = isHeldByOperator(job);
  const ordered = [...predecessors].sort((a, b) => blockingRank(a) - blockingRank(b));
  const pending = ordered.filter((p) => p.status !== "SUCC");
  const others = otherUnresolved(job);

  const successorsLine =
    successors.length > 0
      ? say.successors(
          successors.length,
          cappedList(
            successors.map((s) => `${s.name} (${s.status ?? "?"})`),
            MAX_LISTED,
            language,
          ),
        )
      : say.noSuccessors;
  // "Quem vem depois do X?" is answered first; what X itself waits on follows.
  const lines: (string | false | undefined)[] = [
    `${jobHeading(job, language)}: ${jobStatusText(job, language)}${returnCodeText(job)}.`,
    options.askedWhatWaitsOnIt && successorsLine,
    held && say.heldNote(job.name),
    !waiting && notWaitingLine(job, language),
  ];
  if (ordered.length === 0) lines.push(say.noPredecessors);
  else {
    lines.push(
      waiting && pending.length > 0 ? say.waitingOn(pending.length, ordered.length) : say.predecessors(ordered.length),
      ...ordered.slice(0, MAX_LISTED).map((p) => predecessorLine(p, job, options)),
      ordered.length > MAX_LISTED && messagesFor(language).list.more(ordered.length - MAX_LISTED),
    );
    if (waiting && pending.length === 0) lines.push(say.allDone(ordered.length));
  }
  if (waiting && others.length > 0)
    lines.push(
      say.alsoWaitingOn(
        listText(
          others.map((o) => dependencyCountText(o.type, o.count, language)),
          language,
        ),
      ),
    );
  // The job's own hold is said above; a chain is worth saying when something else is in the way.
  const chain = waiting && blockage && !(held && blockage.chain.length === 1) ? blockage : undefined;
  if (chain) lines.push(...blockageLines(chain, options, say.rootCause));
  if (!options.askedWhatWaitsOnIt) lines.push(successorsLine);

  const data: DependenciesData = {
    job: related(job),
    waiting,
    predecessors: ordered.map((p) => ({ ...related(p), done: p.status === "SUCC" })),
    pending_predecessors: pending.length,
    successors: successors.map(related),
    other_unresolved: others,
    root_cause: chain ? blockageData(chain) : null,
  };
  const next: string[] = [];
  if (held) next.push(suggest.release({ name: job.name }, language));
  if (chain) next.push(...blockageSuggestions(chain, language));
  const runningBefore = pending.find((p) => runningStatuses.has(p.status ?? ""));
  if (runningBefore) next.push(suggest.jobStatus({ name: runningBefore.name }, language));
  next.push(suggest.jobStatus({ name: job.name }, language));
  if (job.job_stream) next.push(suggest.jobStream(job.job_stream, language));
  return composeReply("job_dependencies", options, lines, data, next);
}
