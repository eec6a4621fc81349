import { describeError } from "../observability/logger";
import { TimeoutError, withTimeout } from "../services/timeout";
import { ageSecondsOf, entryOfEnvelope, type Entry } from "./envelope";
import { RefreshPending } from "./errors";
import { Flights, type Flight } from "./flights";
import { Invalidations } from "./invalidations";
import { PrefixMarks, readMark } from "./prefix-marks";
import type { MemoryCache } from "./memory";
import { cacheReads, kvWrites, staleServed, tierLookups } from "./metrics";
import { longestStaleSeconds, type CachePolicy } from "./policy";
import { refreshAcrossIsolates, type CacheIo, type ReadRequest, type Refreshed, type RefreshDeps } from "./refresh";
import { storageKey } from "./storage-key";

export type Source = "hit" | "miss" | "stale" | "coalesced";

/** A cached read: the value (this request's own copy), where it came from and how old it is. */
export interface Read<T> {
  /** Parsed from `json` on first use, for this request alone: no request can change what another one reads. */
  readonly value: T;
  /** The value as JSON text, as the cache holds it: an answer made of it costs no parse and no serialization. */
  readonly json: string;
  source: Source;
  ageSeconds: number;
  /** Served stale because the upstream failed (stale-if-error); absent while a background refresh runs. */
  upstreamFailed?: boolean;
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
  /** Freshness per class of key and what the upstream's failures mean. */
  policy: CachePolicy;
  memory: MemoryCache;
  /** The clock, ms since the epoch. Default Date.now. */
  now?: () => number;
  /** How long one refresh may lead before another may take over; an upstream deadline of 20 s and a margin by default. */
  leaseMs?: number;
}

/** What a KV read found: the envelope (if servable) and its family's mark (if any). */
interface KvRead {
  entry?: Entry;
  mark?: number;
}

const DEFAULT_LEASE_MS = 25_000;
/** A follower in this isolate waits for the lease plus the Coalescer round trips, and no longer. */
const FOLLOWER_MARGIN_MS = 3_000;
/** A KV mark outlives every envelope it may have to refuse, and KV's 60 s minimum. */
const MARK_MARGIN_SECONDS = 60;
/** A KV read another request of this isolate started is waited for this long, then the key counts as missing. */
const KV_WAIT_MS = 5_000;

/**
 * Reads through memory (this isolate), then KV (shared), then upstream, one refresh at a time per key: fresh values
 * are hits; stale ones are served while one background refresh runs (stale-while-revalidate) and, later, when
 * the upstream fails (stale-if-error), until their stale limit.
 */
export class TieredCache {
  readonly memory: MemoryCache;
  readonly invalidations: Invalidations;
  private readonly flights: Flights<Entry>;
  private readonly kvReads = new Flights<KvRead>(KV_WAIT_MS);
  private readonly now: () => number;
  private readonly leaseMs: number;
  private readonly deps: RefreshDeps;
  private readonly marks: PrefixMarks;
  private readonly policy: CachePolicy;

  constructor(options: TieredCacheOptions) {
    this.policy = options.policy;
    this.marks = new PrefixMarks(options.policy.families, longestStaleSeconds(options.policy) + MARK_MARGIN_SECONDS);
    this.memory = options.memory;
    this.now = options.now ?? Date.now;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.invalidations = new Invalidations(this.now);
    this.flights = new Flights<Entry>(this.leaseMs + FOLLOWER_MARGIN_MS);
    this.deps = {
      policy: this.policy,
      memory: this.memory,
      invalidations: this.invalidations,
      now: this.now,
      leaseMs: this.leaseMs,
    };
  }

  async read<T>(io: CacheIo, request: ReadRequest<T>): Promise<Read<T>> {
    const { resource, key } = request;
    let notBefore = this.invalidations.since(key);
    let entry = this.memory.get(key);
    tierLookups.inc({ tier: "memory", outcome: entry ? "hit" : "miss" });
    if (!entry) {
      const fromKv = await this.fromKv(io, key, notBefore);
      entry = fromKv.entry;
      // The family's mark in KV counts as an invalidation seen here: a refresh must not take an older value
      // from the Coalescer either.
      notBefore = Math.max(notBefore, fromKv.mark ?? 0);
    }
    if (!entry) return this.refreshed(io, request, notBefore);

    const now = this.now();
    if (now < entry.fresh_until) return this.answer(request, entry, "hit");
    if (now < entry.fetched_at + this.policy.freshness[resource]!.revalidateSeconds * 1000) {
      this.revalidate(io, request, notBefore);
      return this.answer(request, entry, "stale", "revalidating");
    }
    try {
      return await this.refreshed(io, request, notBefore);
    } catch (error) {
      if (!this.policy.isTransient(error)) throw error;
      return this.answer(request, entry, "stale", "upstream-failing");
    }
  }

