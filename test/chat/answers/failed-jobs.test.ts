import { describe, expect, it } from "vitest";
import { answerFailedJobs, type JobFailure } from "../../../src/chat/answers";
import { options, SAO_PAULO } from "./fixtures";

let serial = 0;
const failure = (overrides: Partial<JobFailure> & { name: string }): JobFailure => ({
  id: `job-${++serial}`,
  job_stream: "PAYROLL",
  workstation: "AGT_LNX01",
  run_id: `run-${serial}`,
  status: "ABEND",
  return_code: 8,
  started_at: null,
  ended_at: null,
  times: 1,
  recovered: null,
  ...overrides,
});
const abend = (name: string, jobStream: string, returnCode: number, endedAt: string) =>
  failure({ name, job_stream: jobStream, return_code: returnCode, ended_at: endedAt });

const failures = [
  abend("PAYROLL_CALC", "PAYROLL", 12, "2025-11-28T08:24:00Z"),
  abend("PAYROLL_TAX", "PAYROLL", 8, "2025-11-28T08:40:00Z"),
  abend("LOAD_SALES_FACT", "ETL_DWH", 8, "2025-11-28T05:14:13Z"),
  failure({
    name: "SFTP_SEND_BANK",
    job_stream: "CARDS_CLEARING",
    status: "FAIL",
    return_code: null,
    ended_at: "2025-11-28T07:10:00Z",
  }),
];
const since = "2025-11-28T06:00:00Z";

