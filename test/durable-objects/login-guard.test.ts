import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  GUARD_STATE_KEY,
  type Admission,
  type LoginGuard,
  type LoginPolicy,
  type StoredGuard,
} from "../../durable-objects/login-guard";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const accountPolicy: LoginPolicy = {
  maxFailures: 5,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
  maxLockMs: 24 * HOUR,
  clearOnSuccess: true,
};
const ipPolicy: LoginPolicy = {
  ...accountPolicy,
  maxFailures: 20,
  rate: { limit: 5, periodMs: MINUTE },
  clearOnSuccess: false,
};

const namespace = env.LOGIN_GUARD;

/** A fresh stub on every call: what one isolate sees is what every isolate sees. */
const guard = (key: string): DurableObjectStub<LoginGuard> => namespace.get(namespace.idFromName(key));
const uniqueKey = (kind: "account" | "ip") => `${kind}:${crypto.randomUUID()}`;

async function admitted(key: string, policy: LoginPolicy): Promise<Extract<Admission, { allowed: true }>> {
  const admission = await guard(key).admit(policy);
  if (!admission.allowed) throw new Error(`expected admission, got ${admission.reason}`);
  return admission;
}

async function refused(key: string, policy: LoginPolicy): Promise<Extract<Admission, { allowed: false }>> {
  const admission = await guard(key).admit(policy);
  if (admission.allowed) throw new Error("expected a refusal, got an admission");
  return admission;
}

async function fail(key: string, policy: LoginPolicy, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) {
    const { attemptId } = await admitted(key, policy);
    await guard(key).settle(attemptId, "failure", policy);
  }
}

async function succeed(key: string, policy: LoginPolicy): Promise<void> {
  const { attemptId } = await admitted(key, policy);
  await guard(key).settle(attemptId, "success", policy);
}

/** Lets `ms` pass for this key by moving every stored timestamp back by `ms`. */
async function elapse(key: string, ms: number): Promise<void> {
  await runInDurableObject(guard(key), (_instance, state) => {
    const stored = state.storage.kv.get<StoredGuard>(GUARD_STATE_KEY);
    if (!stored) return;
    const lanes = Object.fromEntries(
      Object.entries(stored.lanes).map(([name, lane]) => [
        name,
        {
          failures: lane.failures.map((failure) => ({ ...failure, at: failure.at - ms })),
          admissions: lane.admissions.map((at) => at - ms),
          lockedUntil: lane.lockedUntil === 0 ? 0 : lane.lockedUntil - ms,
          lockouts: lane.lockouts,
        },
      ]),
    );
    const sources = Object.fromEntries(Object.entries(stored.sources).map(([address, until]) => [address, until - ms]));
    state.storage.kv.put<StoredGuard>(GUARD_STATE_KEY, {
      lanes,
      sources,
      trustSince: stored.trustSince === 0 ? 0 : stored.trustSince - ms,
      forgetAt: stored.forgetAt - ms,
    });
  });
}

const storedGuard = (key: string) =>
  runInDurableObject(guard(key), (_instance, state) => state.storage.kv.get<StoredGuard>(GUARD_STATE_KEY));

