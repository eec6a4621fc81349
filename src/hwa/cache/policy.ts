import type { SharedFailure } from "../../../durable-objects/coalescer";
import { RefreshPending } from "../../platform/cache/errors";
import type { CachePolicy, Freshness } from "../../platform/cache/policy";
import { HwaError, type HwaFailure } from "../errors";
import { cacheFamilies } from "./keys";

// How fresh each kind of HWA data must be, in one place. Times are seconds after the value was fetched.

/** The kinds of HWA data Resync caches, each with its own freshness. */
export type HwaResource =
  | "job"
  | "jobs"
  | "joblog"
  | "joblog-running"
  | "jobstream"
  | "jobstreams"
  | "workstations"
  | "engine";

const MINUTE = 60;
const HOUR = 60 * MINUTE;

export const freshness: Record<HwaResource, Freshness> = {
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

/** Failures that mean HWA is unwell (not that the request was wrong): a stale value may stand in for an answer. */
const TRANSIENT: readonly HwaFailure[] = [
  "unavailable",
  "upstream-error",
  "timeout",
  "circuit-open",
  "rate-limited",
  "bulkhead-full",
  "invalid-response",
];

export const hwaCachePolicy: CachePolicy<HwaResource> = {
  freshness,
  families: cacheFamilies,
  isTransient: (error) =>
    error instanceof RefreshPending || (error instanceof HwaError && TRANSIENT.includes(error.failure)),
  share(error): SharedFailure {
    if (error instanceof HwaError) {
      const { name, message, failure, status, retryAfterSeconds } = error;
      return { name, message, failure, status, retryAfterSeconds };
    }
    if (error instanceof RefreshPending)
      return { name: error.name, message: error.message, retryAfterSeconds: error.retryAfterSeconds };
    return { name: "Error", message: error instanceof Error ? error.message : String(error) };
  },
  revive(shared) {
    if (shared.failure)
      return new HwaError(shared.failure as HwaFailure, shared.message, shared.status, shared.retryAfterSeconds);
    if (shared.name === "RefreshPending") return new RefreshPending(shared.retryAfterSeconds);
    return new Error(`refresh failed: ${shared.message}`);
  },
};
