import { describe, expect, it } from "vitest";
import { durationMs } from "../../src/hwa/duration";

describe("durations", () => {
  it("reads ISO-8601 durations as HWA sends them", () => {
    expect(durationMs("PT1H2M3.5S")).toBe(3_723_500);
    expect(durationMs("P1DT2H")).toBe(93_600_000);
    expect(durationMs("PT0S")).toBe(0);
    expect(durationMs("nonsense")).toBeUndefined();
    expect(durationMs("P")).toBeUndefined();
  });
});
