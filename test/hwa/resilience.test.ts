import { describe, expect, it } from "vitest";
import { HwaError } from "../../src/hwa/errors";
import { defaultResilience, UpstreamGuard } from "../../src/hwa/resilience";

describe("UpstreamGuard", () => {
  it("aborts the attempt in flight when the call's deadline ends it: no request to HWA outlives its call", async () => {
    const guard = new UpstreamGuard({ ...defaultResilience, attemptTimeoutMs: 60_000, deadlineMs: 200, retries: 0 });
    let attemptSignal: AbortSignal | undefined;
    const error = await guard
      .call(true, (signal) => {
        attemptSignal = signal;
        return new Promise<never>(() => {}); // an upstream that never answers
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HwaError);
    expect((error as HwaError).failure).toBe("timeout");
    expect(attemptSignal?.aborted).toBe(true);
  });

  it("aborts an attempt at its own timeout, and the next attempt gets a signal of its own", async () => {
    const guard = new UpstreamGuard({
      ...defaultResilience,
      attemptTimeoutMs: 100,
      deadlineMs: 60_000,
      retries: 1,
      baseBackoffMs: 1,
      maxBackoffMs: 1,
    });
    const signals: AbortSignal[] = [];
    const answer = await guard.call(true, (signal) => {
      signals.push(signal);
      return signals.length === 1 ? new Promise<never>(() => {}) : Promise.resolve("second");
    });
    expect(answer).toBe("second");
    expect(signals).toHaveLength(2);
    expect(signals[0]!.aborted).toBe(true);
  });
});