  /**
   * Forgets `targets` (keys, or prefixes ending in `*`) here and in KV; this isolate never trusts a value of
   * theirs fetched before now again. In KV an exact key is deleted and a prefix marks its family (see
   * prefix-marks.ts), so no isolate serves their older envelopes from KV; other isolates' memory holds them at
   * most their fresh period.
   */
  async invalidate(io: CacheIo, targets: readonly string[]): Promise<void> {
    const now = this.now();
    const work: Promise<void>[] = [];
    for (const target of targets) {
      this.invalidations.mark(target, now);
      if (target.endsWith("*")) {
        const prefix = target.slice(0, -1);
        this.memory.deleteStartingWith(prefix);
        // A prefix within a family (e.g. one page size) marks the whole family: coarser, never wrong.
        const family = this.marks.familyOf(prefix);
        if (family) work.push(this.marks.mark(io, family, now));
        else io.log?.warn("cache prefix without a family: invalidated in this isolate only", { prefix });
      } else {
        this.memory.delete(target);
        work.push(this.deleteFromKv(io, target), this.forgetShared(io, target, now));
      }
    }
    await Promise.all(work);
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
    io.waitUntil(
      refresh.catch((error: unknown) =>
        io.log?.warn("cache background refresh failed", { key: request.key, ...describeError(error) }),
      ),
    );
  }

  private startRefresh<T>(io: CacheIo, request: ReadRequest<T>, notBefore: number): Promise<Refreshed<T>> {
    const startedAt = this.now();
    const refresh = refreshAcrossIsolates(this.deps, io, request, notBefore);
    this.flights.start(
      request.key,
      startedAt,
      refresh.then((refreshed) => refreshed.entry),
    );
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

  /**
   * The key's KV envelope, if still servable here, and its family's mark; concurrent misses of this isolate share
   * one KV read.
   */
  private async fromKv(io: CacheIo, key: string, notBefore: number): Promise<KvRead> {
    const now = this.now();
    const read = this.kvReads.find(key, now, notBefore) ?? this.kvReads.start(key, now, this.readKv(io, key));
    let found: KvRead;
    try {
      found = await withTimeout("KV read", KV_WAIT_MS, read.result);
    } catch {
      return {}; // a lost KV read is a miss
    }
    const { entry, mark } = found;
    if (!entry || entry.stale_until <= this.now() || entry.fetched_at <= this.invalidations.since(key)) return { mark };
    return found;
  }

  private async readKv(io: CacheIo, key: string): Promise<KvRead> {
    const family = this.marks.familyOf(key);
    // The family's mark is read beside the envelope: no round trip is added.
    const [text, mark] = await Promise.all([this.envelopeText(io, key), family ? readMark(io, family) : undefined]);
    const envelope = text === null ? undefined : entryOfEnvelope(text);
    // An envelope fetched before its family was invalidated (in any isolate) is not served.
    const entry = envelope && (mark === undefined || envelope.fetched_at > mark) ? envelope : undefined;
    tierLookups.inc({ tier: "kv", outcome: entry ? "hit" : "miss" });
    // Kept here unless expired or invalidated since it was fetched.
    if (entry && entry.stale_until > this.now() && entry.fetched_at > this.invalidations.since(key))
      this.memory.set(key, entry);
    return { entry, mark };
  }

  private async envelopeText(io: CacheIo, key: string): Promise<string | null> {
    try {
      return await io.kv.get(await storageKey(key), "text");
    } catch (error) {
      io.log?.warn("cache KV read failed", describeError(error));
      return null;
    }
  }

  /** The key's Coalescer stops handing out (and following) refreshes from before the change. */
  private async forgetShared(io: CacheIo, key: string, at: number): Promise<void> {
    try {
      await io.coalescer.get(io.coalescer.idFromName(await storageKey(key))).forget(at);
    } catch (error) {
      io.log?.warn("cache coalescer forget failed", describeError(error));
    }
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
    const read = readOf<T>(entry.json, source, ageSecondsOf(entry, this.now()));
    if (staleReason === "upstream-failing") read.upstreamFailed = true;
    return read;
  }
}

/** A read that bypassed the cache: its JSON text is made only if asked for. */
export function uncachedRead<T>(value: T): Read<T> {
  let json: string | undefined;
  return {
    value,
    source: "miss",
    ageSeconds: 0,
    get json() {
      json ??= JSON.stringify(value) ?? "null";
      return json;
    },
  };
}
