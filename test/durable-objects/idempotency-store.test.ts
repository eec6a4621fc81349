import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { RECORD_KEY, type IdempotencyStore } from "../../durable-objects/idempotency-store";
import {
  MAX_STORED_BODY_BYTES,
  RECORD_TTL_MS,
  type Claim,
  type IdempotencyRecord,
} from "../../src/platform/idempotency/records";

const namespace = env.IDEMPOTENCY_STORE;

/** A fresh stub on every call, as another isolate would have. */
const store = (name: string): DurableObjectStub<IdempotencyStore> => namespace.get(namespace.idFromName(name));
const freshScope = () => `scope-${crypto.randomUUID()}`;
const bytes = (text: string) => new TextEncoder().encode(text);

async function claimed(name: string, fingerprint = "f1"): Promise<string> {
  const claim = await store(name).claim({ fingerprint, leaseMs: 60_000 });
  if (claim.kind !== "claimed") throw new Error(`expected a claim, got ${claim.kind}`);
  return claim.claimId;
}

const stored = (name: string) =>
  runInDurableObject(store(name), (_instance, state) => state.storage.kv.get<IdempotencyRecord>(RECORD_KEY));

/** Lets `ms` pass for this scope by moving the stored times back. */
async function elapse(name: string, ms: number): Promise<void> {
  await runInDurableObject(store(name), (_instance, state) => {
    const record = state.storage.kv.get<IdempotencyRecord>(RECORD_KEY)!;
    state.storage.kv.put<IdempotencyRecord>(
      RECORD_KEY,
      record.state === "in-flight"
        ? { ...record, claimedAt: record.claimedAt - ms, leaseUntil: record.leaseUntil - ms }
        : record.state === "lapsed"
          ? { ...record, lapsedAt: record.lapsedAt - ms, expiresAt: record.expiresAt - ms }
          : { ...record, completedAt: record.completedAt - ms, expiresAt: record.expiresAt - ms },
    );
  });
}

