import type { Job } from "../jobs/job";
import type { JobStream } from "../jobstreams/jobstream";
import type { Workstation } from "../workstations/reads";
import { askWhich, notFound, type NamedKind } from "./answers/names";
import type { AnswerOptions } from "./answers/format";
import type { Reply } from "./answers/reply";
import { resolveName } from "./understanding";
import type { Intent } from "./understanding/types";

// From a name the operator wrote to the one object of the plan it means, or the question back.

export type Resolved<T> = { found: T } | { reply: Reply };

const unique = (names: Iterable<string>) => [...new Set(names)];

/** The instance an operator means when a stream runs several times a day: the latest started, else the next due. */
export function currentInstance<T extends { started_at: string | null; sched_time: string | null }>(
  instances: readonly T[],
): T {
  const started = instances
    .filter((i) => i.started_at)
    .sort((a, b) => Date.parse(b.started_at!) - Date.parse(a.started_at!));
  if (started[0]) return started[0];
  return [...instances].sort((a, b) => Date.parse(a.sched_time ?? "") - Date.parse(b.sched_time ?? ""))[0]!;
}

/** The plan's name that `written` means, or undefined when none is close. */
export function planName(written: string | undefined, names: readonly string[]): string | undefined {
  if (!written) return undefined;
  const match = resolveName(written, names);
  return match.kind === "exact" || match.kind === "close" ? match.name : undefined;
}

function unmatched(
  written: string,
  match: ReturnType<typeof resolveName>,
  kind: NamedKind,
  intent: Intent,
  options: AnswerOptions,
  candidatesOf: (name: string) => { name: string; job_stream?: string | null; id?: string }[],
): Reply {
  if (match.kind === "ambiguous")
    return askWhich(written, match.candidates.flatMap(candidatesOf), { ...options, intent, kind });
  return notFound(written, match.kind === "none" ? match.suggestions : [], { ...options, intent, kind });
}

/** One job of the plan by its written name, narrowed by the written stream when there is one. */
export function resolveJob(
  written: string,
  writtenStream: string | undefined,
  jobs: readonly Job[],
  intent: Intent,
  options: AnswerOptions,
): Resolved<Job> {
  const match = resolveName(written, unique(jobs.map((job) => job.name)));
  const candidatesOf = (name: string) =>
    jobs.filter((job) => job.name === name).map((job) => ({ name: job.name, job_stream: job.job_stream, id: job.id }));
  if (match.kind !== "exact" && match.kind !== "close")
    return { reply: unmatched(written, match, "job", intent, options, candidatesOf) };
  let named = jobs.filter((job) => job.name === match.name);
  const stream = planName(writtenStream, unique(named.map((job) => job.job_stream ?? "")));
  if (writtenStream) {
    if (!stream)
      return {
        reply: notFound(
          `${writtenStream}.${match.name}`,
          named.map((job) => `${job.job_stream}.${job.name}`),
          { ...options, intent, kind: "job" },
        ),
      };
    named = named.filter((job) => job.job_stream === stream);
  }
  const streams = unique(named.map((job) => job.job_stream ?? ""));
  if (streams.length === 1) return { found: currentInstance(named) };
  return {
    reply: askWhich(
      match.name,
      streams.map((s) => ({ name: match.name, job_stream: s || null })),
      { ...options, intent, kind: "job" },
    ),
  };
}

/** One job stream (its current instance) by its written name. */
export function resolveJobStream(
  written: string,
  streams: readonly JobStream[],
  intent: Intent,
  options: AnswerOptions,
): Resolved<JobStream> {
  const match = resolveName(written, unique(streams.map((s) => s.name)));
  if (match.kind !== "exact" && match.kind !== "close")
    return { reply: unmatched(written, match, "job_stream", intent, options, (name) => [{ name }]) };
  return { found: currentInstance(streams.filter((s) => s.name === match.name)) };
}

/** One workstation by its written name. */
export function resolveWorkstation(
  written: string,
  workstations: readonly Workstation[],
  intent: Intent,
  options: AnswerOptions,
): Resolved<Workstation> {
  const match = resolveName(written, unique(workstations.map((w) => w.name)));
  if (match.kind !== "exact" && match.kind !== "close")
    return { reply: unmatched(written, match, "workstation", intent, options, (name) => [{ name }]) };
  return { found: workstations.find((w) => w.name === match.name)! };
}
