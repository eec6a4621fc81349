import { describeError } from "../observability/logger";
import { TimeoutError, withTimeout } from "../services/timeout";
import { ageSecondsOf, entryOfEnvelope, type Entry } from "./envelope";
import { isUpstreamFailure, RefreshPending } from "./errors";
import { Flights, type Flight } from "./flights";
import { Invalidations } from "./invalidations";
import { storageKey } from "./keys";
import type { MemoryCache } from "./memory";
import { cacheReads, kvWrites, staleServed, tierLookups } from "./metrics";
import { freshness } from "./policy";
import { refreshAcrossIsolates, type CacheIo, type ReadRequest, type Refreshed, type RefreshDeps } from "./refresh";

export type Source = "hit" | "miss" | "stale" | "coalesced";

/** A cached read: the value (this request's own copy), where it came from and how old it is. */
export interface Read<T> {
  /** Parsed from `json` on first use, for this request alone: no request can change what another one reads. */
  readonly value: T;
  /** The value as JSON text, as the cache holds it: an answer made of it costs no parse and no serialization. */
  readonly json: string;
  source: Source;
  ageSeconds: number;
}

/** A Read of `json`; `own` is the value when this request already holds it as an object (it loaded it). */
export function readOf<T>(json: string, source: Source, ageSeconds: number, own?: { value: T }): Read<T> {
  let parsed = own;
  return {
    source,
    ageSeconds,
    json,
    get value(): T {
      parsed ??= { value: JSON.parse(json) as T };
      return parsed.value;
    },
  };
}

export interface TieredCacheOptions {
  memory: MemoryCache;
  /** The clock, ms since the epoch. Default Date.now. */
  now?: () => number;
  /** How long one refresh may lead before another may take over; HWA's 20 s deadline and a margin by default. */
  leaseMs?: number;
}

const DEFAULT_LEASE_MS = 25_000;
/** A follower in this isolate waits for the lease plus the Coalescer round trips, and no longer. */
const FOLLOWER_MARGIN_MS = 3_000;
/** A KV read another request of this isolate started is waited for this long, then the key counts as missing. */
const KV_WAIT_MS = 5_000;

/**
 * Reads through memory (this isolate), then KV (shared), then HWA, one refresh at a time per key: fresh values
 * are hits; stale ones are served while one background refresh runs (stale-while-revalidate) and, later, when
 * HWA fails (stale-if-error), until their stale limit.
 */
export class TieredCache {
  readonly memory: MemoryCache;
  readonly invalidations: Invalidations;
  private readonly flights: Flights<Entry>;
  private readonly kvReads = new Flights<Entry | undefined>(KV_WAIT_MS);
  private readonly now: () => number;
  private readonly leaseMs: number;
  private readonly deps: RefreshDeps;

  constructor(options: TieredCacheOptions) {
    this.memory = options.memory;
    this.now = options.now ?? Date.now;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.invalidations = new Invalidations(this.now);
    this.flights = new Flights<Entry>(this.leaseMs + FOLLOWER_MARGIN_MS);
    this.deps = { memory: this.memory, invalidations: this.invalidations, now: this.now, leaseMs: this.leaseMs };
  }

  async read<T>(io: CacheIo, request: ReadRequest<T>): Promise<Read<T>> {
    const { resource, key } = request;
    const notBefore = this.invalidations.since(key);
    const inMemory = this.memory.get(key);
    tierLookups.inc({ tier: "memory", outcome: inMemory ? "hit" : "miss" });
    const entry = inMemory ?? (await this.fromKv(io, key, notBefore));
    if (!entry) return this.refreshed(io, request, notBefore);


    const now = this.now();
    if (now < entry.fresh_until) return this.answer(request, entry, "hit");
    if (now < entry.fetched_at + freshness[resource].revalidateSeconds * 1000) {
      this.revalidate(io, request, notBefore);
      return this.answer(request, entry, "stale", "revalidating");
    }
    try {
      return await this.refreshed(io, request, notBefore);
    } catch (error) {
      if (!isUpstreamFailure(error)) throw error;
      return this.answer(request, entry, "stale", "upstream-failing");
    }
  }

  /**
   * Forgets `targets` (keys, or prefixes ending in `*`) here and in KV; this isolate never trusts a value of
   * theirs fetched before now again. KV deletes exact keys only: other isolates hold prefixed ones at most
   * their fresh period.
   */
  async invalidate(io: CacheIo, targets: readonly string[]): Promise<void> {
    const now = this.now();
    for (const target of targets) {
      this.invalidations.mark(target, now);
      if (target.endsWith("*")) this.memory.deleteStartingWith(target.slice(0, -1));
      else this.memory.delete(target);
    }
    const exact = targets.filter((target) => !target.endsWith("*"));
    await Promise.all(exact.map((key) => this.deleteFromKv(io, key)));
  }

