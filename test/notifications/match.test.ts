import { describe, expect, it } from "vitest";
import type { NotificationEvent } from "../../src/notifications/events";
import { eventMatches, nameMatches } from "../../src/subscriptions/match";

const jobEvent = {
  id: "e",
  kind: "job.abend",
  engine: "default",
  detected_at: "2026-07-04T03:00:00Z",
  job: { name: "PAYROLL_EXTRACT", job_stream: "PAYROLL", workstation: "AGT_LNX01" },
} as NotificationEvent;
const workstationEvent = {
  id: "w",
  kind: "workstation.unlinked",
  engine: "default",
  detected_at: "2026-07-04T03:00:00Z",
  workstation: { id: "1", name: "AGT_LNX01", states: [] },
} as NotificationEvent;
const engineEvent = { id: "x", kind: "engine.back", engine: "default", detected_at: "" } as NotificationEvent;

describe("subscription matching", () => {
  it("takes * as any run of characters, everything else literally, in any case", () => {
    expect(nameMatches("PAYROLL_*", "PAYROLL_EXTRACT")).toBe(true);
    expect(nameMatches("payroll_extract", "PAYROLL_EXTRACT")).toBe(true);
    expect(nameMatches("*EXTRACT", "PAYROLL_EXTRACT")).toBe(true);
    expect(nameMatches("PAYROLL.EXTRACT", "PAYROLL_EXTRACT")).toBe(false);
    expect(nameMatches("PAYROLL", "PAYROLL_EXTRACT")).toBe(false);
    expect(nameMatches("*", "")).toBe(true);
  });

  it("needs every name given to match; an event without that name does not", () => {
    expect(eventMatches({}, jobEvent)).toBe(true);
    expect(eventMatches({ job: "PAYROLL_*", job_stream: "PAYROLL", workstation: "AGT_*" }, jobEvent)).toBe(true);
    expect(eventMatches({ job: "PAYROLL_*", job_stream: "DAILY" }, jobEvent)).toBe(false);
    expect(eventMatches({ workstation: "AGT_LNX01" }, workstationEvent)).toBe(true);
    expect(eventMatches({ job: "*" }, workstationEvent)).toBe(false);
    expect(eventMatches({}, engineEvent)).toBe(true);
    expect(eventMatches({ workstation: "*" }, engineEvent)).toBe(false);
  });
});
