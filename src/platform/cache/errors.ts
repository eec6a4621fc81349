import type { SharedFailure } from "../../../durable-objects/coalescer";
import { HwaError, type HwaFailure } from "../../hwa/errors";
import { Problem } from "../http/problem";

/** Another request is refreshing this value and did not finish within the wait; nothing stale was left to serve. */
export class RefreshPending extends Error {
  constructor(readonly retryAfterSeconds = 5) {
    super("A refresh of this data from HWA is taking too long");
    this.name = "RefreshPending";
  }

  toProblem(): Problem {
    return new Problem({
      status: 503,
      kind: "hwa-refresh-pending",
      detail: "Another request is still fetching this data from HWA; try again shortly",
      headers: { "Retry-After": String(this.retryAfterSeconds) },
    });
  }
}

/** Failures that mean HWA is unwell (not that the request was wrong): a stale value may stand in for an answer. */
const UPSTREAM_FAILURES: readonly HwaFailure[] = [
  "unavailable",
  "upstream-error",
  "timeout",
  "circuit-open",
  "rate-limited",
  "bulkhead-full",
  "invalid-response",
];

export function isUpstreamFailure(error: unknown): boolean {
  if (error instanceof RefreshPending) return true;
  return error instanceof HwaError && UPSTREAM_FAILURES.includes(error.failure);
}

export function shareFailure(error: unknown): SharedFailure {
  if (error instanceof HwaError) {
    return {
      name: error.name,
      message: error.message,
      failure: error.failure,
      status: error.status,
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  if (error instanceof RefreshPending)
    return { name: error.name, message: error.message, retryAfterSeconds: error.retryAfterSeconds };
  return { name: "Error", message: error instanceof Error ? error.message : String(error) };
}

/** The error a follower rethrows for its leader's failure: the same HWA failure, so it answers the same problem. */
export function failureOf(shared: SharedFailure): Error {
  if (shared.failure)
    return new HwaError(shared.failure as HwaFailure, shared.message, shared.status, shared.retryAfterSeconds);
  if (shared.name === "RefreshPending") return new RefreshPending(shared.retryAfterSeconds);
  return new Error(`refresh failed: ${shared.message}`);
}
