import type { Job } from "../jobs/job";

// The engine's clock, read off the plan. HWA reports a running job's elapsed time as of the moment it answered,
// so its start plus its elapsed time is HWA's "now" then. Every time an answer states (how long a job has run,
// "today", "desde as 6h", "nas últimas 2 horas") is on this one reading, never the Worker's clock: the two may differ
// (the simulator's plan day is not the real day), and they need not even run alike (a simulator's clock may be
// stopped or scaled). So the reading is not moved on by the cached page's age, which the Worker's clock measures:
// the answer's facts are the page's, as of that reading, and a window ("the last 2 hours") ends there.

export interface EngineClock {
  readonly now: Date;
  /** IANA zone of the engine (`/engine/info`), UTC when HWA cannot say. */
  readonly timeZone: string;
}

const RUNNING = new Set(["EXEC", "SUCCP", "ABENP", "BOUND"]);

/** HWA's clock when it answered with `jobs`: the latest start + elapsed of a running job; undefined when none runs. */
export function observedNow(jobs: readonly Job[]): number | undefined {
  let latest: number | undefined;
  for (const job of jobs) {
    if (!RUNNING.has(job.status ?? "") || job.ended_at || job.duration_ms === null || !job.started_at) continue;
    const at = Date.parse(job.started_at) + job.duration_ms;
    if (!Number.isNaN(at) && (latest === undefined || at > latest)) latest = at;
  }
  return latest;
}

/** The engine's now: the newest of the plan pages' readings; `fallback` (the Worker's clock) without any. */
export function engineNow(observed: readonly (number | undefined)[], fallback: number): number {
  let now: number | undefined;
  for (const at of observed) if (at !== undefined && (now === undefined || at > now)) now = at;
  return now ?? fallback;
}
