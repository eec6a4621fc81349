import { describe, expect, it } from "vitest";
import { answerRunningNow, lateJobs } from "../../../src/chat/answers";
import { job, NOW, options } from "./fixtures";

const running = (name: string, jobStream: string, startedMinutesAgo: number, estimateMinutes: number) =>
  job({
    name,
    job_stream: jobStream,
    status: "EXEC",
    common_status: "RUNNING",
    return_code: null,
    started_at: new Date(NOW.getTime() - startedMinutesAgo * 60_000).toISOString(),
    ended_at: null,
    estimated_duration_ms: estimateMinutes * 60_000,
  });

const jobs = [
  running("LOAD_SALES_INTRADAY", "ETL_INTRADAY", 90, 60),
  running("LOAD_STOCK_INTRADAY", "ETL_INTRADAY", 10, 9.5),
  running("RPT_SALES_DAILY", "BI_REPORTS", 5, 7),
];
const agentless = [job({ name: "INV_EXTRACT_STORE_001", status: "READY", workstation: "AGT_AIX01" })];

describe("what runs now", () => {
  it("is late only past its estimate by more than 10% and a minute", () => {
    expect(lateJobs(jobs, NOW).map((j) => j.name)).toEqual(["LOAD_SALES_INTRADAY"]);
  });

  it("counts per stream, names the late, and the jobs no agent takes (pt)", () => {
    const reply = answerRunningNow(jobs, agentless, options("pt"));
    expect(reply.intent).toBe("running_now");
    expect(reply.response).toBe(
      [
        "3 jobs em execução agora, em 2 streams:",
        "- ETL_INTRADAY (2): LOAD_SALES_INTRADAY e LOAD_STOCK_INTRADAY",
        "- BI_REPORTS (1): RPT_SALES_DAILY",
        "1 job atrasado (em execução além da estimativa):",
        "- LOAD_SALES_INTRADAY (stream ETL_INTRADAY): 1 h 30 min de ~1 h estimados (+50%)",
        "1 job pronto espera o agente de AGT_AIX01, que não está linkado.",
      ].join("\n"),
    );
    expect(reply.data).toMatchObject({ running: 3, waiting_for_agent: [{ workstation: "AGT_AIX01", count: 1 }] });
  });

  it("asked what is late, says the late first, or that none is (en)", () => {
    const late = answerRunningNow(jobs, [], { ...options("en"), askedWhatIsLate: true });
    expect(late.response.split("\n")[0]).toBe("1 job is late (running past the estimate):");
    const none = answerRunningNow(jobs.slice(1), [], { ...options("en"), askedWhatIsLate: true });
    expect(none.response.split("\n")[0]).toBe("No job is late: every running job is within its estimate.");
    expect(answerRunningNow([], [], options("en")).response).toBe("No job is running now.");
  });
});
