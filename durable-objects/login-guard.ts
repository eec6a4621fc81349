import { DurableObject } from "cloudflare:workers";
import {
  admitAttempt,
  EMPTY_GUARD,
  forgetAt,
  settleAttempt,
  type Admission,
  type AttemptOutcome,
  type GuardState,
  type LoginPolicy,
} from "./login-guard-rules";

export type { Admission, AttemptOutcome, LoginPolicy } from "./login-guard-rules";

/** The storage key of the one small record a guarded key keeps. */
export const GUARD_STATE_KEY = "guard";

/** The stored record: the state, and when it expires so the alarm needs no policy. */
export interface StoredGuard extends GuardState {
  forgetAt: number;
}

/**
 * The single writer of one key's login lockout and login rate counters ("account:<name>" or "ip:<address>").
 *
 * Every decision reads, decides and writes through the synchronous SQLite storage with no `await` in between,
 * so concurrent calls to the same key run one after another and can never both see the same counter.
 */
export class LoginGuard extends DurableObject<unknown> {
  /** Atomically decides whether one more login attempt may proceed, and if so records it as a provisional failure. */
  async admit(policy: LoginPolicy): Promise<Admission> {
    const now = Date.now();
    const { state, admission } = admitAttempt(this.load(), policy, crypto.randomUUID(), now);
    await this.save(state, policy, now);
    return admission;
  }

  /** Settles an admitted attempt: "failure" confirms it, "success" removes it (and clears confirmed failures when
   *  clearOnSuccess), "abandoned" removes it without clearing anything. Unknown/expired ids are ignored. */
  async settle(attemptId: string, outcome: AttemptOutcome, policy: LoginPolicy): Promise<void> {
    const now = Date.now();
    await this.save(settleAttempt(this.load(), attemptId, outcome, policy, now), policy, now);
  }

  /** Readiness: one round trip through this object's storage; returns Date.now(). */
  async ping(): Promise<number> {
    this.ctx.storage.kv.get(GUARD_STATE_KEY);
    return Date.now();
  }

  /** Storage stays bounded: deletes everything once no window, lock or lockout memory is live any more. */
  override async alarm(): Promise<void> {
    const stored = this.ctx.storage.kv.get<StoredGuard>(GUARD_STATE_KEY);
    if (stored && Date.now() < stored.forgetAt) return this.ctx.storage.setAlarm(stored.forgetAt);
    await this.ctx.storage.deleteAll();
  }

  private load(): GuardState {
    return this.ctx.storage.kv.get<StoredGuard>(GUARD_STATE_KEY) ?? EMPTY_GUARD;
  }

  private save(state: GuardState, policy: LoginPolicy, now: number): Promise<void> {
    const expiry = forgetAt(state, policy);
    if (expiry <= now) {
      this.ctx.storage.kv.delete(GUARD_STATE_KEY);
      return this.ctx.storage.deleteAlarm();
    }
    this.ctx.storage.kv.put<StoredGuard>(GUARD_STATE_KEY, { ...state, forgetAt: expiry });
    return this.ctx.storage.setAlarm(expiry);
  }
}
