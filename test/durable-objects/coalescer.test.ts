import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import type { Coalescer, Joined, RefreshOutcome } from "../../durable-objects/coalescer";
import { clockPast } from "../helpers/clock";

const namespace = env.COALESCER;

/** A fresh stub on every call, as each isolate would have its own. */
const coalescer = (key: string): DurableObjectStub<Coalescer> => namespace.get(namespace.idFromName(key));
const uniqueKey = () => `job:test-${crypto.randomUUID()}`;
const join = (key: string, request: Parameters<Coalescer["join"]>[0]) =>
  coalescer(key).join(request) as Promise<unknown> as Promise<Joined>;

/** The object's leases as it keeps them in memory (private to the class). */
type Leases = Map<string, { expiresAt: number; waiters: Set<unknown> }>;
const leasesOf = (instance: unknown) => (instance as unknown as { leases: Leases }).leases;

/** How many callers are waiting on `lease` inside the object. */
const waitersOn = (key: string, lease: string) =>
  runInDurableObject(coalescer(key), (instance) => leasesOf(instance).get(lease)?.waiters.size ?? 0);

/** Waits until exactly `count` callers wait on `lease`: their joins reached the object and follow that leader. */
const untilWaiting = (key: string, lease: string, count: number) =>
  vi.waitFor(async () => expect(await waitersOn(key, lease)).toBe(count), { timeout: 10_000, interval: 10 });

const value = (v: string, startedAt = Date.now()): RefreshOutcome => ({
  kind: "value",
  value: { json: JSON.stringify(v) },
  startedAt,
});

