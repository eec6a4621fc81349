import type { Job } from "../jobs/job";

// The engine's clock, read off the plan. HWA reports a running job's elapsed time as of the moment it answered,
// so its start plus its elapsed time is HWA's "now" then; the age of the cached page brings it to this moment.
// Every time an answer states (how long a job has run, "today", "desde as 6h") is on this clock, never the
// Worker's: the two may differ (the simulator's plan day is not the real day).

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

/** The engine's now from what the pages showed and how old they are; `fallback` (the Worker's clock) without any. */
export function engineNow(
  pages: readonly { observed: number | undefined; ageSeconds: number }[],
  fallback: number,
): number {
  let now: number | undefined;
  for (const page of pages) {
    if (page.observed === undefined) continue;
    const at = page.observed + page.ageSeconds * 1000;
    if (now === undefined || at > now) now = at;
  }
  return now ?? fallback;
}