describe("IdempotencyStore", () => {
  it("claims a key once; a duplicate is in flight, another fingerprint a mismatch", async () => {
    const name = freshScope();
    await claimed(name);
    const duplicate = await store(name).claim({ fingerprint: "f1", leaseMs: 60_000 });
    expect(duplicate.kind).toBe("in-flight");
    expect((duplicate as Extract<Claim, { kind: "in-flight" }>).retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect((duplicate as Extract<Claim, { kind: "in-flight" }>).retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await store(name).claim({ fingerprint: "f2", leaseMs: 60_000 })).toEqual({ kind: "mismatch" });
  });

  it("100 concurrent claims through 10 stubs: exactly one is claimed", async () => {
    const name = freshScope();
    const stubs = Array.from({ length: 10 }, () => store(name));
    const claims = await Promise.all(
      Array.from({ length: 100 }, (_, i) => stubs[i % 10]!.claim({ fingerprint: "f1", leaseMs: 60_000 })),
    );
    expect(claims.filter((c) => c.kind === "claimed")).toHaveLength(1);
    expect(claims.filter((c) => c.kind === "in-flight")).toHaveLength(99);
  });

  it("replays the completed response byte for byte to any stub; another fingerprint is still a mismatch", async () => {
    const name = freshScope();
    const claimId = await claimed(name);
    const body = crypto.getRandomValues(new Uint8Array(4096));
    expect(
      await store(name).complete({
        claimId,
        fingerprint: "f1",
        status: 201,
        headers: { "content-type": "application/json" },
        body,
      }),
    ).toBe("stored");
    for (let i = 0; i < 3; i++) {
      const replay = await store(name).claim({ fingerprint: "f1", leaseMs: 60_000 });
      expect(replay.kind).toBe("completed");
      const response = (replay as Extract<Claim, { kind: "completed" }>).answer;
      expect(response.status).toBe(201);
      expect(response.headers).toEqual({ "content-type": "application/json" });
      expect([...new Uint8Array(response.body)]).toEqual([...body]);
    }
    expect((await store(name).claim({ fingerprint: "other", leaseMs: 60_000 })).kind).toBe("mismatch");
  });

  it("release frees the key (5xx): the next request claims it", async () => {
    const name = freshScope();
    const claimId = await claimed(name);
    expect(await store(name).release(claimId)).toBe(true);
    expect(await stored(name)).toBeUndefined();
    await claimed(name, "another body is fine after a release");
  });

  it("ignores a completion or release by a claim that no longer holds the key", async () => {
    const name = freshScope();
    const first = await claimed(name);
    await elapse(name, 61_000);
    const second = await claimed(name);
    expect(second).not.toBe(first);
    expect(
      await store(name).complete({ claimId: first, fingerprint: "f1", status: 200, headers: {}, body: bytes("late") }),
    ).toBe("not-held");
    expect(await store(name).release(first)).toBe(false);
    expect((await stored(name))?.state).toBe("in-flight");
  });

  it("a crashed claim is released after its lease, and the next claim is told it lapsed", async () => {
    const name = freshScope();
    const first = await store(name).claim({ fingerprint: "f1", leaseMs: 60_000 });
    expect(first).toMatchObject({ kind: "claimed", lapsed: false });
    await elapse(name, 59_000);
    expect((await store(name).claim({ fingerprint: "f1", leaseMs: 60_000 })).kind).toBe("in-flight");
    await elapse(name, 2_000);
    expect(await store(name).claim({ fingerprint: "f1", leaseMs: 60_000 })).toMatchObject({
      kind: "claimed",
      lapsed: true,
    });
  });

  it("the alarm at a lease's end keeps a lapsed record for 24 h, so a late retry still learns of it", async () => {
    const name = freshScope();
    await claimed(name);
    await elapse(name, 61_000);
    expect(await runDurableObjectAlarm(store(name))).toBe(true);
    const record = await stored(name);
    expect(record?.state).toBe("lapsed");
    expect(await runInDurableObject(store(name), (_instance, state) => state.storage.getAlarm())).toBe(
      (record as Extract<IdempotencyRecord, { state: "lapsed" }>).expiresAt,
    );
    expect(await store(name).claim({ fingerprint: "f1", leaseMs: 60_000 })).toMatchObject({ lapsed: true });
  });

  it('refuses a body over 256 KiB ("too-large") and keeps the claim', async () => {
    const name = freshScope();
    const claimId = await claimed(name);
    const body = new Uint8Array(MAX_STORED_BODY_BYTES + 1);
    expect(await store(name).complete({ claimId, fingerprint: "f1", status: 200, headers: {}, body })).toBe(
      "too-large",
    );
    expect((await stored(name))?.state).toBe("in-flight");
    const exact = new Uint8Array(MAX_STORED_BODY_BYTES);
    expect(await store(name).complete({ claimId, fingerprint: "f1", status: 200, headers: {}, body: exact })).toBe(
      "stored",
    );
  });

  it("a completed record expires after 24 h through the alarm; before that the alarm keeps it", async () => {
    const name = freshScope();
    const claimId = await claimed(name);
    await store(name).complete({ claimId, fingerprint: "f1", status: 200, headers: {}, body: bytes("{}") });
    const alarm = await runInDurableObject(store(name), (_instance, state) => state.storage.getAlarm());
    const record = (await stored(name)) as Extract<IdempotencyRecord, { state: "completed" }>;
    expect(record.expiresAt - record.completedAt).toBe(RECORD_TTL_MS);
    expect(alarm).toBe(record.expiresAt);

    await elapse(name, RECORD_TTL_MS - 60_000);
    expect(await runDurableObjectAlarm(store(name))).toBe(true);
    expect((await stored(name))?.state).toBe("completed");
    expect((await store(name).claim({ fingerprint: "f1", leaseMs: 60_000 })).kind).toBe("completed");

    await elapse(name, 61_000);
    expect(await runDurableObjectAlarm(store(name))).toBe(true);
    expect(await stored(name)).toBeUndefined();
    expect(await runInDurableObject(store(name), (_instance, state) => state.storage.getAlarm())).toBeNull();
    await claimed(name, "the key is free again");
  });

  it("answers ping for readiness", async () => {
    expect(Math.abs((await store(freshScope()).ping()) - Date.now())).toBeLessThan(5_000);
  });
});
