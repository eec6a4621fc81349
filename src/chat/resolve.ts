import type { Job } from "../jobs/job";
import type { JobStream } from "../jobstreams/jobstream";
import type { Workstation } from "../workstations/reads";
import { askWhich, notFound, type Candidate, type NamedKind, type NameOptions } from "./answers/names";
import type { Reply } from "./answers/reply";
import { resolveName } from "./understanding";
import type { Choice } from "./understanding/types";

// From a name the operator wrote to the one object of the plan it means, or the question back.

export type Resolved<T> = { found: T } | { reply: Reply; choice?: Choice };

/** What to resolve a name for: the question (and action) asked, which the choice keeps. */
export type ResolveOptions = NameOptions &
  Required<Pick<NameOptions, "intent">> & {
    /** Whether a job's stream instance is under way: of one name in several streams, the one under way is meant. */
    underway?: (job: Job) => boolean;
  };

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

/** "Qual deles?", remembering the question so that the next message can pick a candidate for it. */
function which(written: string, candidates: Candidate[], kind: NamedKind, options: ResolveOptions) {
  const action = options.action;
  const choice: Choice = {
    intent: options.intent,
    ...(action ? { action } : {}),
    kind,
    candidates: candidates.map((c) => ({ name: c.name, job_stream: c.job_stream ?? null })),
  };
  return { reply: askWhich(written, candidates, { ...options, kind }), choice };
}

function unmatched(
  written: string,
  match: ReturnType<typeof resolveName>,
  kind: NamedKind,
  options: ResolveOptions,
  candidatesOf: (name: string) => Candidate[],
): { reply: Reply; choice?: Choice } {
  if (match.kind === "ambiguous") return which(written, match.candidates.flatMap(candidatesOf), kind, options);
  return { reply: notFound(written, match.kind === "none" ? match.suggestions : [], { ...options, kind }) };
}

/** One job of the plan by its written name, narrowed by the written stream when there is one. */
export function resolveJob(
  written: string,
  writtenStream: string | undefined,
  jobs: readonly Job[],
  options: ResolveOptions,
): Resolved<Job> {
  const match = resolveName(written, unique(jobs.map((job) => job.name)));
  const candidatesOf = (name: string) =>
    jobs.filter((job) => job.name === name).map((job) => ({ name: job.name, job_stream: job.job_stream, id: job.id }));
  if (match.kind !== "exact" && match.kind !== "close") return unmatched(written, match, "job", options, candidatesOf);
  let named = jobs.filter((job) => job.name === match.name);
  const stream = planName(writtenStream, unique(named.map((job) => job.job_stream ?? "")));
  if (writtenStream) {
    if (!stream)
      return {
        reply: notFound(
          `${writtenStream}.${match.name}`,
          named.map((job) => `${job.job_stream}.${job.name}`),
          { ...options, kind: "job" },
        ),
      };
    named = named.filter((job) => job.job_stream === stream);
  }
  const streams = unique(named.map((job) => job.job_stream ?? ""));
  // "Quanto tempo o LOAD_SALES_INTRADAY já tá rodando?": ETL_INTRADAY runs now, ETL_INTRADAY_PM starts tonight.
  // Of a stream that runs several times a day (HOURLY_HEALTH) too: the instance under way, not the last one started.
  const underway = options.underway ? named.filter(options.underway) : [];
  if (streams.length === 1) return { found: currentInstance(underway.length > 0 ? underway : named) };
  if (underway.length > 0 && unique(underway.map((job) => job.job_stream ?? "")).length === 1)
    return { found: currentInstance(underway) };
  return which(
    match.name,
    streams.map((s) => ({ name: match.name, job_stream: s || null })),
    "job",
    options,
  );
}

/** One job stream (its current instance) by its written name. */
export function resolveJobStream(
  written: string,
  streams: readonly JobStream[],
  options: ResolveOptions,
): Resolved<JobStream> {
  const match = resolveName(written, unique(streams.map((s) => s.name)));
  if (match.kind !== "exact" && match.kind !== "close")
    return unmatched(written, match, "job_stream", options, (name) => [{ name }]);
  return { found: currentInstance(streams.filter((s) => s.name === match.name)) };
}

/** One workstation by its written name. */
export function resolveWorkstation(
  written: string,
  workstations: readonly Workstation[],
  options: ResolveOptions,
): Resolved<Workstation> {
  const match = resolveName(written, unique(workstations.map((w) => w.name)));
  if (match.kind !== "exact" && match.kind !== "close")
    return unmatched(written, match, "workstation", options, (name) => [{ name }]);
  return { found: workstations.find((w) => w.name === match.name)! };
}
