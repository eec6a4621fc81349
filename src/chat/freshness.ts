import type { Read } from "../platform/cache";

/**
 * How fresh an answer's facts are: the oldest value served because HWA failed. A value served stale while a
 * background refresh runs (stale-while-revalidate) is the normal life of the cache, not an HWA failure.
 */
export class Freshness {
  private stale: number | undefined;

  /** Records how `read` was served, without parsing its value. */
  saw(read: Read<unknown>): void {
    if (read.upstreamFailed) this.stale = Math.max(this.stale ?? 0, read.ageSeconds);
  }

  note<T>(read: Read<T>): T {
    this.saw(read);
    return read.value;
  }

  /** Seconds of the stalest value served while HWA failed, when one was. */
  get staleSeconds(): number | undefined {
    return this.stale;
  }
}
