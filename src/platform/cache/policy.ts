// How fresh each kind of HWA data must be, in one place. Times are seconds after the value was fetched.

/** The kinds of HWA data Resync caches, each with its own freshness. */
export type Resource =
  | "job"
  | "jobs"
  | "joblog"
  | "joblog-running"
  | "jobstream"
  | "jobstreams"
  | "workstations"
  | "engine";

export interface Freshness {
  /** Served as is ("hit") until this age. */
  freshSeconds: number;
  /** Until this age a stale value is served at once while one background refresh runs (stale-while-revalidate). */
  revalidateSeconds: number;
  /** Until this age a stale value is served when HWA fails or its circuit is open (stale-if-error); then it is gone. */
  staleSeconds: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

export const freshness: Record<Resource, Freshness> = {
  // Operators act on a job's status: 10 s old at most while HWA answers.
  job: { freshSeconds: 10, revalidateSeconds: 30, staleSeconds: 15 * MINUTE },
  jobs: { freshSeconds: 10, revalidateSeconds: 30, staleSeconds: 15 * MINUTE },
  // A finished run's log never changes again.
  joblog: { freshSeconds: 1 * HOUR, revalidateSeconds: 24 * HOUR, staleSeconds: 24 * HOUR },
  // A running job's log grows line by line.
  "joblog-running": { freshSeconds: 5, revalidateSeconds: 15, staleSeconds: 5 * MINUTE },
  jobstream: { freshSeconds: 10, revalidateSeconds: 30, staleSeconds: 15 * MINUTE },
  jobstreams: { freshSeconds: 10, revalidateSeconds: 30, staleSeconds: 15 * MINUTE },
  // Workstation definitions and link states change rarely; the engine's version almost never.
  workstations: { freshSeconds: 5 * MINUTE, revalidateSeconds: 1 * HOUR, staleSeconds: 24 * HOUR },
  engine: { freshSeconds: 1 * HOUR, revalidateSeconds: 24 * HOUR, staleSeconds: 24 * HOUR },
};

/** The moments, in ms since the epoch, at which a value fetched at `fetchedAt` stops being fresh, revalidatable, servable. */
export function lifetimeOf(resource: Resource, fetchedAt: number) {
  const policy = freshness[resource];
  return {
    freshUntil: fetchedAt + policy.freshSeconds * 1000,
    revalidateUntil: fetchedAt + policy.revalidateSeconds * 1000,
    staleUntil: fetchedAt + policy.staleSeconds * 1000,
  };
}
