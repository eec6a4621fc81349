import { expect, vi } from "vitest";

/**
 * Waits until this isolate's clock has moved past `moment` (ms since the epoch), for code under test that compares
 * its own `Date.now()` with a moment it was given or took (an invalidation, a mark, a token's issue second).
 */
export function clockPast(moment: number, timeoutMs = 5_000): Promise<void> {
  return vi.waitFor(() => expect(Date.now()).toBeGreaterThan(moment), { timeout: timeoutMs, interval: 1 });
}
