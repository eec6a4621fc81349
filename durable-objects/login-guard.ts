import { DurableObject } from "cloudflare:workers";
import {
  admitClient,
  EMPTY_LANES,
  forgetLanesAt,
  settleClient,
  unlock,
  UNTRUSTED,
  type ClientAdmission,
  type GuardLanes,
  type LoginClient,
  type Unlocked,
} from "./login-guard-lanes";
import type { AttemptOutcome, GuardState, LoginPolicy } from "./login-guard-rules";

export type { Admission, AttemptOutcome, LoginPolicy } from "./login-guard-rules";
export type { ClientAdmission, LaneKind, LoginClient, Unlocked } from "./login-guard-lanes";

/** The storage key of the one small record a guarded key keeps. */
export const GUARD_STATE_KEY = "guard";

/** The stored record: the lanes, and when it expires so the alarm needs no policy. */
export interface StoredGuard extends GuardLanes {
  forgetAt: number;
}

/** A record written before lanes existed (one GuardState): it is the untrusted lane. */
function lanesOf(stored: StoredGuard | (GuardState & { forgetAt: number }) | undefined): GuardLanes {
  if (!stored) return EMPTY_LANES;
  if ("lanes" in stored) return { lanes: stored.lanes, sources: stored.sources, trustSince: stored.trustSince ?? 0 };
  const { failures, admissions, lockedUntil, lockouts } = stored;
  return { ...EMPTY_LANES, lanes: { [UNTRUSTED]: { failures, admissions, lockedUntil, lockouts } } };
}

/**
 * The single writer of one key's login lockout and login rate counters ("account:<name>" or "ip:<address>"). An
 * account counts each client it can tell apart in a lane of its own (login-guard-lanes.ts); an IP key has one lane.
 *
 * Every decision reads, decides and writes through the synchronous SQLite storage with no `await` in between,
 * so concurrent calls to the same key run one after another and can never both see the same counter.
 */
export class LoginGuard extends DurableObject<unknown> {
  /**
   * Atomically decides whether one more login attempt of `client` may proceed, and if so records it as a provisional
   * failure in the client's lane.
   */
  async admit(policy: LoginPolicy, client: LoginClient = {}): Promise<ClientAdmission> {
    const now = Date.now();
    const { state, admission } = admitClient(this.load(), policy, client, crypto.randomUUID(), now);
    await this.save(state, policy, now);
    return admission;
  }

  /** Settles an admitted attempt: "failure" confirms it, "success" removes it (and clears confirmed failures when
   *  clearOnSuccess) and makes the client's address a known source, "abandoned" removes it without clearing anything.
   *  Unknown/expired ids are ignored. */
  async settle(
    attemptId: string,
    outcome: AttemptOutcome,
    policy: LoginPolicy,
    client: LoginClient = {},
  ): Promise<void> {
    const now = Date.now();
    await this.save(settleClient(this.load(), attemptId, outcome, policy, now, client), policy, now);
  }

  /** Clears every lock and counter of this key (an admin's unlock); `forgetTrust` also its known clients (a password reset). */
  async unlock(policy: LoginPolicy, forgetTrust = false): Promise<Unlocked> {
    const now = Date.now();
    const { state, unlocked } = unlock(this.load(), policy, now, forgetTrust);
    await this.save(state, policy, now);
    return unlocked;
  }

  /** Readiness: one round trip through this object's storage; returns Date.now(). */
  async ping(): Promise<number> {
    this.ctx.storage.kv.get(GUARD_STATE_KEY);
    return Date.now();
  }

  /** Storage stays bounded: deletes everything once no window, lock, lockout or trust memory is live any more. */
  override async alarm(): Promise<void> {
    const stored = this.ctx.storage.kv.get<StoredGuard>(GUARD_STATE_KEY);
    if (stored && Date.now() < stored.forgetAt) return this.ctx.storage.setAlarm(stored.forgetAt);
    await this.ctx.storage.deleteAll();
  }

  private load(): GuardLanes {
    return lanesOf(this.ctx.storage.kv.get<StoredGuard>(GUARD_STATE_KEY));
  }

  private save(state: GuardLanes, policy: LoginPolicy, now: number): Promise<void> {
    const expiry = forgetLanesAt(state, policy);
    if (expiry <= now) {
      this.ctx.storage.kv.delete(GUARD_STATE_KEY);
      return this.ctx.storage.deleteAlarm();
    }
    this.ctx.storage.kv.put<StoredGuard>(GUARD_STATE_KEY, { ...state, forgetAt: expiry });
    return this.ctx.storage.setAlarm(expiry);
  }
}
