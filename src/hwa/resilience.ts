import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  type CircuitBreakerPolicy,
  type IBackoff,
  type IBackoffFactory,
  type IRetryBackoffContext,
} from "cockatiel";
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

const upstreamCalls = metrics.counter("resync_hwa_calls_total", "HWA attempts by outcome.");
const breakerOpens = metrics.counter("resync_hwa_circuit_opened_total", "Times the HWA circuit opened.");

/** Failures that say HWA is unwell: they count for the breaker. A 4xx (but 429) is our request's fault. */
function isUpstreamFailure(error: unknown): boolean {
  if (!(error instanceof HwaError)) return error instanceof TaskCancelledError;
  return ["unavailable", "upstream-error", "timeout", "rate-limited"].includes(error.failure);
}

function isRetryable(error: unknown, idempotent: boolean): boolean {
  if (error instanceof HwaError && error.failure === "rate-limited") return true;
  return idempotent && isUpstreamFailure(error);
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
  readonly breaker: CircuitBreakerPolicy;
  readonly bulkhead: Bulkhead;
  private openedAt = 0;

  constructor(readonly options: ResilienceOptions = defaultResilience) {
    this.breaker = circuitBreaker(handleWhen(isUpstreamFailure), {
      halfOpenAfter: options.breakerOpenMs,
      breaker: new ConsecutiveBreaker(options.breakerThreshold),
    });
    this.breaker.onBreak(() => {
      this.openedAt = Date.now();
      breakerOpens.inc();
    });
    this.bulkhead = new Bulkhead(options.bulkhead);
  }

  /** Seconds until the open circuit lets a probe through. */
  private remainingOpenSeconds(): number {
    return Math.max(1, Math.ceil((this.openedAt + this.options.breakerOpenMs - Date.now()) / 1000));
  }

  async call<T>(idempotent: boolean, attempt: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const retries = retry(handleWhen((error) => isRetryable(error, idempotent)), {
      maxAttempts: this.options.retries,
      backoff: new UpstreamBackoff(this.options),
    });
    const perAttempt = timeout(this.options.attemptTimeoutMs, TimeoutStrategy.Aggressive);
    const deadline = timeout(this.options.deadlineMs, TimeoutStrategy.Aggressive);
    try {
      return await this.bulkhead.run(() =>
        deadline.execute(({ signal: callSignal }) =>
          retries.execute(
            () => this.breaker.execute(() => perAttempt.execute(({ signal }) => attempt(signal)), callSignal),
            callSignal,
          ),
        ),
      );
    } catch (error) {
      throw this.translate(error);
    }
  }

  private translate(error: unknown): unknown {
    if (error instanceof BrokenCircuitError) {
      upstreamCalls.inc({ outcome: "circuit_open" });
      return new HwaError("circuit-open", "HWA circuit is open", undefined, this.remainingOpenSeconds());
    }
    if (error instanceof TaskCancelledError) {
      upstreamCalls.inc({ outcome: "timeout" });
      return new HwaError("timeout", "HWA did not answer in time");
    }
    return error;
  }
}
