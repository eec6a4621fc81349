import { Problem, type ProblemInit } from "../platform/http/problem";

/** What went wrong talking to HWA, in terms the API can answer with. */
export type HwaFailure =
  | "credentials-rejected" // 401/403 from HWA: our configuration, not the caller's fault
  | "not-found"
  | "bad-request" // HWA refused our request (e.g. an OQL error)
  | "conflict" // HWA refused the action in the job's current state
  | "rate-limited"
  | "unavailable" // connection refused, 503
  | "upstream-error" // 500, 502, 504 and other failures of HWA itself
  | "timeout"
  | "circuit-open"
  | "bulkhead-full"
  | "invalid-response" // a body that does not match the V2 schema
  | "not-configured";

/**
 * An HWA failure in our words: `message` never carries HWA's own text, paths or hosts (they would reach callers);
 * `code` keeps the engine's message code (e.g. AWSJPL506E), which operators look up in HWA's documentation.
 */
export class HwaError extends Error {
  constructor(
    readonly failure: HwaFailure,
    message: string,
    readonly status?: number,
    /** Seconds until a retry may help (429/503 Retry-After, open circuit). */
    readonly retryAfterSeconds?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = "HwaError";
  }

  toProblem(): Problem {
    return hwaProblem(this);
  }
}

/** The problem+json an HWA failure becomes: the caller learns what to do, never our internals. */
/** The problem, with HWA's message code beside it when the engine gave one (`hwa_code`). */
function withCode(error: HwaError, init: ProblemInit): Problem {
  return new Problem(error.code ? { ...init, extensions: { hwa_code: error.code } } : init);
}

export function hwaProblem(error: HwaError): Problem {
  const retry = (seconds: number | undefined, fallback: number) => ({
    "Retry-After": String(Math.max(1, Math.ceil(seconds ?? fallback))),
  });
  switch (error.failure) {
    case "credentials-rejected":
      return withCode(error, {
        status: 502,
        kind: "hwa-credentials-rejected",
        detail: "HWA rejected Resync's credentials (upstream rejected our credentials)",
      });
    case "not-found":
      return withCode(error, { status: 404, kind: "hwa-not-found", detail: error.message });
    case "bad-request":
      return withCode(error, {
        status: 502,
        kind: "hwa-bad-request",
        detail: `HWA refused the request: ${error.message}`,
      });
    case "conflict":
      return withCode(error, { status: 409, kind: "hwa-conflict", detail: error.message });
    case "rate-limited":
      return withCode(error, {
        status: 503,
        kind: "hwa-rate-limited",
        detail: "HWA is limiting requests; try again shortly",
        headers: retry(error.retryAfterSeconds, 5),
      });
    case "timeout":
      return withCode(error, {
        status: 504,
        kind: "hwa-timeout",
        detail: "HWA did not answer in time",
        headers: retry(undefined, 5),
      });
    case "circuit-open":
      return withCode(error, {
        status: 503,
        kind: "hwa-circuit-open",
        detail: "HWA is failing; calls are paused",
        headers: retry(error.retryAfterSeconds, 60),
      });
    case "bulkhead-full":
      return withCode(error, {
        status: 503,
        kind: "hwa-busy",
        detail: "Too many calls to HWA are in progress; try again shortly",
        headers: retry(undefined, 1),
      });
    case "not-configured":
      return withCode(error, {
        status: 503,
        kind: "hwa-not-configured",
        detail: "HWA_BASE_URL is not configured",
        headers: retry(undefined, 60),
      });
    case "invalid-response":
      return withCode(error, {
        status: 502,
        kind: "hwa-invalid-response",
        detail: "HWA answered with an unexpected response",
      });
    case "upstream-error":
      return withCode(error, { status: 502, kind: "hwa-error", detail: "HWA failed to answer the request" });
    default:
      return withCode(error, {
        status: 503,
        kind: "hwa-unavailable",
        detail: "HWA is unavailable; try again shortly",
        headers: retry(error.retryAfterSeconds, 5),
      });
  }
}
