export interface LazyOptions {
  /** Errors that retrying cannot fix (e.g. rejected credentials): kept and rethrown, never retried. */
  isPermanent?: (error: unknown) => boolean;
  /** First retry delay in ms; doubles per consecutive failure. Default 100. */
  baseDelayMs?: number;
  /** Cap of the retry delay in ms. Default 30 000. */
  maxDelayMs?: number;
  now?: () => number;
  random?: () => number;
}

/** Thrown while a failed initialisation waits for its next attempt. */
export class InitialisationBackoff extends Error {
  constructor(
    override readonly cause: unknown,
    readonly retryAt: number,
  ) {
    super(`initialisation failed; next attempt at ${new Date(retryAt).toISOString()}`);
    this.name = "InitialisationBackoff";
  }
}

export interface Lazy<T> {
  /** The value, created by the first caller; concurrent first callers share that one creation. */
  get(): Promise<T>;
  /** How many times creation has started, for metrics and tests. */
  readonly attempts: number;
}

/**
 * A per-isolate singleton created on first use, exactly once even under concurrent first requests.
 * A failed creation is not cached: the next request after a backoff with full jitter tries again.
 */
export function lazy<T>(create: () => Promise<T>, options: LazyOptions = {}): Lazy<T> {
  const {
    isPermanent = () => false,
    baseDelayMs = 100,
    maxDelayMs = 30_000,
    now = Date.now,
    random = Math.random,
  } = options;
  let value: { ready: true; value: T } | undefined;
  let pending: Promise<T> | undefined;
  let permanent: { error: unknown } | undefined;
  let failures = 0;
  let lastError: unknown;
  let retryAt = 0;
  let attempts = 0;

  const start = (): Promise<T> => {
    attempts += 1;
    pending = create().then(
      (created) => {
        value = { ready: true, value: created };
        failures = 0;
        pending = undefined;
        return created;
      },
      (error: unknown) => {
        pending = undefined;
        if (isPermanent(error)) {
          permanent = { error };
        } else {
          failures += 1;
          lastError = error;
          retryAt = now() + random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (failures - 1));
        }
        throw error;
      },
    );
    return pending;
  };

  return {
    get attempts() {
      return attempts;
    },
    get(): Promise<T> {
      if (value) return Promise.resolve(value.value);
      if (pending) return pending;
      if (permanent) return Promise.reject(permanent.error);
      if (failures > 0 && now() < retryAt) return Promise.reject(new InitialisationBackoff(lastError, retryAt));
      return start();
    },
  };
}
