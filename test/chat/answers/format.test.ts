import { describe, expect, it } from "vitest";
import { agoText, clockText, durationText, sinceText } from "../../../src/chat/answers";
import { NOW, SAO_PAULO } from "./fixtures";

describe("durations", () => {
  it.each([
    [0, "0 s"],
    [45_000, "45 s"],
    [59_400, "59 s"],
    [60_000, "1 min"],
    [200_000, "3 min 20 s"],
    [720_000, "12 min"],
    [3_540_000, "59 min"],
    [3_599_000, "1 h"],
    [3_900_000, "1 h 05 min"],
    [26 * 3_600_000 + 30 * 60_000, "26 h 30 min"],
    [-5_000, "0 s"],
  ])("%i ms reads %s", (ms, text) => {
    expect(durationText(ms)).toBe(text);
  });

  it("says how long ago in each language", () => {
    expect(agoText(300_000, "pt")).toBe("há 5 min");
    expect(agoText(300_000, "en")).toBe("5 min ago");
  });
});

describe("times in the operator's zone", () => {
  const at = (language: "pt" | "en", timeZone: string) => ({ language, now: NOW, timeZone });

  it("shows only HH:MM today, in UTC and in São Paulo", () => {
    expect(clockText("2025-11-28T08:12:00Z", at("pt", "UTC"))).toBe("08:12");
    expect(clockText("2025-11-28T08:12:00Z", at("en", SAO_PAULO))).toBe("05:12");
  });

  it("says yesterday when the instant falls on the day before in that zone", () => {
    // 01:40 UTC on the 28th is 22:40 on the 27th in São Paulo.
    expect(clockText("2025-11-28T01:40:00Z", at("pt", "UTC"))).toBe("01:40");
    expect(clockText("2025-11-28T01:40:00Z", at("pt", SAO_PAULO))).toBe("ontem 22:40");
    expect(clockText("2025-11-28T01:40:00Z", at("en", SAO_PAULO))).toBe("yesterday 22:40");
  });

  it("says tomorrow, and the date on other days (with the year only when it differs)", () => {
    expect(clockText("2025-11-29T06:00:00Z", at("pt", "UTC"))).toBe("amanhã 06:00");
    expect(clockText("2025-11-29T06:00:00Z", at("en", "UTC"))).toBe("tomorrow 06:00");
    expect(clockText("2025-11-25T23:40:00Z", at("pt", "UTC"))).toBe("25/11 23:40");
    expect(clockText("2025-11-25T23:40:00Z", at("en", "UTC"))).toBe("Nov 25 23:40");
    expect(clockText("2024-12-31T10:00:00Z", at("pt", "UTC"))).toBe("31/12/2024 10:00");
    expect(clockText("2024-12-31T10:00:00Z", at("en", "UTC"))).toBe("Dec 31, 2024 10:00");
  });

  it("is undefined for missing or unreadable instants", () => {
    expect(clockText(null, at("pt", "UTC"))).toBeUndefined();
    expect(clockText("not a date", at("pt", "UTC"))).toBeUndefined();
  });

  it("reads an unknown zone as UTC instead of failing", () => {
    expect(clockText("2025-11-28T08:12:00Z", at("pt", "Mars/Olympus_Mons"))).toBe("08:12");
  });

  it("marks a start of period today as today", () => {
    expect(sinceText("2025-11-28T09:00:00Z", at("pt", SAO_PAULO))).toBe("06:00 (hoje)");
    expect(sinceText("2025-11-28T09:00:00Z", at("en", SAO_PAULO))).toBe("06:00 (today)");
    expect(sinceText("2025-11-27T09:00:00Z", at("pt", SAO_PAULO))).toBe("ontem 06:00");
  });
});
