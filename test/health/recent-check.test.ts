import { describe, expect, it } from "vitest";
import { RecentChecks } from "../../src/health/recent-check";

/** A check that counts its runs and settles when told to. */
function countedCheck() {
  let runs = 0;
  const pending: ((value: number) => void)[] = [];
  return {
    get runs() {
      return runs;
    },
    check: () => {
      runs++;
      return new Promise<number>((resolve) => pending.push(resolve));
    },
    settle: (value: number) => {
      for (const resolve of pending.splice(0)) resolve(value);
    },
  };
}

describe("RecentChecks (injected clock)", () => {
  it("answers every caller within the period from one check, concurrent ones included, then checks again", async () => {
    const checks = new RecentChecks<number>(10_000, 60_000);
    const counted = countedCheck();
    const concurrent = [0, 1, 500].map((at) => checks.get("k", at, counted.check));
    counted.settle(1);
    expect(await Promise.all(concurrent)).toEqual([1, 1, 1]);
    expect(await checks.get("k", 9_999, counted.check)).toBe(1);
    expect(counted.runs).toBe(1);
    const next = checks.get("k", 10_000, counted.check);
    counted.settle(2);
    expect(await next).toBe(2);
    expect(counted.runs).toBe(2);
  });

  it("keeps one check per key, and at most maxKeys keys", async () => {
    const checks = new RecentChecks<string>(10_000, 60_000, 2);
    let runs = 0;
    const check = (value: string) => () => {
      runs++;
      return Promise.resolve(value);
    };
    expect(await checks.get("a", 0, check("a"))).toBe("a");
    expect(await checks.get("b", 0, check("b"))).toBe("b");
    expect(await checks.get("a", 1, check("a2"))).toBe("a");
    expect(runs).toBe(2);
    await checks.get("c", 2, check("c"));
    // "a" was the oldest key: dropped for "c".
    expect(await checks.get("a", 3, check("a3"))).toBe("a3");
  });

  it("does not keep a check that failed", async () => {
    const checks = new RecentChecks<number>(10_000, 60_000);
    await expect(checks.get("k", 0, () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await checks.get("k", 1, () => Promise.resolve(7))).toBe(7);
  });

  it("stops waiting for a check another request started once maxWaitMs passed, and checks itself", async () => {
    const checks = new RecentChecks<number>(10_000, 20);
    void checks.get("k", 0, () => new Promise<number>(() => {}));
    expect(await checks.get("k", 1, () => Promise.resolve(3))).toBe(3);
    expect(await checks.get("k", 2, () => Promise.resolve(4))).toBe(3);
  });
});
