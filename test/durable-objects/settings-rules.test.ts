import { describe, expect, it } from "vitest";
import {
  activeMaintenance,
  alarmAt,
  applySettings,
  DEFAULT_SETTINGS,
  effectiveSettings,
  expiredMaintenance,
  type SettingsDocument,
} from "../../durable-objects/settings-rules";
import { retryAfterSeconds } from "../../src/settings/maintenance";

const NOW = Date.parse("2026-07-03T22:00:00.000Z");
const LATER = "2026-07-04T06:00:00.000Z";
const on = (message: string, until?: string): SettingsDocument => ({
  maintenance: { enabled: true, message, ...(until ? { until } : {}) },
});

describe("maintenance rules", () => {
  it("is active while on and before its until; off or past until it is not", () => {
    expect(activeMaintenance(on("upgrade").maintenance, NOW)).toEqual({ message: "upgrade" });
    expect(activeMaintenance(on("upgrade", LATER).maintenance, NOW)).toEqual({ message: "upgrade", until: LATER });
    expect(activeMaintenance(on("upgrade", LATER).maintenance, Date.parse(LATER) - 1)).toBeDefined();
    expect(activeMaintenance(on("upgrade", LATER).maintenance, Date.parse(LATER))).toBeUndefined();
    expect(activeMaintenance(DEFAULT_SETTINGS.maintenance, NOW)).toBeUndefined();
    expect(effectiveSettings(on("upgrade", LATER), Date.parse(LATER))).toEqual(DEFAULT_SETTINGS);
  });

  it("says what a change did: on, off, changed, unchanged", () => {
    expect(applySettings(DEFAULT_SETTINGS, on("upgrade", LATER), NOW).transition).toEqual({
      kind: "turned-on",
      maintenance: { message: "upgrade", until: LATER },
    });
    expect(applySettings(on("upgrade"), DEFAULT_SETTINGS, NOW).transition).toEqual({
      kind: "turned-off",
      previous: { message: "upgrade" },
    });
    expect(applySettings(on("upgrade"), on("upgrade", LATER), NOW).transition).toMatchObject({ kind: "changed" });
    expect(applySettings(on("upgrade"), on("upgrade"), NOW).transition).toEqual({ kind: "unchanged" });
    expect(applySettings(DEFAULT_SETTINGS, DEFAULT_SETTINGS, NOW).transition).toEqual({ kind: "unchanged" });
  });

  it("treats a maintenance whose until has passed as off, before and after a change", () => {
    const expired = on("upgrade", LATER);
    const after = Date.parse(LATER) + 1;
    expect(applySettings(expired, DEFAULT_SETTINGS, after).transition).toEqual({ kind: "unchanged" });
    expect(applySettings(expired, on("again"), after).transition).toMatchObject({ kind: "turned-on" });
    // An until that passed on its way to the object is stored as off.
    expect(applySettings(DEFAULT_SETTINGS, on("late", LATER), after)).toEqual({
      settings: DEFAULT_SETTINGS,
      transition: { kind: "unchanged" },
    });
  });

  it("arms the alarm at until, and the alarm ends only a maintenance that is due", () => {
    expect(alarmAt(on("upgrade", LATER))).toBe(Date.parse(LATER));
    expect(alarmAt(on("upgrade"))).toBeUndefined();
    expect(alarmAt(DEFAULT_SETTINGS)).toBeUndefined();
    expect(expiredMaintenance(on("upgrade", LATER), NOW)).toBeUndefined();
    expect(expiredMaintenance(on("upgrade", LATER), Date.parse(LATER))).toEqual({ message: "upgrade", until: LATER });
    expect(expiredMaintenance(on("upgrade"), Date.parse(LATER))).toBeUndefined();
  });

  it("tells clients to retry at until (at least 1 s), else in 300 s", () => {
    expect(retryAfterSeconds({ message: "m", until: LATER }, NOW)).toBe(8 * 3600);
    expect(retryAfterSeconds({ message: "m", until: LATER }, Date.parse(LATER) - 1500)).toBe(2);
    expect(retryAfterSeconds({ message: "m", until: LATER }, Date.parse(LATER) + 10_000)).toBe(1);
    expect(retryAfterSeconds({ message: "m" }, NOW)).toBe(300);
  });
});
