import { describe, expect, it } from "vitest";
import { answerJobLog, looksLikeError, scanLog } from "../../../src/chat/answers";
import { job, options, payrollCalc } from "./fixtures";
import { loadSalesFactLog, payrollCalcLog } from "./logs";

const loadSalesFact = job({
  name: "LOAD_SALES_FACT",
  job_stream: "ETL_DWH",
  workstation: "POOL_ETL",
  status: "ABEND",
  common_status: "ERROR",
  return_code: 8,
});

describe("job log", () => {
  it("shows the error lines of a Java/Oracle/shell failure with their numbers, and the last 15 lines (pt)", () => {
    const log = payrollCalcLog();
    const reply = answerJobLog(payrollCalc, log, options("pt"));
    expect(reply.intent).toBe("job_log");
    const lines = log.split("\n");
    expect(reply.data.lines_total).toBe(lines.length);
    expect(reply.data.job_id).toBe(payrollCalc.id);
    expect(reply.data.run_id).toBe(payrollCalc.run_id);
    expect(reply.data.tail).toEqual(lines.slice(-15));
    expect(reply.data.tail_from_line).toBe(lines.length - 14);
    // The second ORA-00060 differs only by its timestamp: one error, shown once.
    expect(reply.data.error_lines.map((e) => e.text)).toEqual([
      "2025-11-28 08:23:40 ERROR [main] com.acme.batch.db.Repository - ORA-00060: deadlock detected while waiting for resource",
      'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space',
      "[ERROR] 2025-11-28 08:24:00 payroll_calc failed, exit code 12",
      "= Exit Status           : 12",
    ]);
    for (const { line, text } of reply.data.error_lines) expect(lines[line - 1]!.trim()).toBe(text);
    expect(reply.response).toContain(
      `Log do job PAYROLL_CALC (stream PAYROLL, estação AGT_LNX01): ${lines.length} linhas; terminou com erro (ABEND), RC 12.`,
    );
    expect(reply.response).toContain("Linhas de erro (4):");
    expect(reply.response).toContain(
      `${lines.length - 9}: Exception in thread "main" java.lang.OutOfMemoryError: Java heap space`,
    );
    expect(reply.response).toContain(`Últimas 15 linhas (${lines.length - 14}–${lines.length}):`);
    // Stack frames and WARN lines are not errors.
    expect(reply.data.error_lines.some((e) => e.text.startsWith("at "))).toBe(false);
    expect(reply.data.error_lines.some((e) => e.text.includes("WARN"))).toBe(false);
    expect(reply.response).not.toContain("INFO  [main] com.acme.batch.PayrollCalcStep - processed 1000 events");
    expect(reply.suggestions?.[0]).toBe("fazer rerun do job PAYROLL_CALC");
  });

  it("says it in English", () => {
    const reply = answerJobLog(payrollCalc, payrollCalcLog(), options("en"));
    expect(reply.response).toContain("Log of job PAYROLL_CALC (stream PAYROLL, workstation AGT_LNX01):");
    expect(reply.response).toContain("Error lines (4):");
    expect(reply.response).toContain("Last 15 lines (");
  });

  it("finds Oracle and SQL*Plus errors", () => {
    const reply = answerJobLog(loadSalesFact, loadSalesFactLog(200, false), options("en"));
    expect(reply.data.error_lines.map((e) => e.text)).toEqual([
      "ERROR at line 3:",
      'ORA-01555: snapshot too old: rollback segment number 12 with name "_SYSSMU12_1849$" too small',
      "SP2-0751: Unable to connect to Oracle.  Exiting SQL*Plus",
      "= Exit Status           : 8",
    ]);
  });

  it("states when no line looks like an error", () => {
    const ok = { ...loadSalesFact, status: "SUCC", common_status: "SUCCESSFUL", return_code: 0 };
    const pt = answerJobLog(ok, loadSalesFactLog(200, true), options("pt"));
    expect(pt.data.error_lines).toEqual([]);
    expect(pt.response).toContain("Nenhuma linha de erro reconhecida.");
    expect(answerJobLog(ok, loadSalesFactLog(200, true), options("en")).response).toContain(
      "No error lines recognized.",
    );
  });

  it("handles a 5 MB log in one bounded answer", () => {
    const log = loadSalesFactLog(250_000, false);
    expect(log.length).toBeGreaterThan(5_000_000);
    const reply = answerJobLog(loadSalesFact, log, options("pt"));
    expect(reply.data.lines_total).toBe(log.split("\n").length);
    expect(reply.data.tail).toHaveLength(15);
    expect(reply.data.error_lines.map((e) => e.text)).toContain(
      "SP2-0751: Unable to connect to Oracle.  Exiting SQL*Plus",
    );
    expect(reply.response.length).toBeLessThan(8_000);
    expect(JSON.stringify(reply).length).toBeLessThan(16_000);
  });

  it("keeps 10 error lines when every line of a 5 MB log is a different error", () => {
    const lines = Array.from(
      { length: 100_000 },
      (_, i) => `2025-11-28 04:00:00 ERROR batch ${i}: ORA-${String(i % 100_000).padStart(5, "0")} on partition ${i}`,
    );
    const log = lines.join("\n");
    expect(log.length).toBeGreaterThan(5_000_000);
    const scan = scanLog(log);
    expect(scan.error_lines).toHaveLength(10);
    expect(scan.error_lines.map((e) => e.line)).toEqual([1, 2, 3, 4, 5, 99_996, 99_997, 99_998, 99_999, 100_000]);
    expect(scan.error_lines_found).toBe(100_000);
    expect(scan.error_lines_omitted).toBe(99_990);
    expect(JSON.stringify(answerJobLog(loadSalesFact, log, options("en"))).length).toBeLessThan(16_000);
  });

  it("keeps at most 10 error lines, the first and the last, in log order, and says how many were left out", () => {
    const body = Array.from(
      { length: 40 },
      (_, i) => `ORA-${String(12000 + i).padStart(5, "0")}: failure number ${i + 1}`,
    );
    const log = ["start", ...body, "= Exit Status : 0"].join("\n");
    const scan = scanLog(log);
    expect(scan.error_lines.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 37, 38, 39, 40, 41]);
    expect(scan.error_lines_found).toBe(40);
    expect(scan.error_lines_omitted).toBe(30);
    const reply = answerJobLog(loadSalesFact, log, options("pt"));
    expect(reply.response).toContain("Linhas de erro (as 10 primeiras e últimas; 30 omitidas no meio):");
  });

  it("cuts long lines at 300 characters and strips control characters", () => {
    const long = `ERROR ${"x".repeat(5_000)}`;
    const log = ["a", long, "b\u001b[31mred\u0007", "c\r", "d"].join("\n");
    const scan = scanLog(log);
    expect(scan.error_lines[0]!.text).toHaveLength(300);
    expect(scan.error_lines[0]!.text.endsWith("…")).toBe(true);
    expect(scan.tail.map((t) => t.text)).toEqual(["a", `${long.slice(0, 299)}…`, "b[31mred", "c", "d"]);
    // A 5 MB line costs no more than a short one: only its start is searched.
    const huge = scanLog(`${"y".repeat(5_000_000)} ERROR at the very end`);
    expect(huge.lines_total).toBe(1);
    expect(huge.error_lines).toEqual([]);
    expect(huge.tail[0]!.text).toHaveLength(300);
  });

  it("counts lines without a trailing empty one and with CRLF endings", () => {
    expect(scanLog("one\r\ntwo\r\n").lines_total).toBe(2);
    expect(scanLog("one\ntwo").lines_total).toBe(2);
    expect(scanLog("").lines_total).toBe(0);
  });

  it("says when the job has no log yet", () => {
    const held = {
      ...loadSalesFact,
      status: "HOLD",
      common_status: "WAITING",
      return_code: null,
      started_at: null,
      ended_at: null,
    };
    const pt = answerJobLog(held, null, options("pt"));
    expect(pt.response).toBe(
      "Job LOAD_SALES_FACT (stream ETL_DWH, estação POOL_ETL) ainda não tem log: em espera (HOLD).",
    );
    expect(pt.data).toMatchObject({ lines_total: 0, tail: [], error_lines: [] });
    expect(answerJobLog(held, "", options("en")).response).toBe(
      "Job LOAD_SALES_FACT (stream ETL_DWH, workstation POOL_ETL) has no log yet: on hold (waiting; HOLD).",
    );
  });

  it("uses the run it was given", () => {
    expect(
      answerJobLog(payrollCalc, "x", { ...options("en"), runId: "a0c6d9b3-4f5e-4d10-7b2a-8e9f0c1d2b3a" }).data.run_id,
    ).toBe("a0c6d9b3-4f5e-4d10-7b2a-8e9f0c1d2b3a");
  });
});

