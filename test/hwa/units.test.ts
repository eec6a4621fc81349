import { describe, expect, it } from "vitest";
import { durationMs } from "../../src/hwa/duration";
import { literal, matches, oneOf, query } from "../../src/hwa/oql";
import { commonStatusOf, describeStatus } from "../../src/hwa/status";
import { toJob } from "../../src/jobs/job";

describe("OQL builder", () => {
  it("quotes every value and doubles quotes inside it", () => {
    expect(literal("LOAD")).toBe("'LOAD'");
    expect(literal("X' OR name LIKE '%")).toBe("'X'' OR name LIKE ''%'");
  });

  it("turns * into LIKE %, and plain values into =", () => {
    expect(matches("name", "PAY*")).toBe("name LIKE 'PAY%'");
    expect(matches("jobStreamName", "DAILY")).toBe("jobStreamName = 'DAILY'");
    expect(oneOf("jobruns.compositeStatus.status", ["ABEND", "FAIL"])).toBe(
      "jobruns.compositeStatus.status IN ('ABEND', 'FAIL')",
    );
    expect(query(["a = 'b'", "c = 'd'"], "name ASC")).toBe("a = 'b' AND c = 'd' ORDER BY name ASC");
    expect(query([], "name ASC")).toBe("ORDER BY name ASC");
  });
});

describe("status", () => {
  it("maps internal to common status as the DWC guide does", () => {
    expect(commonStatusOf("HOLD")).toBe("WAITING");
    expect(commonStatusOf("EXEC")).toBe("RUNNING");
    expect(commonStatusOf("SUCC")).toBe("SUCCESSFUL");
    expect(commonStatusOf("ABEND")).toBe("ERROR");
    expect(commonStatusOf("FAIL")).toBe("ERROR");
    expect(commonStatusOf("EXTRN")).toBe("UNDECIDED");
    expect(commonStatusOf("SUSP")).toBe("BLOCKED");
    expect(commonStatusOf("SUPPR")).toBe("SUPPRESS");
    expect(commonStatusOf("HOLD", { canceled: true })).toBe("CANCELED");
    expect(commonStatusOf("HOLD", { reported: "HELD" })).toBe("HELD");
  });

  it("says it in Portuguese and English", () => {
    expect(describeStatus("ABEND", undefined, "pt")).toBe("terminou com erro (ABEND)");
    expect(describeStatus("HOLD", "HOLD_WAITING_FOR_PREDECESSOR", "en")).toBe(
      "on hold (waiting), waiting for a predecessor",
    );
    expect(describeStatus("HOLD", "HOLD_WAITING_FOR_TIME", "pt")).toBe("em espera, aguardando o horário de início");
  });
});

describe("durations", () => {
  it("reads ISO-8601 durations as HWA sends them", () => {
    expect(durationMs("PT1H2M3.5S")).toBe(3_723_500);
    expect(durationMs("P1DT2H")).toBe(93_600_000);
    expect(durationMs("PT0S")).toBe(0);
    expect(durationMs("nonsense")).toBeUndefined();
    expect(durationMs("P")).toBeUndefined();
  });
});

describe("JobInPlanV2 → Job", () => {
  it("reads status, return code and times from where HWA keeps them", () => {
    const job = toJob({
      id: "J1",
      name: "LOAD",
      jobStreamName: "DAILY",
      jobStreamId: "S1",
      workstation: "AGENT1",
      lastRunCompositeStatus: { status: "ABEND" },
      jobDefinition: { estimatedDuration: "PT10M" },
      dependenciesStats: { numberOfDependencies: 3, numberOfUnresolvedDependencies: 1 },
      jobruns: [
        { id: "R1", returnCode: 0, lastInRerunChain: false },
        {
          id: "R2",
          returnCode: 8,
          lastInRerunChain: true,
          timeInfo: { actualStartTime: "2026-11-29T06:00:00Z", actualEndTime: "2026-11-29T06:05:00Z" },
        },
      ],
    });
    expect(job).toMatchObject({
      status: "ABEND",
      common_status: "ERROR",
      return_code: 8,
      run_id: "R2",
      duration_ms: 300_000,
      estimated_duration_ms: 600_000,
      dependencies: { total: 3, unresolved: 1 },
    });
  });
});