describe("failed jobs", () => {
  it("groups failures by job stream, latest first, with RC and end time (pt)", () => {
    const reply = answerFailedJobs(failures, { since: "2025-11-28T05:00:00Z" }, options("pt"));
    expect(reply.intent).toBe("failed_jobs");
    expect(reply.response).toBe(
      [
        "4 jobs falharam desde 05:00 (hoje), em 3 streams:",
        "PAYROLL (2): PAYROLL_TAX (RC 8, 08:40); PAYROLL_CALC (RC 12, 08:24)",
        "CARDS_CLEARING (1): SFTP_SEND_BANK (FAIL, 07:10)",
        "ETL_DWH (1): LOAD_SALES_FACT (RC 8, 05:14)",
      ].join("\n"),
    );
    expect(reply.data.total).toBe(4);
    expect(reply.data.groups.map((g) => [g.job_stream, g.count])).toEqual([
      ["PAYROLL", 2],
      ["CARDS_CLEARING", 1],
      ["ETL_DWH", 1],
    ]);
    expect(reply.data.groups[0]!.jobs[0]).toMatchObject({
      name: "PAYROLL_TAX",
      status: "ABEND",
      return_code: 8,
      ended_at: "2025-11-28T08:40:00Z",
    });
    expect(reply.suggestions).toEqual([
      "mostre o log do job PAYROLL_TAX",
      "fazer rerun do job PAYROLL_TAX",
      "qual o status do stream PAYROLL?",
    ]);
  });

  it('a closed period ("ontem") is said as one, and kept in data', () => {
    const reply = answerFailedJobs(
      failures,
      { since: "2025-11-27T00:00:00Z", until: "2025-11-28T00:00:00Z" },
      options("pt"),
    );
    expect(reply.response.split("\n")[0]).toMatch(/^4 jobs falharam entre ontem 00:00 e 00:00 \(hoje\)/);
    expect(reply.data).toMatchObject({ since: "2025-11-27T00:00:00.000Z", until: "2025-11-28T00:00:00.000Z" });
  });

  it("says it in English, with times in the operator's zone", () => {
    const reply = answerFailedJobs(failures, { since: "2025-11-28T09:00:00Z" }, options("en", SAO_PAULO));
    expect(reply.response.split("\n")[0]).toBe("4 jobs failed since 06:00 (today), in 3 streams:");
    expect(reply.response).toContain("PAYROLL (2): PAYROLL_TAX (RC 8, 05:40); PAYROLL_CALC (RC 12, 05:24)");
    expect(reply.response).toContain("ETL_DWH (1): LOAD_SALES_FACT (RC 8, 02:14)");
  });

  it("marks a job rerun successfully after it failed as recovered, and counts repeated failures", () => {
    const recovered = failure({
      name: "LOAD_SALES_FACT",
      job_stream: "ETL_DWH",
      return_code: 16,
      ended_at: "2025-11-28T05:14:00Z",
      recovered: { ended_at: "2025-11-28T06:20:00Z" },
    });
    const twice = failure({ name: "PAYROLL_CALC", return_code: 12, ended_at: "2025-11-28T08:24:00Z", times: 2 });
    const pt = answerFailedJobs([recovered, twice], { since: "2025-11-28T05:00:00Z" }, options("pt"));
    expect(pt.response).toBe(
      [
        "2 jobs falharam desde 05:00 (hoje), em 2 streams (1 recuperado com rerun):",
        "PAYROLL (1): PAYROLL_CALC (RC 12, 08:24; 2 vezes)",
        "ETL_DWH (1): LOAD_SALES_FACT (RC 16, 05:14; recuperado: rerun SUCC às 06:20)",
      ].join("\n"),
    );
    expect(pt.data).toMatchObject({ total: 2, recovered: 1 });
    // The next step is the failure nobody fixed yet.
    expect(pt.suggestions?.[0]).toBe("mostre o log do job PAYROLL_CALC");
    const en = answerFailedJobs([recovered], { since: "2025-11-28T05:00:00Z" }, options("en"));
    expect(en.response).toContain("1 job failed since 05:00 (today), in 1 stream (1 recovered by a rerun):");
    expect(en.response).toContain("LOAD_SALES_FACT (RC 16, 05:14; recovered: rerun SUCC at 06:20)");
  });

  it("says when nothing failed, for the whole plan or one stream", () => {
    expect(answerFailedJobs([], { since }, options("pt")).response).toBe("Nenhum job falhou desde 06:00 (hoje).");
    expect(answerFailedJobs([], { since }, options("en")).response).toBe("No job has failed since 06:00 (today).");
    const stream = answerFailedJobs([], { since, jobStream: "PAYROLL" }, options("pt"));
    expect(stream.response).toBe("Nenhum job do stream PAYROLL falhou desde 06:00 (hoje).");
    expect(stream.data).toEqual({
      since: "2025-11-28T06:00:00.000Z",
      until: null,
      job_stream: "PAYROLL",
      total: 0,
      recovered: 0,
      groups: [],
    });
    expect(answerFailedJobs([], { since: "2025-11-27T06:00:00Z" }, options("en")).response).toBe(
      "No job has failed since yesterday 06:00.",
    );
  });

  it("states no period when the one given is unreadable", () => {
    const reply = answerFailedJobs([], { since: "since six" }, options("en"));
    expect(reply.response).toBe("No job has failed.");
    expect(reply.data.since).toBeNull();
  });

  it("names the stream asked about", () => {
    const payroll = failures.filter((j) => j.job_stream === "PAYROLL");
    expect(answerFailedJobs(payroll, { since, jobStream: "PAYROLL" }, options("pt")).response.split("\n")[0]).toBe(
      "2 jobs do stream PAYROLL falharam desde 06:00 (hoje):",
    );
    expect(
      answerFailedJobs(payroll.slice(0, 1), { since, jobStream: "PAYROLL" }, options("en")).response.split("\n")[0],
    ).toBe("1 job in stream PAYROLL failed since 06:00 (today):");
  });

  it("lists at most 20 jobs in the text and all of them in data", () => {
    const many = Array.from({ length: 27 }, (_, i) =>
      abend(
        `INVOICE_RENDER_BATCH_${String(i + 1).padStart(2, "0")}`,
        i < 10 ? "INVOICE_PRINT" : "BILLING_EOD",
        4,
        new Date(Date.parse("2025-11-28T07:00:00Z") + i * 60_000).toISOString(),
      ),
    );
    const reply = answerFailedJobs(many, { since }, options("pt"));
    expect(reply.response.match(/INVOICE_RENDER_BATCH_\d\d/g)).toHaveLength(20);
    expect(reply.response.split("\n").at(-1)).toBe("e mais 7 jobs.");
    expect(reply.data.total).toBe(27);
    expect(reply.data.groups.flatMap((g) => g.jobs)).toHaveLength(27);
    expect(answerFailedJobs(many, { since }, options("en")).response.split("\n").at(-1)).toBe("and 7 more jobs.");
  });

  it("groups jobs without a stream together", () => {
    const reply = answerFailedJobs(
      [abend("ADHOC_FIX", null as unknown as string, 1, "2025-11-28T09:00:00Z")],
      { since },
      options("pt"),
    );
    expect(reply.response).toContain("(sem stream) (1): ADHOC_FIX (RC 1, 09:00)");
    expect(reply.data.groups[0]!.job_stream).toBeNull();
  });
});
