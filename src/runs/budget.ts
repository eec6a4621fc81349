import { MAX_WAIT_SECONDS } from "../workflows/steps";

/** A whole run's time budget: one longest wait plus room for the other steps. */
export const RUN_BUDGET_MS = (MAX_WAIT_SECONDS + 300) * 1000;

/** Runs one user may have queued or running at once; the next start is refused (429). */
export const MAX_ACTIVE_RUNS_PER_USER = 5;

/** Waits between status polls: 0.5 s doubling to 10 s, never past the deadline. */
export function pollDelay(attempt: number, remainingMs: number): number {
  return Math.max(0, Math.min(500 * 2 ** attempt, 10_000, remainingMs));
}
