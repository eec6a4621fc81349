/** Rules of one guarded key; the caller passes them on every call (they come from config). */
export interface LoginPolicy {
  /** Failures within `windowMs` that lock the key. Account: 5; IP: 20. */
  maxFailures: number;
  /** Window in which failures count. 15 min. */
  windowMs: number;
  /** First lock duration; doubles on each repeat lockout. 15 min. */
  lockMs: number;
  /** Cap of the doubled lock duration. e.g. 24 h. */
  maxLockMs: number;
  /** Optional exact request rate: at most `limit` admissions per `periodMs` (sliding window). IP: 5 per 60 000 ms. */
  rate?: { limit: number; periodMs: number };
  /** Whether a success clears the failure counter (account: true; IP: false — a success only cancels its own attempt). */
  clearOnSuccess: boolean;
}

export type Admission =
  | { allowed: true; attemptId: string; rate?: { limit: number; remaining: number; resetSeconds: number } }
  | {
      allowed: false;
      reason: "locked" | "rate_limited";
      retryAfterSeconds: number;
      /** epoch ms */
      until: number;
      rate?: { limit: number; remaining: 0; resetSeconds: number };
    };

export type AttemptOutcome = "success" | "failure" | "abandoned";

/** An admitted attempt. It counts as a failure from its admission until it is settled as anything else. */
export interface CountedFailure {
  attemptId: string;
  /** Admission time, epoch ms; the failure leaves the window at `at + windowMs`. */
  at: number;
  /** Settled as "failure" by the caller; only confirmed failures can start a lockout. */
  confirmed: boolean;
}

/** Everything one guarded key remembers. */
export interface GuardState {
  /** Oldest first. */
  failures: CountedFailure[];
  /** Admission times inside the rate window, oldest first. */
  admissions: number[];
  /** End of the current or last lock, epoch ms; 0 when no lockout is remembered. */
  lockedUntil: number;
  /** Lockouts remembered for doubling the next lock. */
  lockouts: number;
}

export const EMPTY_GUARD: GuardState = { failures: [], admissions: [], lockedUntil: 0, lockouts: 0 };

/** Lockouts are remembered for doubling until a day has passed since the last lock ended. */
export const LOCKOUT_MEMORY_MS = 24 * 60 * 60 * 1000;

/** Whole seconds until `until`, at least 1: a Retry-After of 0 would invite an immediate retry. */
function secondsUntil(until: number, now: number): number {
  return Math.max(1, Math.ceil((until - now) / 1000));
}

/** The state as of `now`: expired failures, admissions and lockout memory dropped; lists bounded by the policy. */
export function currentState(state: GuardState, policy: LoginPolicy, now: number): GuardState {
  const forgotten = state.lockouts > 0 && now >= state.lockedUntil + LOCKOUT_MEMORY_MS;
  const rate = policy.rate;
  return {
    failures: state.failures.filter((failure) => now < failure.at + policy.windowMs).slice(-policy.maxFailures),
    admissions: rate ? state.admissions.filter((at) => now < at + rate.periodMs).slice(-rate.limit) : [],
    lockedUntil: forgotten ? 0 : state.lockedUntil,
    lockouts: forgotten ? 0 : state.lockouts,
  };
}

function refusal(reason: "locked" | "rate_limited", until: number, now: number): Admission {
  return { allowed: false, reason, retryAfterSeconds: secondsUntil(until, now), until };
}

/**
 * Decides one more attempt. Order: an active lock refuses regardless of anything else; then the failure
 * counter (unsettled attempts included, so concurrent attempts cannot overshoot it); then the rate.
 * A refused attempt changes nothing; an admitted one is recorded as a provisional failure and an admission.
 */
export function admitAttempt(
  state: GuardState,
  policy: LoginPolicy,
  attemptId: string,
  now: number,
): { state: GuardState; admission: Admission } {
  const live = currentState(state, policy, now);
  if (now < live.lockedUntil) return { state: live, admission: refusal("locked", live.lockedUntil, now) };

  const oldestFailure = live.failures[0];
  if (oldestFailure && live.failures.length >= policy.maxFailures) {
    // Attempts still in flight hold the threshold; unsettled ones (a crashed Worker) leave with the window.
    return { state: live, admission: refusal("locked", oldestFailure.at + policy.windowMs, now) };
  }

  const rate = policy.rate;
  const oldestAdmission = live.admissions[0];
  if (rate && oldestAdmission !== undefined && live.admissions.length >= rate.limit) {
    const until = oldestAdmission + rate.periodMs;
    const refused = {
      ...refusal("rate_limited", until, now),
      rate: { limit: rate.limit, remaining: 0 as const, resetSeconds: secondsUntil(until, now) },
    };
    return { state: live, admission: refused };
  }

  const next: GuardState = {
    ...live,
    failures: [...live.failures, { attemptId, at: now, confirmed: false }],
    admissions: rate ? [...live.admissions, now] : [],
  };
  if (!rate) return { state: next, admission: { allowed: true, attemptId } };
  const resetAt = (next.admissions[0] ?? now) + rate.periodMs;
  const quota = {
    limit: rate.limit,
    remaining: rate.limit - next.admissions.length,
    resetSeconds: secondsUntil(resetAt, now),
  };
  return { state: next, admission: { allowed: true, attemptId, rate: quota } };
}

/** Locks the key from `now`; the failures that caused the lock are spent, so the counter starts fresh after it. */
function lockout(state: GuardState, policy: LoginPolicy, now: number): GuardState {
  const lockMs = Math.min(policy.maxLockMs, policy.lockMs * 2 ** state.lockouts);
  return { ...state, failures: [], lockedUntil: now + lockMs, lockouts: state.lockouts + 1 };
}

/**
 * Settles an admitted attempt. The lock starts when the caller confirms the failure that brings the confirmed
 * failures in the window to `maxFailures` — not at admission, since an attempt in flight may still succeed.
 * Unknown or expired attempt ids change nothing.
 */
export function settleAttempt(
  state: GuardState,
  attemptId: string,
  outcome: AttemptOutcome,
  policy: LoginPolicy,
  now: number,
): GuardState {
  const live = currentState(state, policy, now);
  const attempt = live.failures.find((failure) => failure.attemptId === attemptId);
  if (!attempt) return live;
  const others = live.failures.filter((failure) => failure !== attempt);

  switch (outcome) {
    case "abandoned":
      return { ...live, failures: others };
    case "success":
      // Other attempts still in flight keep counting: their outcome is not known yet.
      return { ...live, failures: policy.clearOnSuccess ? others.filter((failure) => !failure.confirmed) : others };
    case "failure": {
      const failures = live.failures.map((failure) =>
        failure === attempt ? { ...failure, confirmed: true } : failure,
      );
      const confirmed = failures.filter((failure) => failure.confirmed).length;
      const next = { ...live, failures };
      return confirmed >= policy.maxFailures ? lockout(next, policy, now) : next;
    }
  }
}

/** When the state would be empty if nothing else happened: the latest end of a failure, admission or lockout memory. */
export function forgetAt(state: GuardState, policy: LoginPolicy): number {
  const newestFailure = state.failures.at(-1);
  const newestAdmission = state.admissions.at(-1);
  return Math.max(
    0,
    newestFailure ? newestFailure.at + policy.windowMs : 0,
    newestAdmission !== undefined && policy.rate ? newestAdmission + policy.rate.periodMs : 0,
    state.lockouts > 0 ? state.lockedUntil + LOCKOUT_MEMORY_MS : 0,
  );
}
