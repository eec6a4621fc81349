import type { Coalescer, Joined, JoinRequest, RefreshOutcome } from "../../../durable-objects/coalescer";
import type { Logger } from "../observability/logger";
import { describeError } from "../observability/logger";
import { TimeoutError, withTimeout } from "../services/timeout";
import { entryOf, envelopeText, type Entry } from "./envelope";
import { RefreshPending } from "./errors";
import type { Invalidations } from "./invalidations";
import { storageKey } from "./storage-key";
import { sizeOf, type MemoryCache } from "./memory";
import { kvWrites, refreshes } from "./metrics";
import type { CachePolicy } from "./policy";

/** What a cache read needs from the request: the shared tiers, and a way to finish work after the response. */
export interface CacheIo {
  kv: KVNamespace;
  coalescer: DurableObjectNamespace<Coalescer>;
  waitUntil(promise: Promise<unknown>): void;
  log?: Logger;
}

export interface ReadRequest<T> {
  /** The class of the key in the cache's policy (its freshness), also its label on /metrics. */
  resource: string;
  key: string;
  /** Fetches the value from upstream; it must be plain JSON data. */
  load: () => Promise<T>;
}

export interface RefreshDeps {
  policy: CachePolicy;
  memory: MemoryCache;
  invalidations: Invalidations;
  now: () => number;
  /** How long a leader may take (the upstream call's whole deadline and a margin). */
  leaseMs: number;
}

/** A refreshed value: loaded here (`own`, this request's own object) or handed over by another isolate's leader. */
export type Refreshed<T> = { entry: Entry; coalesced: false; own: T } | { entry: Entry; coalesced: true };

/** Time for a Coalescer call beyond the wait it may contain. */
const COALESCER_MARGIN_MS = 5_000;
/** KV forgets nothing sooner than 60 s. */
const KV_MIN_TTL_SECONDS = 60;

/**
 * Refreshes one key with the other isolates: the key's Coalescer makes one caller the leader, which loads from
 * upstream, keeps the value here, publishes it to the waiting followers and writes KV once; a follower takes the
 * leader's value or failure. Without a reachable Coalescer the caller loads alone rather than fail the read.
 */
export async function refreshAcrossIsolates<T>(
  deps: RefreshDeps,
  io: CacheIo,
  request: ReadRequest<T>,
  notBefore: number,
): Promise<Refreshed<T>> {
  const name = await storageKey(request.key);
  const coalescer = io.coalescer.get(io.coalescer.idFromName(name));
  const freshness = deps.policy.freshness[request.resource]!;
  const freshSince = deps.now() - freshness.freshSeconds * 1000;
  const joined = await join(deps, io, coalescer, {
    leaseMs: deps.leaseMs,
    notBefore,
    freshSince,
    maxWaitMs: deps.leaseMs,
  });

  if (joined.role === "follower") {
    const outcome = joined.outcome;
    refreshes.inc({ role: "follower", outcome: outcome.kind });
    if (outcome.kind === "value") {
      const entry = outcome.value as Entry;
      keep(deps, request.key, entry);
      return { entry, coalesced: true };
    }
    if (outcome.kind === "failed") throw deps.policy.revive(outcome.failure);
    if (outcome.kind === "timed-out") throw new RefreshPending();
    // "not-shared": the value was too large to hand over; load it here, uncached.
  }

  const lease = joined.role === "leader" ? joined.lease : undefined;
  const publish = (outcome: RefreshOutcome, shareForMs = 0) => {
    if (lease) io.waitUntil(publishTo(io, coalescer, lease, outcome, shareForMs));
  };
  // The value is as of this moment, the last before asking upstream.
  const startedAt = deps.now();
  let value: T;
  try {
    value = await request.load();
  } catch (error) {
    refreshes.inc({ role: "leader", outcome: "failed" });
    publish({ kind: "failed", failure: deps.policy.share(error) });
    throw error;
  }
  refreshes.inc({ role: "leader", outcome: "value" });
  const entry = entryOf(JSON.stringify(value) ?? "null", freshness, startedAt);
  if (sizeOf(entry) > deps.memory.maxEntryBytes) {
    deps.memory.set(request.key, entry); // refused and counted as a rejection
    publish({ kind: "not-shared" });
    return { entry, coalesced: false, own: value };
  }
  const kept = keep(deps, request.key, entry);
  // A value fetched before an invalidation still answers its waiters, but is not handed to anyone later.
  publish({ kind: "value", value: entry, startedAt }, kept ? entry.fresh_until - deps.now() : 0);
  if (kept) io.waitUntil(writeKv(io, name, entry, deps.now()));
  return { entry, coalesced: false, own: value };
}

/** Keeps `entry` in memory unless this isolate invalidated the key since its fetch began. */
function keep(deps: RefreshDeps, key: string, entry: Entry): boolean {
  if (deps.invalidations.since(key) >= entry.fetched_at) return false;
  return deps.memory.set(key, entry);
}

async function join(
  deps: RefreshDeps,
  io: CacheIo,
  coalescer: DurableObjectStub<Coalescer>,
  request: JoinRequest,
): Promise<Joined | { role: "alone" }> {
  try {
    // The RPC stub's result type is a union of promises; as plain data it is a Joined.
    const joined = coalescer.join(request) as Promise<unknown> as Promise<Joined>;
    return await withTimeout("Coalescer", deps.leaseMs + COALESCER_MARGIN_MS, joined);
  } catch (error) {
    if (error instanceof TimeoutError) throw new RefreshPending();
    refreshes.inc({ role: "alone", outcome: "coalescer-unavailable" });
    io.log?.warn("cache coalescer unavailable; refreshing without it", describeError(error));
    return { role: "alone" };
  }
}

async function publishTo(
  io: CacheIo,
  coalescer: DurableObjectStub<Coalescer>,
  lease: string,
  outcome: RefreshOutcome,
  shareForMs: number,
): Promise<void> {
  try {
    await withTimeout("Coalescer", COALESCER_MARGIN_MS, coalescer.publish(lease, outcome, shareForMs));
  } catch (error) {
    // Followers are released by their own bounded wait.
    io.log?.warn("cache coalescer publish failed", describeError(error));
  }
}

/** The one KV write of a refresh; kept until the value may no longer be served at all. */
async function writeKv(io: CacheIo, name: string, entry: Entry, now: number): Promise<void> {
  const expirationTtl = Math.max(KV_MIN_TTL_SECONDS, Math.ceil((entry.stale_until - now) / 1000));
  try {
    await io.kv.put(name, envelopeText(entry), { expirationTtl });
    kvWrites.inc({ operation: "put", outcome: "ok" });
  } catch (error) {
    kvWrites.inc({ operation: "put", outcome: "failed" });
    io.log?.warn("cache KV write failed", describeError(error));
  }
}
