import { describe, expect, it } from "vitest";
import {
  admitClient,
  currentLanes,
  EMPTY_LANES,
  forgetLanesAt,
  laneOf,
  MAX_LANES,
  MAX_SOURCES,
  settleClient,
  TRUST_MS,
  unlock,
  type ClientAdmission,
  type GuardLanes,
  type LoginClient,
} from "../../durable-objects/login-guard-lanes";
import type { AttemptOutcome, LoginPolicy } from "../../durable-objects/login-guard-rules";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const account: LoginPolicy = {
  maxFailures: 5,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
  maxLockMs: 24 * 60 * MINUTE,
  clearOnSuccess: true,
};

/** One account's guard driven through the pure rules, with a clock the test moves. */
function accountKey() {
  let state: GuardLanes = EMPTY_LANES;
  let now = 1_000_000_000;
  let ids = 0;
  const attempt = (client: LoginClient, outcome: AttemptOutcome): ClientAdmission => {
    const admitted = admitClient(state, account, client, `attempt-${++ids}`, now);
    state = admitted.state;
    if (admitted.admission.allowed)
      state = settleClient(state, admitted.admission.attemptId, outcome, account, now, client);
    return admitted.admission;
  };
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
    fail: (client: LoginClient, times = 1) => {
      for (let i = 0; i < times; i++) attempt(client, "failure");
    },
    succeed: (client: LoginClient) => attempt(client, "success"),
    admit: (client: LoginClient) => admitClient(state, account, client, `attempt-${++ids}`, now).admission,
    unlock(forgetTrust: boolean) {
      const result = unlock(state, account, now, forgetTrust);
      state = result.state;
      return result.unlocked;
    },
  };
}

const attacker = (n: number): LoginClient => ({ address: `198.51.100.${n}` });

describe("lanes of an account", () => {
  it("an untrusted lockout leaves a trusted device and a known source their own budgets", () => {
    const key = accountKey();
    const device = { id: "device-1", issuedAt: key.now };
    const owner: LoginClient = { address: "203.0.113.7" };
    expect(key.succeed(owner).lane).toBe("untrusted");
    for (let n = 1; n <= 5; n++) key.fail(attacker(n));
    expect(key.admit(attacker(6))).toMatchObject({ allowed: false, reason: "locked", lane: "untrusted" });
    expect(key.admit({ device, address: "192.0.2.1" })).toMatchObject({ allowed: true, lane: "device" });
    expect(key.admit(owner)).toMatchObject({ allowed: true, lane: "known-source" });
  });

  it("a device's 5 failures lock that device only", () => {
    const key = accountKey();
    const device = { id: "device-1", issuedAt: key.now };
    key.fail({ device }, 5);
    expect(key.admit({ device })).toMatchObject({ allowed: false, lane: "device" });
    expect(key.admit({ device: { id: "device-2", issuedAt: key.now } })).toMatchObject({ allowed: true });
    expect(key.admit(attacker(1))).toMatchObject({ allowed: true, lane: "untrusted" });
  });

  it("a device counts as the device whatever its address; the device wins over a known source", () => {
    const key = accountKey();
    key.succeed({ address: "203.0.113.7" });
    const device = { id: "device-1", issuedAt: key.now };
    expect(laneOf(key.state, { device, address: "203.0.113.7" }, key.now)).toEqual({
      name: "device:device-1",
      kind: "device",
    });
  });

  it("an address is a known source for 30 days after its last success, then untrusted again", () => {
    const key = accountKey();
    const client = { address: "203.0.113.7" };
    key.succeed(client);
    key.wait(TRUST_MS - 1);
    expect(key.admit(client).lane).toBe("known-source");
    key.succeed(client);
    key.wait(TRUST_MS - 1);
    expect(key.admit(client).lane).toBe("known-source");
    key.wait(1);
    expect(key.admit(client).lane).toBe("untrusted");
  });

  it("a failure does not make an address known, nor does a success from a device without an address", () => {
    const key = accountKey();
    key.fail({ address: "203.0.113.7" });
    expect(key.admit({ address: "203.0.113.7" }).lane).toBe("untrusted");
    expect(Object.keys(key.state.sources)).toEqual([]);
  });

  it("a device is trusted for 30 days after it was issued", () => {
    const key = accountKey();
    const device = { id: "device-1", issuedAt: key.now };
    key.wait(TRUST_MS - 1);
    expect(key.admit({ device }).lane).toBe("device");
    key.wait(1);
    expect(key.admit({ device }).lane).toBe("untrusted");
  });

  it("a success in one lane clears that lane's failures only", () => {
    const key = accountKey();
    const device = { id: "device-1", issuedAt: key.now };
    key.fail(attacker(1), 4);
    key.fail({ device }, 4);
    key.succeed({ device });
    key.fail(attacker(2));
    expect(key.admit(attacker(3))).toMatchObject({ allowed: false, lane: "untrusted" });
    key.fail({ device }, 4);
    expect(key.admit({ device })).toMatchObject({ allowed: true });
  });
});