describe("account lockout", () => {
  it("locks after 5 failures: the 6th attempt is refused for about 15 minutes", async () => {
    const key = uniqueKey("account");
    await fail(key, accountPolicy, 5);
    const before = Date.now();
    const refusal = await refused(key, accountPolicy);
    expect(refusal.reason).toBe("locked");
    expect(refusal.retryAfterSeconds).toBeGreaterThanOrEqual(899);
    expect(refusal.retryAfterSeconds).toBeLessThanOrEqual(900);
    expect(refusal.until).toBeGreaterThan(before + 14 * MINUTE);
    expect(refusal.until).toBeLessThanOrEqual(Date.now() + 15 * MINUTE);
  });

  it("allows 4 failures without locking", async () => {
    const key = uniqueKey("account");
    await fail(key, accountPolicy, 4);
    await admitted(key, accountPolicy);
  });

  it("holds the lock across stubs of the same id, and for no other key", async () => {
    const key = uniqueKey("account");
    await fail(key, accountPolicy, 5);
    for (let i = 0; i < 3; i++) expect((await refused(key, accountPolicy)).reason).toBe("locked");
    await admitted(uniqueKey("account"), accountPolicy);
  });

  it("refuses a locked key even when its rate has room", async () => {
    const key = uniqueKey("ip");
    const policy: LoginPolicy = { ...ipPolicy, maxFailures: 2 };
    await fail(key, policy, 2);
    const refusal = await refused(key, policy);
    expect(refusal.reason).toBe("locked");
    expect(refusal.rate).toBeUndefined();
  });

  it("clears the account's failures on a success before the threshold", async () => {
    const key = uniqueKey("account");
    await fail(key, accountPolicy, 4);
    await succeed(key, accountPolicy);
    await fail(key, accountPolicy, 4);
    await admitted(key, accountPolicy);
  });

  it("keeps counting an IP's failures across successes", async () => {
    const key = uniqueKey("ip");
    const policy: LoginPolicy = { ...ipPolicy, rate: undefined };
    await fail(key, policy, 10);
    await succeed(key, policy);
    await fail(key, policy, 10);
    expect((await refused(key, policy)).reason).toBe("locked");
  });

  it("forgets an abandoned attempt without clearing the others", async () => {
    const key = uniqueKey("account");
    await fail(key, accountPolicy, 4);
    const { attemptId } = await admitted(key, accountPolicy);
    await guard(key).settle(attemptId, "abandoned", accountPolicy);
    await fail(key, accountPolicy, 1);
    expect((await refused(key, accountPolicy)).reason).toBe("locked");
  });

  it("ignores unknown attempt ids", async () => {
    const key = uniqueKey("account");
    await fail(key, accountPolicy, 4);
    await guard(key).settle(crypto.randomUUID(), "success", accountPolicy);
    await fail(key, accountPolicy, 1);
    expect((await refused(key, accountPolicy)).reason).toBe("locked");
  });

  it("admits exactly 5 of 50 concurrent attempts", async () => {
    const key = uniqueKey("account");
    const admissions = await Promise.all(Array.from({ length: 50 }, () => guard(key).admit(accountPolicy)));
    expect(admissions.filter((a) => a.allowed)).toHaveLength(5);
    const refusals = admissions.filter((a) => !a.allowed);
    expect(refusals).toHaveLength(45);
    expect(refusals.every((a) => a.reason === "locked")).toBe(true);
  });

  it("counts an attempt that is never settled as a failure until it leaves the window", async () => {
    const key = uniqueKey("account");
    for (let i = 0; i < 5; i++) await admitted(key, accountPolicy);
    const refusal = await refused(key, accountPolicy);
    expect(refusal.reason).toBe("locked");
    expect(refusal.retryAfterSeconds).toBeGreaterThan(14 * 60);
    await elapse(key, 15 * MINUTE);
    await admitted(key, accountPolicy);
  });
});

