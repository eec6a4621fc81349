import { describe, expect, it } from "vitest";
import { toJob } from "../../src/jobs/job";

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
