import { describe, expect, it } from "vitest";
import { pollDelay, RUN_BUDGET_MS } from "../../src/runs/budget";
import { MAX_WAIT_SECONDS } from "../../src/workflows/steps";

describe("a run's time budget and polls", () => {
  it("covers the longest wait with room for other steps", () => {
    expect(RUN_BUDGET_MS).toBeGreaterThan(MAX_WAIT_SECONDS * 1000);
    expect(RUN_BUDGET_MS).toBe(20 * 60_000);
  });

  it("polls 0.5 s doubling to 10 s, never past what is left", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((attempt) => pollDelay(attempt, 60_000))).toEqual([
      500, 1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
    expect(pollDelay(4, 3_000)).toBe(3_000);
    expect(pollDelay(0, -5)).toBe(0);
  });
});
