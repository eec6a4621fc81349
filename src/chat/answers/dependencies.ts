import type { Job, JobDetail } from "../../jobs/job";
import type { Language } from "../understanding/types";
import { composeReply, type ReplyWith } from "./compose";
import { agoText, cappedList, durationText, instant, listText, type AnswerOptions } from "./format";
import { jobHeading, returnCodeText } from "./job-status";
import { suggest } from "./suggest";
import { dependencyCountText, failedStatuses, notStartedStatuses, runningStatuses, statusText } from "./words";

// "O que está segurando o DAILY_REPORT?": the predecessors it still waits on (the blocking ones first), and the
// jobs that wait on it.

export type RelatedJob = {
  id: string;
  name: string;
  job_stream: string | null;
  status: string | null;
  common_status: string | null;
  return_code: number | null;
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
};

const MAX_LISTED = 15;

/** A failed predecessor blocks until someone acts; a waiting one may still come; a running one is on its way. */
function blockingRank(job: Job): number {
  const status = job.status ?? "";
  if (status === "SUCC") return 4;
  if (failedStatuses.has(status) || status === "STUCK" || status === "SUSP" || status === "ERROR") return 0;
  if (notStartedStatuses.has(status)) return 1;
  if (runningStatuses.has(status)) return 2;
  return 3;
}

const related = (job: Job): RelatedJob => ({
  id: job.id,
  name: job.name,
  job_stream: job.job_stream,
  status: job.status,
  common_status: job.common_status,
  return_code: job.return_code,
});

function predecessorLine(predecessor: Job, of: Job, options: AnswerOptions): string {
  const stream =
    predecessor.job_stream && predecessor.job_stream !== of.job_stream ? ` (stream ${predecessor.job_stream})` : "";
  const started = instant(predecessor.started_at);
  const elapsed =
    runningStatuses.has(predecessor.status ?? "") && started ? options.now.getTime() - started.getTime() : undefined;
  const since =
    elapsed === undefined
      ? ""
      : options.language === "pt"
        ? `, ${agoText(elapsed, "pt")}`
        : `, for ${durationText(elapsed)}`;
  return `- ${predecessor.name}${stream}: ${statusText(predecessor.status, null, options.language)}${returnCodeText(predecessor)}${since}`;
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

function blockedNote(failed: Job, job: Job, language: Language): string {
  return language === "pt"
    ? `${failed.name} terminou com erro: o ${job.name} só inicia depois de um rerun com sucesso dele ou de confirmá-lo como SUCC.`
    : `${failed.name} ended in error: ${job.name} starts only after it is rerun successfully or confirmed SUCC.`;
}

function notWaitingLine(job: Job, language: Language): string {
  const pt = language === "pt";
  if (runningStatuses.has(job.status ?? ""))
    return pt ? "Não está esperando: já está em execução." : "Not waiting: it is already running.";
  if (job.ended_at || failedStatuses.has(job.status ?? "") || job.status === "SUCC" || job.status === "CANCL") {
    return pt ? "Não está esperando: já terminou." : "Not waiting: it has already ended.";
  }
  return pt ? "Não está esperando predecessores." : "Not waiting on predecessors.";
}

/** What a job waits on and what waits on it. */
export function answerDependencies(
  job: Job | JobDetail,
  predecessors: readonly Job[],
  successors: readonly Job[],
  options: AnswerOptions,
): ReplyWith<DependenciesData> {
  const { language } = options;
  const pt = language === "pt";
  const waiting = notStartedStatuses.has(job.status ?? "");
  const ordered = [...predecessors].sort((a, b) => blockingRank(a) - blockingRank(b));
  const pending = ordered.filter((p) => p.status !== "SUCC");
  const done = ordered.filter((p) => p.status === "SUCC");
  const others = otherUnresolved(job);
  const substatus = "substatus" in job ? job.substatus : null;

  const lines: (string | false | undefined)[] = [
    `${jobHeading(job, language)}: ${statusText(job.status, substatus, language)}${returnCodeText(job)}.`,
  ];
  if (!waiting) lines.push(notWaitingLine(job, language));
  if (pending.length > 0) {
    lines.push(
      waiting
        ? pt
          ? `Está esperando ${pending.length} de ${predecessors.length} predecessores:`
          : `Waiting on ${pending.length} of ${predecessors.length} predecessors:`
        : pt
          ? `Predecessores não concluídos (${pending.length} de ${predecessors.length}):`
          : `Predecessors not successful (${pending.length} of ${predecessors.length}):`,
      ...pending.slice(0, MAX_LISTED).map((p) => predecessorLine(p, job, options)),
      pending.length > MAX_LISTED &&
        (pt ? `e mais ${pending.length - MAX_LISTED}` : `and ${pending.length - MAX_LISTED} more`),
    );
  } else if (waiting) {
    lines.push(
      predecessors.length > 1
        ? pt
          ? `Todos os ${predecessors.length} predecessores terminaram com sucesso.`
          : `All ${predecessors.length} predecessors ended successfully.`
        : predecessors.length === 1
          ? pt
            ? `O único predecessor, ${predecessors[0]!.name}, terminou com sucesso.`
            : `Its only predecessor, ${predecessors[0]!.name}, ended successfully.`
          : pt
            ? "Não tem predecessores."
            : "It has no predecessors.",
    );
  }
  if (done.length > 0 && pending.length > 0) {
    lines.push(
      `${pt ? "Já concluídos" : "Already successful"}: ${cappedList(
        done.map((p) => p.name),
        MAX_LISTED,
        language,
      )}.`,
    );
  }
  if (waiting && others.length > 0) {
    const what = listText(
      others.map((o) => dependencyCountText(o.type, o.count, language)),
      language,
    );
    lines.push(pt ? `Também aguarda: ${what}.` : `Also waiting on: ${what}.`);
  }
  const failedBefore = pending.find((p) => failedStatuses.has(p.status ?? ""));
  if (waiting && failedBefore) lines.push(blockedNote(failedBefore, job, language));
  lines.push(
    successors.length > 0
      ? `${pt ? "Esperam por ele" : "Waiting on it"} (${successors.length}): ${cappedList(
          successors.map((s) => `${s.name} (${s.status ?? "?"})`),
          MAX_LISTED,
          language,
        )}.`
      : pt
        ? "Nenhum job espera por ele."
        : "No job waits on it.",
  );

  const data: DependenciesData = {
    job: related(job),
    waiting,
    predecessors: ordered.map((p) => ({ ...related(p), done: p.status === "SUCC" })),
    pending_predecessors: pending.length,
    successors: successors.map(related),
    other_unresolved: others,
  };
  const next: string[] = [];
  if (failedBefore)
    next.push(
      suggest.jobLog({ name: failedBefore.name }, language),
      suggest.rerun({ name: failedBefore.name }, language),
    );
  const runningBefore = pending.find((p) => runningStatuses.has(p.status ?? ""));
  if (runningBefore) next.push(suggest.jobStatus({ name: runningBefore.name }, language));
  next.push(suggest.jobStatus({ name: job.name }, language));
  if (job.job_stream) next.push(suggest.jobStream(job.job_stream, language));
  return composeReply("job_dependencies", options, lines, data, next);
}
