import { DurableObject } from "cloudflare:workers";

/** An error as plain data, so it can cross from the leader's isolate to its followers'. */
export interface SharedFailure {
  name: string;
  message: string;
  /** HwaError's kind of failure, when it was one. */
  failure?: string;
  status?: number;
  retryAfterSeconds?: number;
}

/** How a refresh ended, as the leader published it (or as the wait for it ended). */
export type RefreshOutcome<V = unknown> =
  | { kind: "value"; value: V; startedAt: number }
  | { kind: "failed"; failure: SharedFailure }
  /** The leader had a value too large to share: load it yourself. */
  | { kind: "not-shared" }
  /** The leader did not publish within the wait: its request may have died. */
  | { kind: "timed-out" };

export type Joined<V = unknown> = { role: "leader"; lease: string } | { role: "follower"; outcome: RefreshOutcome<V> };

export interface JoinRequest {
  /** How long a leader may take before another caller may lead instead. */
  leaseMs: number;
  /** A refresh that started at or before this moment (ms since the epoch) is not good enough: lead a new one. */
  notBefore?: number;
  /** A value already published is handed over only if its refresh started after this moment (it is still fresh). */
  freshSince?: number;
  /** A follower waits at most this long for the leader (and never past the lease). */
  maxWaitMs?: number;
}

interface Lease {
  id: string;
  startedAt: number;
  expiresAt: number;
  waiters: Set<(outcome: RefreshOutcome) => void>;
}

/** A published value is handed to late joiners until this long at most: the time KV may take to show it everywhere. */
const SHARE_LIMIT_MS = 60_000;
const MAX_LEASE_MS = 120_000;

/**
 * The single refresher of one cache key across every isolate: the first caller leads (calls HWA, then
 * publishes the outcome), later callers wait for that outcome, bounded by the lease. A failed refresh releases
 * them with the failure. State lives in memory only: a lease lasts seconds, and losing it costs one extra call.
 */
export class Coalescer extends DurableObject<unknown> {
  private readonly leases = new Map<string, Lease>();
  private current: Lease | undefined;
  private recent: { outcome: Extract<RefreshOutcome, { kind: "value" }>; until: number } | undefined;
  /** The key was invalidated then (ms): no refresh that started at or before it is followed or handed out. */
  private forgottenAt = -Infinity;

  async join(request: JoinRequest): Promise<Joined> {
    const now = Date.now();
    const notBefore = Math.max(request.notBefore ?? -Infinity, this.forgottenAt);
    this.forgetExpired(now);
    const recentEnough = Math.max(notBefore, request.freshSince ?? -Infinity);
    if (this.recent && now < this.recent.until && this.recent.outcome.startedAt > recentEnough) {
      return { role: "follower", outcome: this.recent.outcome };
    }
    const current = this.current;
    if (current && now < current.expiresAt && current.startedAt > notBefore) {
      const waitMs = Math.min(current.expiresAt - now, request.maxWaitMs ?? Infinity);
      return { role: "follower", outcome: await this.waitFor(current, waitMs) };
    }
    const leaseMs = Math.min(Math.max(1, request.leaseMs), MAX_LEASE_MS);
    const lease: Lease = { id: crypto.randomUUID(), startedAt: now, expiresAt: now + leaseMs, waiters: new Set() };
    this.leases.set(lease.id, lease);
    this.current = lease;
    return { role: "leader", lease: lease.id };
  }

  /**
   * The leader's outcome: releases everyone waiting on its lease. A value may be handed to late joiners for
   * `shareForMs` (capped). Returns how many waiters were released; 0 for an unknown or expired lease.
   */
  async publish(leaseId: string, outcome: RefreshOutcome, shareForMs = 0): Promise<number> {
    const lease = this.leases.get(leaseId);
    if (!lease) return 0;
    this.leases.delete(leaseId);
    if (this.current === lease) this.current = undefined;
    const now = Date.now();
    const fetchedSinceChange = outcome.kind === "value" && outcome.startedAt > this.forgottenAt;
    if (
      outcome.kind === "value" &&
      fetchedSinceChange &&
      shareForMs > 0 &&
      (!this.recent || outcome.startedAt >= this.recent.outcome.startedAt)
    ) {
      this.recent = { outcome, until: now + Math.min(shareForMs, SHARE_LIMIT_MS) };
    }
    const waiters = [...lease.waiters];
    for (const release of waiters) release(outcome);
    return waiters.length;
  }

  /**
   * The key changed in HWA at `at` (a job action invalidated it): a value fetched before is no longer handed to late
   * joiners, and a refresh that started before is not followed by new callers (those already waiting still get it).
   */
  async forget(at: number): Promise<void> {
    this.forgottenAt = Math.max(this.forgottenAt, at);
    if (this.recent && this.recent.outcome.startedAt <= at) this.recent = undefined;
    if (this.current && this.current.startedAt <= at) this.current = undefined;
  }

  /** Readiness: one round trip through this object's storage; returns Date.now(). */
  async ping(): Promise<number> {
    this.ctx.storage.kv.get("ping");
    return Date.now();
  }

  /** Waits for the lease's outcome, or "timed-out" after `waitMs`: never longer. */
  private waitFor(lease: Lease, waitMs: number): Promise<RefreshOutcome> {
    return new Promise((resolve) => {
      const release = (outcome: RefreshOutcome) => {
        clearTimeout(timer);
        lease.waiters.delete(release);
        resolve(outcome);
      };
      const timer = setTimeout(() => release({ kind: "timed-out" }), Math.max(0, waitMs));
      lease.waiters.add(release);
    });
  }

  private forgetExpired(now: number): void {
    for (const [id, lease] of this.leases)
      if (now >= lease.expiresAt && lease.waiters.size === 0) this.leases.delete(id);
    if (this.current && now >= this.current.expiresAt) this.current = undefined;
    if (this.recent && now >= this.recent.until) this.recent = undefined;
  }
}
