import { LRUCache } from "lru-cache";

/** How long an invalidation is remembered: KV's propagation (about 60 s) plus a refresh's lease, with margin. */
export const REMEMBER_INVALIDATION_MS = 90_000;
const MAX_REMEMBERED = 2_000;

/**
 * What this isolate invalidated and when: a value fetched before that moment is never trusted again here,
 * whichever tier or refresh it comes from. A target ending in `*` covers every key with that prefix.
 */
export class Invalidations {
  private readonly keys: LRUCache<string, number>;
  private readonly prefixes: LRUCache<string, number>;

  constructor(now: () => number = Date.now) {
    const options = {
      max: MAX_REMEMBERED,
      ttl: REMEMBER_INVALIDATION_MS,
      ttlAutopurge: false,
      ttlResolution: 0,
      perf: { now },
    };
    this.keys = new LRUCache<string, number>(options);
    this.prefixes = new LRUCache<string, number>(options);
  }

  mark(target: string, at: number): void {
    if (target.endsWith("*")) this.prefixes.set(target.slice(0, -1), at);
    else this.keys.set(target, at);
  }

  /** The latest invalidation covering `key`, or 0 when there is none. */
  since(key: string): number {
    let latest = this.keys.get(key) ?? 0;
    for (const [prefix, at] of this.prefixes.entries()) if (at > latest && key.startsWith(prefix)) latest = at;
    return latest;
  }
}
