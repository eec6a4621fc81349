import { metrics } from "../observability/metrics";

// The cache's numbers on /metrics; per isolate, like every metric here.

/** Answers by resource class and where they came from: hit, miss, stale, coalesced. */
export const cacheReads = metrics.counter(
  "resync_cache_reads_total",
  "Cached reads by resource class and source (hit, miss, stale, coalesced).",
);
/** Why a stale value was served: revalidating in the background, or the upstream failing. */
export const staleServed = metrics.counter(
  "resync_cache_stale_served_total",
  "Stale values served by resource class and reason.",
);
/** Lookups per tier: memory (this isolate) and kv (shared). */
export const tierLookups = metrics.counter(
  "resync_cache_lookups_total",
  "Cache lookups by tier (memory, kv) and outcome (hit, miss).",
);
export const evictions = metrics.counter(
  "resync_cache_evictions_total",
  "Memory cache entries removed by reason (capacity, expired).",
);
export const rejections = metrics.counter(
  "resync_cache_rejections_total",
  "Values not cached because they were larger than an entry's share of the memory cache.",
);
export const memoryBytes = metrics.gauge(
  "resync_cache_memory_bytes",
  "Bytes held by this isolate's memory cache (UTF-16 size of the cached JSON).",
);
export const memoryEntries = metrics.gauge(
  "resync_cache_memory_entries",
  "Entries held by this isolate's memory cache.",
);
export const kvWrites = metrics.counter(
  "resync_cache_kv_writes_total",
  "Envelopes written to (put) or deleted from (delete) KV, and prefix invalidation marks (mark), by operation and outcome.",
);
/** Refreshes by role: leader (called upstream), follower (waited for another isolate's leader), and how they ended. */
export const refreshes = metrics.counter("resync_cache_refreshes_total", "Cache refreshes by role and outcome.");