  /** A refresh this request leads, or joins when one is already in flight here. */
  private async refreshed<T>(io: CacheIo, request: ReadRequest<T>, notBefore: number): Promise<Read<T>> {
    const flight = this.flights.find(request.key, this.now(), notBefore);
    if (flight) return this.answer(request, await this.waitFor(flight), "coalesced");
    const refreshed = await this.startRefresh(io, request, notBefore);
    if (refreshed.coalesced) return this.answer(request, refreshed.entry, "coalesced");
    cacheReads.inc({ resource: request.resource, source: "miss" });
    return readOf(refreshed.entry.json, "miss", ageSecondsOf(refreshed.entry, this.now()), { value: refreshed.own });
  }

  /** Stale-while-revalidate: one background refresh per key, unless one is already running here. */
  private revalidate<T>(io: CacheIo, request: ReadRequest<T>, notBefore: number): void {
    if (this.flights.find(request.key, this.now(), notBefore)) return;
    const refresh = this.startRefresh(io, request, notBefore);
    io.waitUntil(refresh.catch((error: unknown) => io.log?.warn("cache background refresh failed", { key: request.key, ...describeError(error) })));
  }

  private startRefresh<T>(io: CacheIo, request: ReadRequest<T>, notBefore: number): Promise<Refreshed<T>> {
    const startedAt = this.now();
    const refresh = refreshAcrossIsolates(this.deps, io, request, notBefore);
    this.flights.start(request.key, startedAt, refresh.then((refreshed) => refreshed.entry));
    // Finish the refresh even if this request's client goes away: others may be waiting for it.
    io.waitUntil(refresh.catch(() => undefined));
    return refresh;
  }

  /** Another request's refresh: its promise may never settle if that request dies, so the wait is bounded. */
  private async waitFor(flight: Flight<Entry>): Promise<Entry> {
    try {
      return await withTimeout("cache refresh", this.leaseMs + FOLLOWER_MARGIN_MS, flight.result);
    } catch (error) {
      if (error instanceof TimeoutError) throw new RefreshPending();
      throw error;
    }
  }

  /** The key's KV envelope, if still servable here; concurrent misses of this isolate share one KV read. */
  private async fromKv(io: CacheIo, key: string, notBefore: number): Promise<Entry | undefined> {
    const now = this.now();
    const read = this.kvReads.find(key, now, notBefore) ?? this.kvReads.start(key, now, this.readKv(io, key));
    let entry: Entry | undefined;
    try {
      entry = await withTimeout("KV read", KV_WAIT_MS, read.result);
    } catch {
      entry = undefined; // a lost KV read is a miss
    }
    if (!entry || entry.stale_until <= this.now() || entry.fetched_at <= this.invalidations.since(key)) return undefined;
    return entry;
  }

  private async readKv(io: CacheIo, key: string): Promise<Entry | undefined> {
    let text: string | null;
    try {
      text = await io.kv.get(await storageKey(key), "text");
    } catch (error) {
      io.log?.warn("cache KV read failed", describeError(error));
      text = null;
    }
    const entry = text === null ? undefined : entryOfEnvelope(text);
    tierLookups.inc({ tier: "kv", outcome: entry ? "hit" : "miss" });
    // Kept here unless expired or invalidated since it was fetched.
    if (entry && entry.stale_until > this.now() && entry.fetched_at > this.invalidations.since(key)) this.memory.set(key, entry);
    return entry;
  }

  private async deleteFromKv(io: CacheIo, key: string): Promise<void> {
    try {
      await io.kv.delete(await storageKey(key));
      kvWrites.inc({ operation: "delete", outcome: "ok" });
    } catch (error) {
      kvWrites.inc({ operation: "delete", outcome: "failed" });
      io.log?.warn("cache KV delete failed", describeError(error));
    }
  }

  private answer<T>(request: ReadRequest<T>, entry: Entry, source: Source, staleReason?: string): Read<T> {
    cacheReads.inc({ resource: request.resource, source });
    if (staleReason) staleServed.inc({ resource: request.resource, reason: staleReason });
    return readOf(entry.json, source, ageSecondsOf(entry, this.now()));
  }
}
