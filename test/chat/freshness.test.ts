import { describe, expect, it } from "vitest";
import { Freshness } from "../../src/chat/freshness";
import type { Read } from "../../src/platform/cache";

const read = (source: Read<unknown>["source"], ageSeconds: number, upstreamFailed?: true): Read<unknown> => ({
  value: {},
  json: "{}",
  source,
  ageSeconds,
  ...(upstreamFailed ? { upstreamFailed } : {}),
});

describe("freshness of an answer's facts", () => {
  it("counts a stale value only when HWA failed, and keeps the oldest", () => {
    const freshness = new Freshness();
    freshness.saw(read("hit", 3));
    freshness.saw(read("stale", 20)); // stale-while-revalidate: the cache at work
    expect(freshness.staleSeconds).toBeUndefined();
    freshness.saw(read("stale", 45, true));
    freshness.saw(read("stale", 90, true));
    freshness.saw(read("stale", 60, true));
    expect(freshness.staleSeconds).toBe(90);
  });
});