describe("lock expiry and doubling", () => {
  it("admits again after the lock ends, with a fresh counter", async () => {
    const key = uniqueKey("account");
    await fail(key, accountPolicy, 5);
    await elapse(key, 15 * MINUTE - 2_000);
    expect((await refused(key, accountPolicy)).retryAfterSeconds).toBeLessThanOrEqual(2);
    await elapse(key, 2_000);
    await fail(key, accountPolicy, 4);
    await admitted(key, accountPolicy);
  });

  it("lets failures leave the window", async () => {
    const key = uniqueKey("account");
    await fail(key, accountPolicy, 4);
    await elapse(key, 15 * MINUTE);
    await fail(key, accountPolicy, 4);
    await admitted(key, accountPolicy);
  });

  it("doubles the second lock to 30 minutes and caps it at maxLockMs", async () => {
    const key = uniqueKey("account");
    const policy: LoginPolicy = { ...accountPolicy, maxLockMs: 45 * MINUTE };
    const lockSeconds = async () => (await refused(key, policy)).retryAfterSeconds;

    await fail(key, policy, 5);
    expect(await lockSeconds()).toBe(15 * 60);
    await elapse(key, 15 * MINUTE);
    await fail(key, policy, 5);
    expect(await lockSeconds()).toBeGreaterThan(29 * 60);
    expect(await lockSeconds()).toBeLessThanOrEqual(30 * 60);
    await elapse(key, 30 * MINUTE);
    await fail(key, policy, 5);
    expect(await lockSeconds()).toBeGreaterThan(44 * 60);
    expect(await lockSeconds()).toBeLessThanOrEqual(45 * 60);
  });

  it("forgets lockouts a day after the last lock ended", async () => {
    const key = uniqueKey("account");
    await fail(key, accountPolicy, 5);
    await elapse(key, 15 * MINUTE + 24 * HOUR);
    await fail(key, accountPolicy, 5);
    const refusal = await refused(key, accountPolicy);
    expect(refusal.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(refusal.retryAfterSeconds).toBeGreaterThan(14 * 60);
  });
});

describe("exact login rate", () => {
  it("admits 5 a minute, counting down, and refuses the 6th as rate_limited", async () => {
    const key = uniqueKey("ip");
    const remaining: number[] = [];
    for (let i = 0; i < 5; i++) {
      const admission = await admitted(key, ipPolicy);
      expect(admission.rate?.limit).toBe(5);
      expect(admission.rate?.resetSeconds).toBeGreaterThanOrEqual(59);
      expect(admission.rate?.resetSeconds).toBeLessThanOrEqual(60);
      remaining.push(admission.rate?.remaining ?? -1);
      await guard(key).settle(admission.attemptId, "success", ipPolicy);
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
    const refusal = await refused(key, ipPolicy);
    expect(refusal.reason).toBe("rate_limited");
    expect(refusal.rate).toMatchObject({ limit: 5, remaining: 0 });
    expect(refusal.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refusal.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("slides: refused requests do not extend the window", async () => {
    const key = uniqueKey("ip");
    for (let i = 0; i < 5; i++) await succeed(key, ipPolicy);
    await elapse(key, 30_000);
    const refusal = await refused(key, ipPolicy);
    expect(refusal.retryAfterSeconds).toBeLessThanOrEqual(30);
    await elapse(key, 30_000);
    expect((await admitted(key, ipPolicy)).rate?.remaining).toBe(4);
  });
});

describe("bounded storage", () => {
  it("arms an alarm for when the state expires, and re-arms it while anything is live", async () => {
    const key = uniqueKey("account");
    await fail(key, accountPolicy, 1);
    const stored = await storedGuard(key);
    expect(stored?.forgetAt).toBeGreaterThan(Date.now() + 14 * MINUTE);
    const alarm = await runInDurableObject(guard(key), (_instance, state) => state.storage.getAlarm());
    expect(alarm).toBe(stored?.forgetAt);

    expect(await runDurableObjectAlarm(guard(key))).toBe(true);
    expect((await storedGuard(key))?.lanes.untrusted?.failures).toHaveLength(1);
    expect(await runInDurableObject(guard(key), (_instance, state) => state.storage.getAlarm())).toBe(stored?.forgetAt);
  });

  it("deletes everything once the window, the lock and the lockout memory have passed", async () => {
    const key = uniqueKey("account");
    await fail(key, accountPolicy, 5);
    await elapse(key, 15 * MINUTE + 24 * HOUR);
    expect(await runDurableObjectAlarm(guard(key))).toBe(true);
    const keys = await runInDurableObject(guard(key), (_instance, state) => [...state.storage.kv.list()]);
    expect(keys).toEqual([]);
    await admitted(key, accountPolicy);
  });

  it("keeps nothing once a success clears the account", async () => {
    const key = uniqueKey("account");
    await succeed(key, accountPolicy);
    expect(await storedGuard(key)).toBeUndefined();
  });
});

describe("lanes through the object", () => {
  it("keeps a trusted device and a known source admitted while untrusted clients are locked", async () => {
    const key = uniqueKey("account");
    const owner = { address: "203.0.113.7" };
    const { attemptId } = await admitted(key, accountPolicy);
    await guard(key).settle(attemptId, "success", accountPolicy, owner);
    await fail(key, accountPolicy, 5);
    expect(await refused(key, accountPolicy)).toMatchObject({ reason: "locked", lane: "untrusted" });
    const device = { id: "device-1", issuedAt: Date.now() };
    expect(await guard(key).admit(accountPolicy, { device })).toMatchObject({ allowed: true, lane: "device" });
    expect(await guard(key).admit(accountPolicy, owner)).toMatchObject({ allowed: true, lane: "known-source" });
  });

  it("unlocks every lane, and reports what it found", async () => {
    const key = uniqueKey("account");
    await fail(key, accountPolicy, 5);
    expect(await guard(key).unlock(accountPolicy)).toEqual({ locked_lanes: 1, counting_lanes: 1 });
    await admitted(key, accountPolicy);
  });

  it("reads a record written before lanes existed as the untrusted lane", async () => {
    const key = uniqueKey("account");
    const now = Date.now();
    await runInDurableObject(guard(key), (_instance, state) => {
      state.storage.kv.put(GUARD_STATE_KEY, {
        failures: [],
        admissions: [],
        lockedUntil: now + 10 * MINUTE,
        lockouts: 1,
        forgetAt: now + 10 * MINUTE + 24 * HOUR,
      });
    });
    expect(await refused(key, accountPolicy)).toMatchObject({ reason: "locked", lane: "untrusted" });
    expect((await storedGuard(key))?.lanes.untrusted?.lockouts).toBe(1);
    await guard(key).unlock(accountPolicy);
    await admitted(key, accountPolicy);
  });
});

describe("readiness", () => {
  it("answers ping with the object's clock", async () => {
    const before = Date.now();
    const now = await guard(uniqueKey("account")).ping();
    expect(typeof now).toBe("number");
    expect(now).toBeGreaterThanOrEqual(before);
  });
});
