import { withTimeout } from "../platform/services/timeout";

interface Entry<T> {
  startedAt: number;
  result: Promise<T>;
  settled: boolean;
}

/**
 * The answer of a check started less than `ttlMs` ago, per key: callers within that time — concurrent ones included —
 * share one check instead of each starting their own. A check that rejects is not kept. At most `maxKeys` keys
 * (one per set of checked targets; production has one), the oldest dropped first.
 */
export class RecentChecks<T> {
  private readonly checks = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs: number,
    /** How long a caller waits for a check another request started; Workers may never settle it if that request ends. */
    private readonly maxWaitMs: number,
    private readonly maxKeys = 8,
  ) {}

  /** The result for `key` as of `now` (epoch ms): the recent check's, or a new check's. */
  async get(key: string, now: number, check: () => Promise<T>): Promise<T> {
    const recent = this.checks.get(key);
    if (!recent || now - recent.startedAt >= this.ttlMs || now < recent.startedAt) return this.start(key, now, check);
    if (recent.settled) return recent.result;
    try {
      return await withTimeout("readiness check", this.maxWaitMs, recent.result);
    } catch {
      return this.start(key, now, check);
    }
  }

  private start(key: string, now: number, check: () => Promise<T>): Promise<T> {
    const entry: Entry<T> = { startedAt: now, result: check(), settled: false };
    this.checks.delete(key);
    this.checks.set(key, entry);
    if (this.checks.size > this.maxKeys) this.checks.delete(this.checks.keys().next().value!);
    entry.result.then(
      () => {
        entry.settled = true;
      },
      () => {
        if (this.checks.get(key) === entry) this.checks.delete(key);
      },
    );
    return entry.result;
  }
}
