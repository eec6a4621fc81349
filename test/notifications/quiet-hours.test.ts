import { describe, expect, it } from "vitest";
import { quietSecondsLeft } from "../../src/notifications/quiet-hours";

const at = (iso: string) => Date.parse(iso);

describe("quiet hours", () => {
  it("hold until they end, across midnight, on the subscription's clock", () => {
    const night = { from: "22:00", to: "07:00", time_zone: "America/Sao_Paulo" }; // UTC−3
    expect(quietSecondsLeft(night, at("2026-07-04T01:30:00Z"))).toBe(8.5 * 3600); // 22:30 local
    expect(quietSecondsLeft(night, at("2026-07-04T09:59:30Z"))).toBe(30); // 06:59:30
    expect(quietSecondsLeft(night, at("2026-07-04T10:00:00Z"))).toBe(0); // 07:00: over
    expect(quietSecondsLeft(night, at("2026-07-04T18:00:00Z"))).toBe(0); // 15:00
    expect(quietSecondsLeft(night, at("2026-07-04T01:00:00Z"))).toBe(9 * 3600); // 22:00 sharp
  });

  it("within one day, and none at all", () => {
    const lunch = { from: "12:00", to: "13:30", time_zone: "UTC" };
    expect(quietSecondsLeft(lunch, at("2026-07-04T12:15:00Z"))).toBe(75 * 60);
    expect(quietSecondsLeft(lunch, at("2026-07-04T13:30:00Z"))).toBe(0);
    expect(quietSecondsLeft(lunch, at("2026-07-04T11:59:59Z"))).toBe(0);
    expect(quietSecondsLeft(null, at("2026-07-04T12:15:00Z"))).toBe(0);
  });
});
