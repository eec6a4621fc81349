// Job logs by run id as text/plain with line ranges, and the V1 paths old scripts call. Read-only.
import { afterAll, describe, expect, inject, it } from "vitest";
import { engineErrorOf, expectNoContractViolations, simulatorAt, type Job } from "./simulator-helpers";

const engine = simulatorAt(inject("hwaSimulatorUrl"));
afterAll(() => expectNoContractViolations(engine));

async function jobLog(runId: string, range = ""): Promise<string> {
  const response = await engine.call("GET", `/api/v2/plan/job/run/${runId}/joblog${range}`);
  expect(response.status, await response.clone().text()).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
  return response.text();
}

const lastRunOf = (job: Job) => job.jobruns.at(-1)!;

describe("GET /plan/job/run/{run_id}/joblog", () => {
  it("has HWA's header and footer, and the exit status of the run", async () => {
    const job = await engine.jobNamed("PAYROLL", "PAYROLL_EXTRACT");
    const log = await jobLog(lastRunOf(job).id);
    const lines = log.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^=+$/);
    expect(lines[1]).toBe(
      `= JOB       : AGT_LNX01#PAYROLL[${lines[1]!.slice(lines[1]!.indexOf("[") + 1, lines[1]!.indexOf("]"))}].PAYROLL_EXTRACT`,
    );
    expect(log).toContain(`= JCLFILE   : ${job.jobDefinition.task.command}`);
    expect(log).toContain(`= Exit Status           : ${lastRunOf(job).returnCode}`);
    expect(lines.at(-1)).toMatch(/^=+$/);
  });

  it("is the same text every time (deterministic)", async () => {
    const job = await engine.jobNamed("DAILY", "PURGE_TEMP");
    expect(await jobLog(lastRunOf(job).id)).toBe(await jobLog(lastRunOf(job).id));
  });

  it("shows the error lines of an ABEND", async () => {
    const abended = (await engine.jobs("jobruns.compositeStatus.status = 'ABEND'")).results;
    expect(abended.length).toBeGreaterThan(0);
    for (const job of abended) {
      const log = await jobLog(lastRunOf(job).id);
      expect(log).toMatch(
        /ORA-\d{5}|Exception in thread|exit code \d+|ERRORLEVEL|R3BATCH Job .* cancelled|RMAN-\d+|Connection|Permission denied|ERROR/,
      );
      expect(log).toContain(`= Exit Status           : ${lastRunOf(job).returnCode}`);
    }
    const sqlFailure = await engine.jobNamed("BANK_RECON", "RECON_MATCH");
    expect(await jobLog(lastRunOf(sqlFailure).id)).toMatch(/ORA-\d{5}/);
  });

  it("keeps each run's own log in a rerun chain", async () => {
    const job = await engine.jobNamed("PAYROLL", "PAYROLL_CALC");
    const [first, , last] = job.jobruns;
    const firstLog = await jobLog(first!.id);
    const lastLog = await jobLog(last!.id);
    expect(firstLog).not.toBe(lastLog);
    expect(firstLog).toContain(`= Exit Status           : ${first!.returnCode}`);
    expect(lastLog).toContain("= Exit Status           : 0");
    expect(lastLog).toContain("= RUN       : 3 (rerun)");
  });

  it("returns lines from_line to to_line, both included, 1-based", async () => {
    const job = await engine.jobNamed("PAYROLL", "PAYROLL_EXTRACT");
    const runId = lastRunOf(job).id;
    const lines = (await jobLog(runId)).trimEnd().split("\n");
    expect(await jobLog(runId, "?from_line=2&to_line=4")).toBe(`${lines.slice(1, 4).join("\n")}\n`);
    expect(await jobLog(runId, "?from_line=1&to_line=1")).toBe(`${lines[0]}\n`);
    expect(await jobLog(runId, `?from_line=${lines.length}`)).toBe(`${lines.at(-1)}\n`);
    expect(await jobLog(runId, `?from_line=${lines.length - 1}&to_line=${lines.length + 100}`)).toBe(
      `${lines.slice(-2).join("\n")}\n`,
    );
    expect(await jobLog(runId, `?from_line=${lines.length + 1}`)).toBe("");
    await engineErrorOf(await engine.call("GET", `/api/v2/plan/job/run/${runId}/joblog?from_line=5&to_line=4`), 400);
    await engineErrorOf(await engine.call("GET", `/api/v2/plan/job/run/${runId}/joblog?from_line=0`), 400);
  });

  it("has thousands of lines for the big loads and backups", async () => {
    const job = await engine.jobNamed("ETL_DWH", "LOAD_SALES_FACT");
    const log = await jobLog(lastRunOf(job).id);
    expect(log.split("\n").length).toBeGreaterThan(2000);
    const tail = await jobLog(lastRunOf(job).id, "?from_line=2000&to_line=2009");
    expect(tail.split("\n")).toHaveLength(11);
  });

  it("grows while the job runs", async () => {
    const running = (await engine.jobs("jobruns.compositeStatus.status = 'EXEC'")).results;
    expect(running.length).toBeGreaterThan(0);
    const log = await jobLog(lastRunOf(running[0]!).id);
    expect(log).toContain("= JOB       :");
    expect(log).not.toContain("= Exit Status");
  });

  it("answers 404 for a run that has not started and for an unknown run", async () => {
    const waiting = (await engine.jobs("jobruns.compositeStatus.status = 'HOLD'")).results[0]!;
    await engineErrorOf(await engine.call("GET", `/api/v2/plan/job/run/${lastRunOf(waiting).id}/joblog`), 404);
    await engineErrorOf(await engine.call("GET", "/api/v2/plan/job/run/no-such-run/joblog"), 404);
  });
});

describe("V1 paths", () => {
  it("POST /plan/current/job/query answers a bare array, How-Many at most", async () => {
    const response = await engine.call(
      "POST",
      "/plan/current/job/query",
      { filters: { jobInPlanFilter: { jobStreamName: "PAYROLL", jobName: "PAYROLL_@" } } },
      { "How-Many": "3" },
    );
    expect(response.status).toBe(200);
    const jobs = (await response.json()) as {
      id: string;
      name: string;
      jobStreamName: string;
      status: { commonStatus: string; internalStatus: string };
    }[];
    expect(Array.isArray(jobs)).toBe(true);
    expect(jobs).toHaveLength(3);
    for (const job of jobs) {
      expect(job.jobStreamName).toBe("PAYROLL");
      expect(job.name.startsWith("PAYROLL_")).toBe(true);
      expect(job.status.internalStatus).toMatch(/^[A-Z]+$/);
      expect(job.status.commonStatus).toMatch(/^[A-Z_]+$/);
    }
    const v2 = await engine.job(jobs[0]!.id);
    expect(v2.lastRunCompositeStatus.status).toBe(jobs[0]!.status.internalStatus);
  });

  it("GET /plan/current/job/{id}/joblog answers {log}", async () => {
    const job = await engine.jobNamed("PAYROLL", "PAYROLL_EXTRACT");
    const response = await engine.call("GET", `/plan/current/job/${job.id}/joblog`);
    expect(response.status).toBe(200);
    const { log } = (await response.json()) as { log: string };
    expect(`${log}\n`).toBe(await jobLog(lastRunOf(job).id));
  });
});
