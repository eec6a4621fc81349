import { describe, expect, it } from "vitest";
import { answerJobStream } from "../../../src/chat/answers";
import { job, options, SAO_PAULO, stream } from "./fixtures";

const payroll = stream({ name: "PAYROLL" });
const jobs = [
  job({ name: "PAYROLL_EXTRACT" }),
  job({ name: "PAYROLL_VALIDATE" }),
  job({
    name: "PAYROLL_CALC",
    status: "ABEND",
    common_status: "ERROR",
    return_code: 12,
    ended_at: "2025-11-28T08:24:00Z",
  }),
  job({
    name: "PAYROLL_TAX",
    status: "EXEC",
    common_status: "RUNNING",
    return_code: null,
    started_at: "2025-11-28T11:20:00Z",
    ended_at: null,
  }),
  job({
    name: "PAYROLL_REPORT",
    status: "HOLD",
    common_status: "WAITING",
    return_code: null,
    started_at: null,
    ended_at: null,
  }),
];

describe("job stream status", () => {
  it("states its status, job counts, the abended and running jobs (pt)", () => {
    const reply = answerJobStream(payroll, jobs, options("pt", SAO_PAULO));
    expect(reply.intent).toBe("jobstream_status");
    expect(reply.response).toBe(
      [
        "Stream PAYROLL (estação AGT_LNX01): em execução (EXEC). Início 05:00.",
        "22 jobs: 3 com sucesso, 1 em execução, 1 com erro, 17 não iniciados.",
        "Com erro: PAYROLL_CALC (RC 12).",
        "Em execução: PAYROLL_TAX (há 10 min).",
      ].join("\n"),
    );
    expect(reply.data).toMatchObject({
      name: "PAYROLL",
      status: "EXEC",
      jobs: { total: 22, successful: 3, running: 1, abended: 1, not_running: 17 },
      abended: [{ name: "PAYROLL_CALC", return_code: 12 }],
      running: [{ name: "PAYROLL_TAX", started_at: "2025-11-28T11:20:00Z" }],
    });
    expect(reply.suggestions?.[0]).toBe("mostre o log do job PAYROLL_CALC");
  });

  it("says it in English", () => {
    const reply = answerJobStream(payroll, jobs, options("en"));
    expect(reply.response).toContain("Stream PAYROLL (workstation AGT_LNX01): running (EXEC). Started 08:00.");
    expect(reply.response).toContain("22 jobs: 3 successful, 1 running, 1 in error, 17 not started.");
    expect(reply.response).toContain("In error: PAYROLL_CALC (RC 12).");
    expect(reply.response).toContain("Running: PAYROLL_TAX (for 10 min).");
  });

  it("counts the jobs itself when HWA sent no counts", () => {
    const bare = stream({
      name: "PAYROLL",
      jobs: { total: null, successful: null, running: null, abended: null, not_running: null },
    });
    expect(answerJobStream(bare, jobs, options("en")).data.jobs).toEqual({
      total: 5,
      successful: 2,
      running: 1,
      abended: 1,
      not_running: 1,
    });
  });

  it("says when a finished stream started and ended, and names no job when none failed or runs", () => {
    const done = stream({
      name: "BACKUP_DB",
      workstation: "AGT_LNX01",
      status: "SUCC",
      common_status: "SUCCESSFUL",
      started_at: "2025-11-28T01:00:00Z",
      ended_at: "2025-11-28T03:31:00Z",
      jobs: { total: 6, successful: 6, running: 0, abended: 0, not_running: 0 },
    });
    const reply = answerJobStream(done, [], options("pt"));
    expect(reply.response).toBe(
      "Stream BACKUP_DB (estação AGT_LNX01): terminou com sucesso (SUCC). Início 01:00, fim 03:31.\n6 jobs: 6 com sucesso, 0 em execução, 0 com erro, 0 não iniciados.",
    );
  });

  it("gives the planned start of a stream that has not started", () => {
    const later = stream({
      name: "BILLING_EOD",
      status: "HOLD",
      common_status: "WAITING",
      sched_time: "2025-11-28T18:00:00Z",
      started_at: null,
    });
    expect(answerJobStream(later, [], options("en")).response.split("\n")[0]).toBe(
      "Stream BILLING_EOD (workstation AGT_LNX01): on hold (waiting; HOLD). Scheduled for 18:00.",
    );
  });

  it("caps the names listed", () => {
    const failedMany = Array.from({ length: 14 }, (_, i) =>
      job({ name: `PAYROLL_PAYSLIP_PDF_${String(i + 1).padStart(2, "0")}`, status: "ABEND", return_code: 4 }),
    );
    const reply = answerJobStream(payroll, failedMany, options("pt"));
    expect(reply.response).toContain("e mais 4.");
    expect(reply.data.abended).toHaveLength(14);
  });
});