describe("unlock", () => {
  it("clears every lane's failures, locks and lockout memory, and keeps trust", () => {
    const key = accountKey();
    const device = { id: "device-1", issuedAt: key.now };
    const owner = { address: "203.0.113.7" };
    key.succeed(owner);
    for (let n = 1; n <= 5; n++) key.fail(attacker(n));
    key.fail({ device }, 2);
    expect(key.unlock(false)).toEqual({ locked_lanes: 1, counting_lanes: 2 });
    expect(key.admit(attacker(9))).toMatchObject({ allowed: true, lane: "untrusted" });
    expect(key.admit(owner).lane).toBe("known-source");
    expect(key.admit({ device }).lane).toBe("device");
    // The lockout memory is gone too: the next lock is 15 minutes again, not 30.
    key.unlock(false);
    for (let n = 1; n <= 5; n++) key.fail(attacker(n));
    const refused = key.admit(attacker(6));
    expect(refused.allowed === false && refused.retryAfterSeconds).toBe(15 * 60);
  });

  it("after a password reset forgets the known sources and every device issued until then", () => {
    const key = accountKey();
    const before = { id: "device-1", issuedAt: key.now };
    const owner = { address: "203.0.113.7" };
    key.succeed(owner);
    key.wait(1);
    key.unlock(true);
    expect(key.admit(owner).lane).toBe("untrusted");
    expect(key.admit({ device: before }).lane).toBe("untrusted");
    key.wait(1);
    expect(key.admit({ device: { id: "device-2", issuedAt: key.now } }).lane).toBe("device");
  });
});

describe("bounded memory", () => {
  it("keeps at most MAX_LANES device lanes and MAX_SOURCES known sources, the least live dropped first", () => {
    const key = accountKey();
    for (let i = 0; i < MAX_SOURCES + 10; i++) {
      key.succeed({ address: `10.0.${i >> 8}.${i & 255}` });
      key.wait(1000);
    }
    for (let i = 0; i < MAX_LANES + 10; i++) {
      key.fail({ device: { id: `device-${i}`, issuedAt: key.now } });
      key.wait(1000);
    }
    expect(Object.keys(key.state.sources)).toHaveLength(MAX_SOURCES);
    expect(key.state.sources["10.0.0.0"]).toBeUndefined();
    expect(Object.keys(key.state.lanes)).toHaveLength(MAX_LANES);
    expect(key.state.lanes["device:device-0"]).toBeUndefined();
  });

  it("forgets everything once no window, lock, lockout memory or trust is live", () => {
    const key = accountKey();
    key.succeed({ address: "203.0.113.7" });
    key.fail(attacker(1));
    expect(forgetLanesAt(key.state, account)).toBe(key.now + TRUST_MS);
    expect(currentLanes(key.state, account, key.now + TRUST_MS)).toEqual(EMPTY_LANES);
    key.unlock(true);
    expect(forgetLanesAt(key.state, account)).toBe(key.now + TRUST_MS);
    expect(currentLanes(key.state, account, key.now + 2 * DAY).trustSince).toBe(key.now);
  });
});