describe("Coalescer Durable Object", () => {
  it("makes exactly one of many concurrent callers the leader; the others get its published value", async () => {
    const key = uniqueKey();
    const first = await join(key, { leaseMs: 5_000 });
    expect(first.role).toBe("leader");
    const followers = Array.from({ length: 50 }, () => join(key, { leaseMs: 5_000 }));
    // They are all waiting on the leader: nobody else became one.
    await untilWaiting(key, (first as { lease: string }).lease, 50);
    const released = await coalescer(key).publish((first as { lease: string }).lease, value("fresh"), 0);
    expect(released).toBe(50);
    for (const joined of await Promise.all(followers)) {
      expect(joined).toEqual({
        role: "follower",
        outcome: value("fresh", (joined as { outcome: { startedAt: number } }).outcome.startedAt),
      });
    }
  });

  it("releases the followers with the leader's failure: a failed refresh never leaves them hanging", async () => {
    const key = uniqueKey();
    const leader = (await join(key, { leaseMs: 5_000 })) as { role: "leader"; lease: string };
    const followers = Promise.all(Array.from({ length: 10 }, () => join(key, { leaseMs: 5_000 })));
    await untilWaiting(key, leader.lease, 10);
    const failure: RefreshOutcome = {
      kind: "failed",
      failure: { name: "HwaError", message: "HWA could not be reached", failure: "unavailable" },
    };
    await coalescer(key).publish(leader.lease, failure);
    for (const joined of await followers) expect(joined).toEqual({ role: "follower", outcome: failure });
  });

  it("bounds a follower's wait: a leader that never publishes releases them as timed-out, then a new caller leads", async () => {
    const key = uniqueKey();
    expect((await join(key, { leaseMs: 400 })).role).toBe("leader");
    const started = Date.now();
    const follower = await join(key, { leaseMs: 400 });
    expect(follower).toEqual({ role: "follower", outcome: { kind: "timed-out" } });
    expect(Date.now() - started).toBeLessThan(2_000);
    const next = await join(key, { leaseMs: 400 });
    expect(next.role).toBe("leader");
  });

  it("caps a follower's wait at maxWaitMs even within the lease", async () => {
    const key = uniqueKey();
    await join(key, { leaseMs: 10_000 });
    const started = Date.now();
    expect(await join(key, { leaseMs: 10_000, maxWaitMs: 200 })).toEqual({
      role: "follower",
      outcome: { kind: "timed-out" },
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("hands a value just published to late joiners while it is fresh, but not to one that needs a newer one", async () => {
    const key = uniqueKey();
    const leader = (await join(key, { leaseMs: 5_000 })) as { role: "leader"; lease: string };
    const startedAt = Date.now();
    await coalescer(key).publish(leader.lease, value("v1", startedAt), 10_000);
    expect(await join(key, { leaseMs: 5_000, freshSince: startedAt - 1 })).toEqual({
      role: "follower",
      outcome: value("v1", startedAt),
    });
    // Invalidated after that refresh started (notBefore), or fresh enough only if newer (freshSince): a new leader.
    expect((await join(key, { leaseMs: 5_000, freshSince: startedAt })).role).toBe("leader");
  });

  it("does not let a caller that invalidated the key follow a refresh that started before", async () => {
    const key = uniqueKey();
    const old = (await join(key, { leaseMs: 5_000 })) as { role: "leader"; lease: string };
    const oldFollower = join(key, { leaseMs: 5_000 });
    await untilWaiting(key, old.lease, 1);
    const invalidatedAt = Date.now();
    await clockPast(invalidatedAt);
    const fresh = (await join(key, { leaseMs: 5_000, notBefore: invalidatedAt })) as { role: string; lease: string };
    expect(fresh.role).toBe("leader");
    expect(fresh.lease).not.toBe(old.lease);
    // The old leader's outcome still releases those who waited for it.
    expect(await coalescer(key).publish(old.lease, value("before"))).toBe(1);
    expect(((await oldFollower) as { outcome: RefreshOutcome }).outcome.kind).toBe("value");
    expect(await coalescer(key).publish(fresh.lease, value("after"))).toBe(0);
  });

  it("after forget (a job action), hands out and follows nothing fetched before the change", async () => {
    const key = uniqueKey();
    const first = (await join(key, { leaseMs: 5_000 })) as { role: "leader"; lease: string };
    const startedAt = Date.now();
    await coalescer(key).publish(first.lease, value("before", startedAt), 10_000);
    const inFlight = (await join(key, { leaseMs: 5_000, notBefore: startedAt })) as { role: "leader"; lease: string };
    // A leader's refresh starts once it leads (src/platform/cache/refresh.ts): this one, before the change.
    const inFlightStartedAt = Date.now();
    const waiting = join(key, { leaseMs: 5_000, notBefore: startedAt });
    await untilWaiting(key, inFlight.lease, 1);
    const forgottenAt = Date.now();
    await coalescer(key).forget(forgottenAt);
    await clockPast(forgottenAt);
    // Neither the published value nor the refresh in flight is given to a caller that knows nothing of the change.
    const after = (await join(key, { leaseMs: 5_000, freshSince: 0 })) as { role: string; lease: string };
    expect(after.role).toBe("leader");
    // The refresh from before still releases those who waited for it, but is not shared with later callers.
    expect(await coalescer(key).publish(inFlight.lease, value("in flight", inFlightStartedAt), 10_000)).toBe(1);
    expect(((await waiting) as { outcome: RefreshOutcome }).outcome.kind).toBe("value");
    const follower = join(key, { leaseMs: 5_000, freshSince: 0 }); // follows `after`, the refresh since the change
    await untilWaiting(key, after.lease, 1);
    expect(await coalescer(key).publish(after.lease, value("after"), 10_000)).toBe(1);
    expect(await follower).toMatchObject({ role: "follower", outcome: { value: { json: JSON.stringify("after") } } });
    expect(await join(key, { leaseMs: 5_000, freshSince: 0 })).toMatchObject({
      role: "follower",
      outcome: { value: { json: JSON.stringify("after") } },
    });
  });

  it("ignores a publish for an unknown lease", async () => {
    expect(await coalescer(uniqueKey()).publish("no-such-lease", value("x"))).toBe(0);
  });

  it("keeps no lease once it is published or expired, so an object's memory stays bounded", async () => {
    const key = uniqueKey();
    const leases = () => runInDurableObject(coalescer(key), (instance) => leasesOf(instance).size);
    const published = (await join(key, { leaseMs: 5_000 })) as { lease: string };
    expect(await leases()).toBe(1);
    await coalescer(key).publish(published.lease, value("v"));
    expect(await leases()).toBe(0);
    const dead = (await join(key, { leaseMs: 100 })) as { lease: string }; // a leader that dies
    // Its lease runs out by the object's clock.
    await vi.waitFor(
      () =>
        runInDurableObject(coalescer(key), (instance) =>
          expect(Date.now()).toBeGreaterThanOrEqual(leasesOf(instance).get(dead.lease)!.expiresAt),
        ),
      { timeout: 5_000, interval: 10 },
    );
    await join(key, { leaseMs: 5_000 }); // the next caller leads, and the dead lease is forgotten
    expect(await leases()).toBe(1);
  });

  it("answers ping() for readiness", async () => {
    expect(await coalescer(uniqueKey()).ping()).toBeGreaterThan(0);
  });
});
