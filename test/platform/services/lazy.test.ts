import { describe, expect, it } from "vitest";
import { InitialisationBackoff, lazy } from "../../../src/platform/services/lazy";

describe("lazy per-isolate services", () => {
  it("creates the value once for 50 concurrent first callers", async () => {
    let created = 0;
    let finishCreation!: () => void;
    const creation = new Promise<void>((resolve) => (finishCreation = resolve));
    const service = lazy(async () => {
      created += 1;
      await creation;
      return { id: created };
    });
    // All 50 ask while the first creation is still in progress.
    const callers = Array.from({ length: 50 }, () => service.get());
    finishCreation();
    const values = await Promise.all(callers);
    expect(created).toBe(1);
    expect(service.attempts).toBe(1);
    expect(new Set(values).size).toBe(1);
    await service.get();
    expect(created).toBe(1);
  });

  it("does not cache a failure: retries after a jittered backoff", async () => {
    let now = 1_000;
    let fail = true;
    let created = 0;
    const service = lazy(
      async () => {
        created += 1;
        if (fail) throw new Error("connection refused");
        return "ready";
      },
      { now: () => now, random: () => 1, baseDelayMs: 100 },
    );
    const first = await Promise.allSettled(Array.from({ length: 20 }, () => service.get()));
    expect(first.every((r) => r.status === "rejected")).toBe(true);
    expect(created).toBe(1);

    await expect(service.get()).rejects.toBeInstanceOf(InitialisationBackoff);
    expect(created).toBe(1);

    now += 100;
    await expect(service.get()).rejects.toThrow("connection refused");
    expect(created).toBe(2);

    // The second consecutive failure doubles the delay.
    now += 150;
    await expect(service.get()).rejects.toBeInstanceOf(InitialisationBackoff);
    now += 50;
    fail = false;
    await expect(service.get()).resolves.toBe("ready");
    expect(created).toBe(3);
  });

  it("doubles the delay per failure up to the cap, scaled by the jitter", async () => {
    let now = 0;
    const service = lazy(
      async () => {
        throw new Error("down");
      },
      { now: () => now, random: () => 0.5, baseDelayMs: 100, maxDelayMs: 1_000 },
    );
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      await expect(service.get()).rejects.toThrow("down");
      const backoff = await service.get().catch((e: unknown) => e);
      expect(backoff).toBeInstanceOf(InitialisationBackoff);
      const retryAt = (backoff as InitialisationBackoff).retryAt;
      delays.push(retryAt - now);
      now = retryAt;
    }
    expect(delays).toEqual([50, 100, 200, 400, 500, 500]);
  });

  it("keeps a permanent failure and never retries it", async () => {
    let now = 0;
    let created = 0;
    const service = lazy(
      async () => {
        created += 1;
        throw new Error("401 unauthorized");
      },
      { now: () => now, isPermanent: () => true },
    );
    for (let i = 0; i < 5; i++) {
      await expect(service.get()).rejects.toThrow("401 unauthorized");
      now += 60_000;
    }
    expect(created).toBe(1);
  });
});