describe("what looks like an error", () => {
  it.each([
    "[ERROR] 2025-11-28 08:24:00 payroll_calc failed, exit code 12",
    "RC=8",
    "job ended with return code 4",
    "ERRORLEVEL 2",
    "FATAL: could not open relation",
    "IEF450I PAYROLL STEP1 - ABEND=S0C7",
    "java.sql.SQLRecoverableException: IO Error: Connection reset",
    "Caused by: java.net.SocketTimeoutException: Read timed out",
    "ORA-01017: invalid username/password; logon denied",
    "RMAN-03009: failure of backup command on ORA_DISK_1 channel",
    "SQLSTATE[42S02]: Base table or view not found",
    "Traceback (most recent call last):",
    "ValueError: invalid literal for int()",
    "AWSBIS345E The job was not launched",
    "Permission denied (publickey).",
    "ssh: connect to host sftp.bank.example.com port 22: Connection timed out",
    "cópia falhou: disco cheio",
    "/opt/batch/bin/run.sh: line 12: gzipp: command not found",
    "Segmentation fault (core dumped)",
    "AWSBCV025I The job was killed on request of the user at 2025-11-28 08:30:00.",
  ])("%s", (line) => {
    expect(looksLikeError(line)).toBe(true);
  });

  it.each([
    "= Exit Status           : 0",
    "RC=0",
    "2025-11-28 08:13:07 INFO  [main] com.acme.batch.PayrollCalcStep - processed 1000 events (4210/s)",
    "2025-11-28 08:14:03 WARN  [main] com.zaxxer.hikari.pool.HikariPool - connection is not available, retrying",
    "\tat com.acme.batch.Runner.run(Runner.java:87)",
    "Commit complete.",
    "PL/SQL procedure successfully completed.",
    "SP2 stage done, 0 errors",
    "validation finished: errors=0",
    "= JCLFILE   : /opt/batch/bin/retry_failed_files.sh",
    "C:\\Batch> echo %ERRORLEVEL%",
    "Exiting normally",
  ])("not: %s", (line) => {
    expect(looksLikeError(line)).toBe(false);
  });
});
