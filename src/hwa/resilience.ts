import type { CircuitBreakerPolicy, IBackoff, IBackoffFactory, IRetryBackoffContext } from "cockatiel";
import { metrics } from "../platform/observability/metrics";
import { Bulkhead } from "./bulkhead";
import { HwaError } from "./errors";

export interface ResilienceOptions {
  /** Budget of one attempt. Default 8 s. */
  attemptTimeoutMs: number;
  /** Budget of a whole call, retries and waits included. Default 20 s. */
  deadlineMs: number;
  /** Retries after the first attempt (reads; writes only after a 429). Default 3. */
  retries: number;
  /** First backoff; doubles per retry up to `maxBackoffMs`, with full jitter. Default 200 ms. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** Consecutive failures that open the circuit. Default 5. */
  breakerThreshold: number;
  /** How long the circuit stays open before one probe may pass. Default 60 s. */
  breakerOpenMs: number;
  bulkhead: { capacity: number; queueLength: number; queueTimeoutMs: number };
}

export const defaultResilience: ResilienceOptions = {
  attemptTimeoutMs: 8_000,
  deadlineMs: 20_000,
  retries: 3,
  baseBackoffMs: 200,
  maxBackoffMs: 2_000,
  breakerThreshold: 5,
  breakerOpenMs: 60_000,
  bulkhead: { capacity: 32, queueLength: 256, queueTimeoutMs: 5_000 },
};

// cockatiel aborts an AbortController when its module loads, which Workers forbid at global scope; loaded
// on first use (the bundler keeps a dynamically imported module lazy), it initialises inside a request.
type Cockatiel = typeof import("cockatiel");
let cockatiel: Promise<Cockatiel> | undefined;
function loadCockatiel(): Promise<Cockatiel> {
  cockatiel ??= import("cockatiel");
  return cockatiel;
}

/** How long past its call's deadline a bulkhead slot is kept before it is taken back as abandoned. */
const SLOT_LEASE_MARGIN_MS = 5_000;

const upstreamCalls = metrics.counter("resync_hwa_calls_total", "HWA attempts by outcome.");
const breakerOpens = metrics.counter("resync_hwa_circuit_opened_total", "Times the HWA circuit opened.");

/** Failures that say HWA is unwell: they count for the breaker. A 4xx (but 429) is our request's fault. */
function isUpstreamFailure(error: unknown, { TaskCancelledError }: Cockatiel): boolean {
  if (!(error instanceof HwaError)) return error instanceof TaskCancelledError;
  return ["unavailable", "upstream-error", "timeout", "rate-limited"].includes(error.failure);
}

function isRetryable(error: unknown, idempotent: boolean, library: Cockatiel): boolean {
  if (error instanceof HwaError && error.failure === "rate-limited") return true;
  return idempotent && isUpstreamFailure(error, library);
}

/** Capped exponential backoff with full jitter, or exactly what the server asked for in Retry-After. */
class UpstreamBackoff implements IBackoffFactory<IRetryBackoffContext<unknown>> {
  constructor(
    private readonly options: ResilienceOptions,
    private readonly attempt = 0,
  ) {}

  next(context: IRetryBackoffContext<unknown>): IBackoff<IRetryBackoffContext<unknown>> {
    const error = "error" in context.result ? context.result.error : undefined;
    const asked = error instanceof HwaError ? error.retryAfterSeconds : undefined;
    const ceiling = Math.min(this.options.maxBackoffMs, this.options.baseBackoffMs * 2 ** this.attempt);
    const duration = asked !== undefined ? asked * 1000 : Math.random() * ceiling;
    const following = new UpstreamBackoff(this.options, this.attempt + 1);
    return { duration, next: (c) => following.next(c) };
  }
}

/**
 * The per-isolate protection of one HWA engine: a bulkhead, a circuit breaker shared by every request of
 * the isolate, and per call a deadline, retries and an attempt timeout.
 */
export class UpstreamGuard {
  readonly bulkhead: Bulkhead;
  private breaker: CircuitBreakerPolicy | undefined;
  private openedAt = 0;

  constructor(
    readonly options: ResilienceOptions = defaultResilience,
    /** The engine this guard protects: the `engine` label of its metrics. */
    readonly engine = "default",
  ) {
    // A call ends by its deadline at the latest; a slot held a while past it belongs to an abandoned request.
    this.bulkhead = new Bulkhead({ ...options.bulkhead, leaseMs: options.deadlineMs + SLOT_LEASE_MARGIN_MS });
  }

  private circuit(library: Cockatiel): CircuitBreakerPolicy {
    if (!this.breaker) {
      this.breaker = library.circuitBreaker(
        library.handleWhen((error) => isUpstreamFailure(error, library)),
        {
          halfOpenAfter: this.options.breakerOpenMs,
          breaker: new library.ConsecutiveBreaker(this.options.breakerThreshold),
        },
      );
      this.breaker.onBreak(() => {
        this.openedAt = Date.now();
        breakerOpens.inc({ engine: this.engine });
      });
    }
    return this.breaker;
  }

  /** Seconds until the open circuit lets a probe through. */
  private remainingOpenSeconds(): number {
    return Math.max(1, Math.ceil((this.openedAt + this.options.breakerOpenMs - Date.now()) / 1000));
  }

  async call<T>(idempotent: boolean, attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const library = await loadCockatiel();
    const breaker = this.circuit(library);
    const retries = library.retry(
      library.handleWhen((error) => isRetryable(error, idempotent, library)),
      {
        maxAttempts: this.options.retries,
        backoff: new UpstreamBackoff(this.options),
      },
    );
    const perAttempt = library.timeout(this.options.attemptTimeoutMs, library.TimeoutStrategy.Aggressive);
    const deadline = library.timeout(this.options.deadlineMs, library.TimeoutStrategy.Aggressive);
    try {
      return await this.bulkhead.run(() =>
        deadline.execute(({ signal: callSignal }) =>
          retries.execute(
            // The attempt's signal follows the deadline's too: an attempt the deadline cuts off is aborted, not left running.
            () => breaker.execute(() => perAttempt.execute(({ signal }) => attempt(signal), callSignal), callSignal),
            callSignal,
          ),
        ),
      );
    } catch (error) {
      throw this.translate(error, library);
    }
  }

  private translate(error: unknown, { BrokenCircuitError, TaskCancelledError }: Cockatiel): unknown {
    if (error instanceof BrokenCircuitError) {
      upstreamCalls.inc({ outcome: "circuit_open", engine: this.engine });
      return new HwaError("circuit-open", "HWA circuit is open", undefined, this.remainingOpenSeconds());
    }
    if (error instanceof TaskCancelledError) {
      upstreamCalls.inc({ outcome: "timeout", engine: this.engine });
      return new HwaError("timeout", "HWA did not answer in time");
    }
    return error;
  }
}
