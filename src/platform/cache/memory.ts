import { LRUCache } from "lru-cache";
import type { Entry } from "./envelope";
import { evictions, memoryBytes, memoryEntries, rejections } from "./metrics";

export interface MemoryCacheOptions {
  /** Entries at most. */
  maxEntries: number;
  /** Bytes at most, counted as the UTF-16 size of each entry's JSON. */
  maxBytes: number;
  /** One entry's share: a larger value is not cached (and is counted). Default maxBytes / 16. */
  maxEntryBytes?: number;
  /** The clock, ms since the epoch; tests pass their own. Default Date.now. */
  now?: () => number;
}

/** Room an entry takes beyond its JSON: the key, the times and the bookkeeping, roughly. */
const ENTRY_OVERHEAD_BYTES = 128;

/** V8 keeps ASCII strings at one byte a character and others at two, so twice the length bounds a string's memory. */
export function sizeOf(entry: Entry): number {
  return entry.json.length * 2 + ENTRY_OVERHEAD_BYTES;
}

/**
 * The first tier: this isolate's bounded LRU. An entry lives until its envelope's `stale_until`; whether it is
 * still fresh is the caller's decision (from the entry's times), so lru-cache never serves stale by itself.
 */
export class MemoryCache {
  private readonly lru: LRUCache<string, Entry>;
  private readonly now: () => number;
  readonly maxEntryBytes: number;

  constructor(options: MemoryCacheOptions) {
    this.now = options.now ?? Date.now;
    this.maxEntryBytes = options.maxEntryBytes ?? Math.floor(options.maxBytes / 16);
    this.lru = new LRUCache<string, Entry>({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      maxEntrySize: this.maxEntryBytes,
      sizeCalculation: sizeOf,
      // No timers: a timer started by one request may never fire once that request has ended.
      ttlAutopurge: false,
      ttlResolution: 0,
      allowStale: false,
      updateAgeOnGet: false,
      perf: { now: this.now },
      dispose: (_entry, _key, reason) => {
        if (reason === "evict") evictions.inc({ reason: "capacity" });
        else if (reason === "expire") evictions.inc({ reason: "expired" });
      },
    });
  }

  get(key: string): Entry | undefined {
    const entry = this.lru.get(key);
    if (entry === undefined) this.report();
    return entry;
  }

  /** Caches `entry` until its `stale_until`; false when it was too large for its share (or already expired). */
  set(key: string, entry: Entry): boolean {
    const ttl = entry.stale_until - this.now();
    if (ttl <= 0) return false;
    if (sizeOf(entry) > this.maxEntryBytes) {
      rejections.inc({ reason: "too-large" });
      this.lru.delete(key);
      this.report();
      return false;
    }
    this.lru.set(key, entry, { ttl });
    this.report();
    return true;
  }

  delete(key: string): void {
    this.lru.delete(key);
    this.report();
  }

  /** Deletes every key that starts with `prefix`; walks the whole cache, which is bounded by `maxEntries`. */
  deleteStartingWith(prefix: string): void {
    for (const key of [...this.lru.keys()]) if (key.startsWith(prefix)) this.lru.delete(key);
    this.report();
  }

  has(key: string): boolean {
    return this.lru.has(key);
  }

  /** Keys from most to least recently used. */
  keys(): string[] {
    return [...this.lru.keys()];
  }

  get bytes(): number {
    return this.lru.calculatedSize;
  }

  get size(): number {
    return this.lru.size;
  }

  private report(): void {
    memoryBytes.set({}, this.lru.calculatedSize);
    memoryEntries.set({}, this.lru.size);
  }
}
