import { describe, expect, it } from "vitest";
import type { Job } from "../api/types";
import { boardOf, groupOf } from "./board-order";

function job(name: string, status: string, common: string | null, times: Partial<Job> = {}): Job {
  return {
    id: `id-${name}`,
    name,
    job_stream: "DAILY",
    job_stream_id: "js",
    workstation: "WS",
    status,
    common_status: common,
    return_code: null,
    started_at: null,
    ended_at: null,
    duration_ms: null,
    estimated_duration_ms: null,
    sched_time: null,
    dependencies: { total: 0, unresolved: 0 },
    run_id: null,
    ...times,
  };
}

describe("the job board's order", () => {
  it("puts failed jobs first, then blocked, running, held, waiting, successful and the rest", () => {
    const jobs = [
      job("DONE", "SUCC", "SUCCESSFUL"),
      job("WAITS", "WAIT", "WAITING"),
      job("HELD", "HOLD", "HELD"),
      job("DEPENDS", "HOLD", "WAITING"),
      job("RUNS", "EXEC", "RUNNING"),
      job("GONE", "CANCL", "CANCELED"),
      job("STUCK", "STUCK", "BLOCKED"),
      job("FAILED", "ABEND", "ERROR"),
      job("READY", "READY", "READY"),
    ];
    expect(boardOf(jobs).rows.map((row) => row.job.name)).toEqual([
      "FAILED",
      "STUCK",
      "RUNS",
      "HELD",
      "DEPENDS",
      "READY",
      "WAITS",
      "DONE",
      "GONE",
    ]);
  });

  it("shows the latest failure first and the longest running job first", () => {
    const jobs = [
      job("OLD_FAIL", "ABEND", "ERROR", { ended_at: "2026-05-01T06:00:00Z" }),
      job("NEW_FAIL", "FAIL", "ERROR", { ended_at: "2026-05-01T09:00:00Z" }),
      job("LATE_START", "EXEC", "RUNNING", { started_at: "2026-05-01T09:00:00Z" }),
      job("EARLY_START", "EXEC", "RUNNING", { started_at: "2026-05-01T05:00:00Z" }),
    ];
    expect(boardOf(jobs).rows.map((row) => row.job.name)).toEqual([
      "NEW_FAIL",
      "OLD_FAIL",
      "EARLY_START",
      "LATE_START",
    ]);
  });

  it("counts every group before a status filter narrows the rows", () => {
    const jobs = [job("A", "ABEND", "ERROR"), job("B", "ABEND", "ERROR"), job("C", "EXEC", "RUNNING")];
    const board = boardOf(jobs, "running");
    expect(board.rows.map((row) => row.job.name)).toEqual(["C"]);
    expect(board.counts).toMatchObject({ failed: 2, running: 1, held: 0, waiting: 0 });
  });

  it("places a run by its internal status when there is no common status", () => {
    expect(groupOf({ status: "ABEND", common_status: null })).toBe("failed");
    expect(groupOf({ status: "SUCC", common_status: null })).toBe("successful");
    expect(groupOf({ status: "HOLD", common_status: null })).toBe("waiting");
  });
});
