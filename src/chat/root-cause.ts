import type { Job, JobDetail } from "../jobs/job";
import { errorCause } from "./answers/error-lines";
import type { Blockage, RootKind } from "./answers/root-cause";
import { blockingRank, failedStatuses, isHeldByOperator, runningStatuses } from "./answers/words";
import type { Facts } from "./facts";

// The walk from a job that does not start to what blocks it: each hop reads one job's relatives from the cache and
// follows its most blocking unfinished predecessor, at most 10 hops. A stream is walked the other way: from the job
// of the stream that blocks (failed, held, no agent) down to the last of its own jobs that waits on it.

const MAX_HOPS = 10;

type State = RootKind | "waiting" | "done";

const finished = new Set(["SUCC", "CANCL", "SUPPR"]);

/** What a job is doing, as far as the jobs after it are concerned. */
function stateOf(job: Job | JobDetail, facts: Facts, now: Date): State {
  const status = job.status ?? "";
  if (failedStatuses.has(status)) return "failed";
  if (isHeldByOperator(job)) return "held";
  if (runningStatuses.has(status)) return "running";
  if (finished.has(status)) return "done";
  if (status === "READY") {
    const workstation = facts.plan.workstations.find((w) => w.name === job.workstation);
    return workstation && !workstation.linked ? "agent" : "unknown";
  }
  if (status === "HOLD") {
    const substatus = "substatus" in job ? job.substatus : null;
    if (substatus === "HOLD_WAITING_FOR_TIME") return "time";
    const scheduled = job.sched_time ? Date.parse(job.sched_time) : Number.NaN;
    if (substatus !== "HOLD_WAITING_FOR_PREDECESSOR" && scheduled > now.getTime()) return "time";
    return job.dependencies.unresolved > 0 || substatus === "HOLD_WAITING_FOR_PREDECESSOR" ? "waiting" : "unknown";
  }
  return "unknown";
}

/** Whether something blocks a job at all: it has not started and is not merely about to. */
function isBlocked(job: Job | JobDetail, facts: Facts, now: Date): boolean {
  const state = stateOf(job, facts, now);
  return state === "waiting" || state === "held" || state === "agent" || state === "time";
}

/** One walk's reads: each job's relatives once, at most MAX_HOPS of them. */
class Walk {
  hops = 0;
  private readonly seen = new Map<string, ReturnType<Facts["relatives"]>>();

  constructor(readonly facts: Facts) {}

  get exhausted(): boolean {
    return this.hops >= MAX_HOPS;
  }

  relatives(id: string): ReturnType<Facts["relatives"]> {
    let read = this.seen.get(id);
    if (!read) {
      this.hops += 1;
      read = this.facts.relatives(id);
      this.seen.set(id, read);
    }
    return read;
  }
}

/** The chain ends at `root`, which is in `state`: what it waits on, or why it failed. */
async function closed(chain: Job[], state: RootKind, walk: Walk, truncated = false): Promise<Blockage> {
  const blockage: Blockage = { chain, kind: state, truncated, hops: walk.hops };
  const root = chain.at(-1)!;
  if (state === "failed") {
    const detail = await walk.facts.job(root.id);
    const run = detail.runs.find((r) => r.last_in_rerun_chain);
    const log = run ? await walk.facts.log(detail, run.run_id) : null;
    const cause = log ? errorCause(log) : undefined;
    if (cause) blockage.error = cause;
  }
  if (state === "other") {
    const detail = await walk.facts.job(root.id);
    const counts = new Map<string, number>();
    for (const d of detail.dependency_list) {
      if (d.status === null || d.status === "SATISFIED" || d.type === "INTERNAL" || d.type === "EXTERNAL_JOB") continue;
      counts.set(d.type, (counts.get(d.type) ?? 0) + 1);
    }
    if (counts.size === 0) blockage.kind = "unknown";
    else blockage.other = [...counts].map(([type, count]) => ({ type, count }));
  }
  return blockage;
}

/** From `chain`'s last job up its most blocking unfinished predecessors to what blocks them all. */
async function walkUp(chain: Job[], walk: Walk, now: Date): Promise<Blockage> {
  for (;;) {
    const current = chain.at(-1)!;
    const state = stateOf(current, walk.facts, now);
    if (state === "done") return closed(chain, "unknown", walk);
    if (state !== "waiting") return closed(chain, state, walk);
    if (walk.exhausted) return closed(chain, "unknown", walk, true);
    const { predecessors } = await walk.relatives(current.id);
    const pending = predecessors
      .filter((p) => !finished.has(p.status ?? "") && !chain.some((c) => c.id === p.id))
      .sort((a, b) => blockingRank(a) - blockingRank(b));
    if (pending.length === 0) return closed(chain, "other", walk);
    chain.push(pending[0]!);
  }
}

/** Why `job` does not start: the chain down to the root; undefined when nothing blocks it (it runs, or ended). */
export async function rootCause(job: Job | JobDetail, facts: Facts, now: Date): Promise<Blockage | undefined> {
  if (!isBlocked(job, facts, now)) return undefined;
  return walkUp([job], new Walk(facts), now);
}

const rootRank: Partial<Record<State, number>> = { failed: 0, held: 1, agent: 2 };

/**
 * What blocks a job stream: a job of its own that failed, is held or has no agent, with the last of the stream's
 * jobs that waits on it; else what its first waiting job waits on, wherever that is. Undefined when nothing does.
 */
export async function streamBlockage(jobs: readonly Job[], facts: Facts, now: Date): Promise<Blockage | undefined> {
  const current = jobs.map((job) => facts.current(job));
  const roots = current
    .map((job) => ({ job, rank: rootRank[stateOf(job, facts, now)] }))
    .filter((candidate): candidate is { job: Job; rank: number } => candidate.rank !== undefined)
    .sort((a, b) => a.rank - b.rank);
  const walk = new Walk(facts);
  const root = roots[0]?.job;
  if (root) {
    const down = [root];
    while (!walk.exhausted) {
      const { successors } = await walk.relatives(down.at(-1)!.id);
      // A job after the root in the stream that has not started, whether or not its time has come.
      const next = successors.find((s) => {
        const state = stateOf(s, facts, now);
        return (
          s.job_stream_id === root.job_stream_id &&
          (state === "waiting" || state === "time") &&
          !down.some((d) => d.id === s.id)
        );
      });
      if (!next) break;
      down.push(next);
    }
    return closed(down.reverse(), stateOf(root, facts, now) as RootKind, walk);
  }
  const waiting = current.find((job) => stateOf(job, facts, now) === "waiting");
  if (!waiting) return undefined;
  const upstream = await walkUp([waiting], walk, now);
  // Waiting on a job that runs, or on a start time, is a stream on its way, not a blocked one.
  return upstream.kind === "running" || upstream.kind === "time" ? undefined : upstream;
}
