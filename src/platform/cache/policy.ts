import type { SharedFailure } from "../../../durable-objects/coalescer";

// What the cache needs to know about the data it holds, passed in by its owner: the cache itself knows no upstream.

export interface Freshness {
  /** Served as is ("hit") until this age, in seconds after the value was fetched. */
  freshSeconds: number;
  /** Until this age a stale value is served at once while one background refresh runs (stale-while-revalidate). */
  revalidateSeconds: number;
  /** Until this age a stale value is served when the upstream fails (stale-if-error); then it is gone. */
  staleSeconds: number;
}

/** How one kind of data is cached: the freshness of each class of key, and what its upstream's failures mean. */
export interface CachePolicy<R extends string = string> {
  freshness: Record<R, Freshness>;
  /** The upstream is unwell (not: the request was wrong): a stale value may stand in for an answer. */
  isTransient(error: unknown): boolean;
  /** An error as plain data, so a leader in one isolate can hand it to its followers in others. */
  share(error: unknown): SharedFailure;
  /** The error a follower rethrows for its leader's failure, so it answers the same problem. */
  revive(shared: SharedFailure): Error;
  /** Families of keys invalidated by prefix, each a pattern matching the family's prefix (see prefix-marks.ts). */
  families: readonly RegExp[];
}

/** The moments, in ms since the epoch, at which a value fetched at `fetchedAt` stops being fresh, revalidatable, servable. */
export function lifetimeOf(freshness: Freshness, fetchedAt: number) {
  return {
    freshUntil: fetchedAt + freshness.freshSeconds * 1000,
    revalidateUntil: fetchedAt + freshness.revalidateSeconds * 1000,
    staleUntil: fetchedAt + freshness.staleSeconds * 1000,
  };
}

/** The longest stale limit of a policy: how long anything it caches may still be served. */
export function longestStaleSeconds(policy: CachePolicy): number {
  return Math.max(...Object.values<Freshness>(policy.freshness).map((f) => f.staleSeconds));
}
