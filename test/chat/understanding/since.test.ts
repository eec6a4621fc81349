import { describe, expect, it } from "vitest";
import { understand } from "../../../src/chat/understanding";
import type { Entities } from "../../../src/chat/understanding/types";

// 01:30 UTC on 30 November is still 29 November, 22:30, in São Paulo (UTC−3): "hoje" and "ontem" differ by zone.
const now = new Date("2026-11-30T01:30:00Z");
const SAO_PAULO = "America/Sao_Paulo";

function period(message: string, timeZone?: string, at: Date = now): Pick<Entities, "since" | "until"> {
  const { since, until } = understand(message, { now: at, ...(timeZone ? { timeZone } : {}) }).entities;
  return { ...(since ? { since } : {}), ...(until ? { until } : {}) };
}

const iso = (text: string) => new Date(text).toISOString();

describe("time phrases", () => {
  it("'hoje' / 'today' start at 00:00 of the operator's day", () => {
    expect(period("jobs com erro hoje")).toEqual({ since: iso("2026-11-30T00:00Z") });
    expect(period("jobs com erro hoje", SAO_PAULO)).toEqual({ since: iso("2026-11-29T03:00Z") });
    expect(period("failures today", SAO_PAULO)).toEqual({ since: iso("2026-11-29T03:00Z") });
    expect(period("failed since midnight", SAO_PAULO)).toEqual({ since: iso("2026-11-29T03:00Z") });
  });

  it("'ontem' alone is the whole of yesterday; 'desde ontem' runs until now", () => {
    expect(period("abends de ontem")).toEqual({ since: iso("2026-11-29T00:00Z"), until: iso("2026-11-30T00:00Z") });
    expect(period("abends de ontem", SAO_PAULO)).toEqual({
      since: iso("2026-11-28T03:00Z"),
      until: iso("2026-11-29T03:00Z"),
    });
    expect(period("failures since yesterday", SAO_PAULO)).toEqual({ since: iso("2026-11-28T03:00Z") });
    expect(period("yesterday's abends")).toEqual({ since: iso("2026-11-29T00:00Z"), until: iso("2026-11-30T00:00Z") });
  });

  it("a clock time is its latest occurrence not after now", () => {
    // UTC: 01:30 now, so 06:00 was yesterday; São Paulo: 22:30 now, so 06:00 was this (local) morning.
    expect(period("quais jobs abendaram desde as 6h?")).toEqual({ since: iso("2026-11-29T06:00Z") });
    expect(period("quais jobs abendaram desde as 6h?", SAO_PAULO)).toEqual({ since: iso("2026-11-29T09:00Z") });
    expect(period("desde as 23h", SAO_PAULO)).toEqual({ since: iso("2026-11-29T02:00Z") });
    expect(period("desde 06:30")).toEqual({ since: iso("2026-11-29T06:30Z") });
    expect(period("since 6am", SAO_PAULO)).toEqual({ since: iso("2026-11-29T09:00Z") });
    expect(period("since 6:30 pm", SAO_PAULO)).toEqual({ since: iso("2026-11-29T21:30Z") });
    expect(period("since 1:00")).toEqual({ since: iso("2026-11-30T01:00Z") });
    expect(period("since 12am")).toEqual({ since: iso("2026-11-30T00:00Z") });
    expect(period("since 12pm")).toEqual({ since: iso("2026-11-29T12:00Z") });
    expect(period("desde as 14h30")).toEqual({ since: iso("2026-11-29T14:30Z") });
    expect(period("a partir das 8 da noite", SAO_PAULO)).toEqual({ since: iso("2026-11-29T23:00Z") });
  });

  it("a clock time on a named day: 'since yesterday 22h', 'desde ontem às 22h', 'since 10pm yesterday'", () => {
    expect(period("since yesterday 22h")).toEqual({ since: iso("2026-11-29T22:00Z") });
    expect(period("since yesterday 22h", SAO_PAULO)).toEqual({ since: iso("2026-11-29T01:00Z") });
    expect(period("desde ontem às 22h", SAO_PAULO)).toEqual({ since: iso("2026-11-29T01:00Z") });
    expect(period("since 10pm yesterday", SAO_PAULO)).toEqual({ since: iso("2026-11-29T01:00Z") });
  });

  it("spans back from now: 'in the last 2 hours', 'nas últimas 3 horas', 'últimos 30 minutos', 'há 2 horas'", () => {
    for (const zone of [undefined, SAO_PAULO]) {
      expect(period("what failed in the last 2 hours", zone)).toEqual({ since: iso("2026-11-29T23:30Z") });
      expect(period("nas últimas 3 horas", zone)).toEqual({ since: iso("2026-11-29T22:30Z") });
      expect(period("nas ultimas 3h", zone)).toEqual({ since: iso("2026-11-29T22:30Z") });
      expect(period("últimos 30 minutos", zone)).toEqual({ since: iso("2026-11-30T01:00Z") });
      expect(period("last hour", zone)).toEqual({ since: iso("2026-11-30T00:30Z") });
      expect(period("há 2 horas", zone)).toEqual({ since: iso("2026-11-29T23:30Z") });
      expect(period("2 hours ago", zone)).toEqual({ since: iso("2026-11-29T23:30Z") });
    }
  });

  it("dates: ISO in the operator's zone unless it says Z; day/month as in Brazil", () => {
    expect(period("failures since 2026-11-28 14:00")).toEqual({ since: iso("2026-11-28T14:00Z") });
    expect(period("failures since 2026-11-28 14:00", SAO_PAULO)).toEqual({ since: iso("2026-11-28T17:00Z") });
    expect(period("since 2026-11-28T14:00Z", SAO_PAULO)).toEqual({ since: iso("2026-11-28T14:00Z") });
    expect(period("desde 28/11 às 6h", SAO_PAULO)).toEqual({ since: iso("2026-11-28T09:00Z") });
    expect(period("desde 2026-02-30")).toEqual({});
  });

  it("follows a zone's daylight-saving switch (New York, 8 March 2026)", () => {
    const morning = new Date("2026-03-08T14:00:00Z"); // 10:00 EDT, the clocks went forward at 02:00 EST
    expect(period("today", "America/New_York", morning)).toEqual({ since: iso("2026-03-08T05:00Z") });
    expect(period("since 6am", "America/New_York", morning)).toEqual({ since: iso("2026-03-08T10:00Z") });
  });

  it("an unknown zone is read as UTC, and a message without a time has no period", () => {
    expect(period("jobs com erro hoje", "Mars/Olympus_Mons")).toEqual({ since: iso("2026-11-30T00:00Z") });
    expect(period("quais jobs falharam no stream PAYROLL?")).toEqual({});
    expect(period("desde as 25h")).toEqual({});
    expect(period("since 13pm")).toEqual({});
  });

  it("parts of a day are closed windows in the operator's zone; one not begun yet is the last one", () => {
    // In São Paulo it is 29 November, 22:30.
    expect(period("abends essa madrugada", SAO_PAULO)).toEqual({
      since: iso("2026-11-29T03:00Z"),
      until: iso("2026-11-29T09:00Z"),
    });
    expect(period("o que falhou ontem à noite?", SAO_PAULO)).toEqual({
      since: iso("2026-11-28T21:00Z"),
      until: iso("2026-11-29T03:00Z"),
    });
    expect(period("what failed last night?", SAO_PAULO)).toEqual({
      since: iso("2026-11-28T21:00Z"),
      until: iso("2026-11-29T09:00Z"),
    });
    expect(period("failures this afternoon", SAO_PAULO)).toEqual({
      since: iso("2026-11-29T15:00Z"),
      until: iso("2026-11-29T21:00Z"),
    });
    // In UTC it is 30 November, 01:30: this morning has not begun, so it is yesterday's.
    expect(period("what failed this morning?")).toEqual({
      since: iso("2026-11-29T06:00Z"),
      until: iso("2026-11-29T12:00Z"),
    });
    // "boa tarde" greets; it is no afternoon.
    expect(period("boa tarde, quais jobs falharam?")).toEqual({});
  });

  it("weeks start on Monday: this week until now, last week from Monday to Monday", () => {
    // 30 November 2026 (UTC) is a Monday.
    expect(period("falhas desta semana")).toEqual({ since: iso("2026-11-30T00:00Z") });
    expect(period("failures this week", SAO_PAULO)).toEqual({ since: iso("2026-11-23T03:00Z") });
    expect(period("abends da semana passada")).toEqual({
      since: iso("2026-11-23T00:00Z"),
      until: iso("2026-11-30T00:00Z"),
    });
  });
});
