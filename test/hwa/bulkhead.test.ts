import { describe, expect, it } from "vitest";
import { Bulkhead } from "../../src/hwa/bulkhead";

const never = () => new Promise<never>(() => {});

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function bulkhead(capacity: number, leaseMs = 1_000) {
  const clock = { now: 0 };
  const b = new Bulkhead({ capacity, queueLength: 10, queueTimeoutMs: 60_000, leaseMs }, () => clock.now);
  return { b, clock };
}

describe("Bulkhead", () => {
  it("runs up to capacity at once and queues the rest in order", async () => {
    const { b } = bulkhead(2);
    const order: number[] = [];
    const gates = [0, 1, 2].map(() => deferred());
    const runs = [0, 1, 2].map((i) =>
      b.run(async () => {
        await gates[i]!.promise;
        return order.push(i);
      }),
    );
    await Promise.resolve();
    expect(b.inFlight).toBe(2);
    expect(b.queued).toBe(1);
    gates[1]!.resolve();
    await runs[1];
    gates[2]!.resolve();
    await runs[2];
    gates[0]!.resolve();
    await runs[0];
    expect(order).toEqual([1, 2, 0]);
    expect(b.inFlight).toBe(0);
  });

  it("takes back the slot of a call abandoned with its request once the lease ends", async () => {
    const { b, clock } = bulkhead(1);
    void b.run(never); // its request died: its `finally` will never free the slot
    clock.now = 1_001;
    expect(await b.run(async () => 42)).toBe(42);
    expect(b.inFlight).toBe(0);
  });

  it("waiters and a newcomer all get a slot once one is taken back, and a late release frees nothing twice", async () => {
    const { b, clock } = bulkhead(1);
    const abandoned = deferred();
    const late = b.run(() => abandoned.promise);
    const waiter = b.run(async () => "waiter");
    clock.now = 1_001;
    const newcomer = b.run(async () => "newcomer");
    expect(await waiter).toBe("waiter");
    expect(await newcomer).toBe("newcomer");
    abandoned.resolve();
    await late;
    expect(b.inFlight).toBe(0);
    expect(b.queued).toBe(0);
  });

  it("refuses a call that waited longer than its queue timeout", async () => {
    const clock = { now: 0 };
    const b = new Bulkhead({ capacity: 1, queueLength: 5, queueTimeoutMs: 1_000, leaseMs: 60_000 }, () => clock.now);
    void b.run(never);
    const waiting = b.run(async () => 1);
    clock.now = 1_000;
    await expect(waiting).rejects.toMatchObject({ failure: "bulkhead-full" });
    expect(b.queued).toBe(0);
  });

  it("refuses at once beyond its queue", async () => {
    const b = new Bulkhead({ capacity: 1, queueLength: 1, queueTimeoutMs: 60_000, leaseMs: 60_000 });
    void b.run(never);
    void b.run(never);
    await expect(b.run(async () => 1)).rejects.toMatchObject({ failure: "bulkhead-full" });
  });
});
