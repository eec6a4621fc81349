import { describe, expect, it } from "vitest";
import {
  admitAttempt,
  EMPTY_GUARD,
  forgetAt,
  LOCKOUT_MEMORY_MS,
  settleAttempt,
  type Admission,
  type AttemptOutcome,
  type GuardState,
  type LoginPolicy,
} from "../../durable-objects/login-guard-rules";

const MINUTE = 60_000;
const account: LoginPolicy = {
  maxFailures: 5,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
  maxLockMs: 60 * MINUTE,
  clearOnSuccess: true,
};

/** One guarded key driven through the pure rules, with a clock the test moves. */
function key(policy: LoginPolicy) {
  let state: GuardState = EMPTY_GUARD;
  let now = 1_000_000;
  let ids = 0;
  return {
    get state() {
      return state;
    },
    get now() {
      return now;
    },
    wait(ms: number) {
      now += ms;
    },
    admit(): Admission {
      const result = admitAttempt(state, policy, `attempt-${++ids}`, now);
      state = result.state;
      return result.admission;
    },
    settle(attemptId: string, outcome: AttemptOutcome) {
      state = settleAttempt(state, attemptId, outcome, policy, now);
    },
    attempt(outcome: AttemptOutcome) {
      const admission = this.admit();
      if (!admission.allowed) throw new Error(`refused: ${admission.reason}`);
      this.settle(admission.attemptId, outcome);
    },
  };
}

describe("login guard rules", () => {
  it("starts the lock when the threshold failure is settled, not when it was admitted", () => {
    const guard = key(account);
    for (let i = 0; i < 4; i++) guard.attempt("failure");
    const fifth = guard.admit();
    if (!fifth.allowed) throw new Error("fifth attempt refused");
    guard.wait(3_000);
    guard.settle(fifth.attemptId, "failure");
    expect(guard.state.lockedUntil).toBe(guard.now + 15 * MINUTE);
    expect(guard.state.failures).toEqual([]);
    expect(guard.state.lockouts).toBe(1);
  });

  it("does not lock when the attempt in flight at the threshold succeeds", () => {
    const guard = key(account);
    for (let i = 0; i < 4; i++) guard.attempt("failure");
    const fifth = guard.admit();
    if (!fifth.allowed) throw new Error("fifth attempt refused");
    const sixth = guard.admit();
    expect(sixth).toMatchObject({ allowed: false, reason: "locked", until: guard.now + 15 * MINUTE });
    guard.settle(fifth.attemptId, "success");
    expect(guard.state.lockouts).toBe(0);
    expect(guard.admit().allowed).toBe(true);
  });

  it("keeps other attempts in flight counted when a success clears the account", () => {
    const guard = key(account);
    guard.attempt("failure");
    const inFlight = guard.admit();
    guard.attempt("success");
    expect(guard.state.failures.map((f) => f.attemptId)).toEqual([inFlight.allowed && inFlight.attemptId]);
  });

  it("doubles each lock, caps it, and forgets lockouts a day after the last lock ended", () => {
    const guard = key(account);
    const lockMinutes: number[] = [];
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 5; j++) guard.attempt("failure");
      lockMinutes.push((guard.state.lockedUntil - guard.now) / MINUTE);
      guard.wait(guard.state.lockedUntil - guard.now);
    }
    expect(lockMinutes).toEqual([15, 30, 60, 60]);
    guard.wait(LOCKOUT_MEMORY_MS - 1);
    for (let j = 0; j < 5; j++) guard.attempt("failure");
    expect(guard.state.lockouts).toBe(5);

    guard.wait(guard.state.lockedUntil - guard.now + LOCKOUT_MEMORY_MS);
    for (let j = 0; j < 5; j++) guard.attempt("failure");
    expect(guard.state.lockouts).toBe(1);
    expect(guard.state.lockedUntil - guard.now).toBe(15 * MINUTE);
  });

  it("refuses with the time until the oldest admission leaves the rate window", () => {
    const guard = key({ ...account, maxFailures: 20, rate: { limit: 5, periodMs: MINUTE }, clearOnSuccess: false });
    guard.attempt("success");
    guard.wait(10_000);
    for (let i = 0; i < 4; i++) guard.attempt("success");
    guard.wait(5_000);
    expect(guard.admit()).toMatchObject({
      allowed: false,
      reason: "rate_limited",
      retryAfterSeconds: 45,
      rate: { remaining: 0, resetSeconds: 45 },
    });
    guard.wait(45_000);
    expect(guard.admit()).toMatchObject({ allowed: true, rate: { limit: 5, remaining: 0, resetSeconds: 10 } });
    expect(guard.state.admissions).toHaveLength(5);
  });

  it("expires the state at the latest live window, lock or lockout memory", () => {
    const policy = { ...account, rate: { limit: 5, periodMs: MINUTE } };
    const guard = key(policy);
    expect(forgetAt(guard.state, policy)).toBe(0);
    guard.attempt("failure");
    expect(forgetAt(guard.state, policy)).toBe(guard.now + 15 * MINUTE);
    guard.attempt("success");
    expect(forgetAt(guard.state, policy)).toBe(guard.now + MINUTE);
    for (let i = 0; i < 5; i++) {
      guard.wait(MINUTE);
      guard.attempt("failure");
    }
    expect(forgetAt(guard.state, policy)).toBe(guard.now + 15 * MINUTE + LOCKOUT_MEMORY_MS);
  });
});
