import { describe, expect, it } from "vitest";
import { chainSentence, errorCause, type Blockage } from "../../../src/chat/answers";
import { job, options } from "./fixtures";

const waiting = (name: string) =>
  job({ name, status: "HOLD", common_status: "WAITING", return_code: null, started_at: null, ended_at: null });
const blockage = (names: string[], root: Parameters<typeof job>[0], kind: Blockage["kind"]): Blockage => ({
  chain: [...names.map(waiting), job(root)],
  kind,
  truncated: false,
  hops: names.length,
});

describe("the chain down to the root cause", () => {
  it("says each link and what the root is doing, in each language", () => {
    const failed = blockage(
      ["RECON_REPORT", "RECON_EXCEPTIONS"],
      { name: "RECON_MATCH", status: "ABEND", return_code: 2, ended_at: "2025-11-28T09:20:00Z" },
      "failed",
    );
    expect(chainSentence(failed, options("pt"))).toBe(
      "RECON_REPORT aguarda RECON_EXCEPTIONS, que aguarda RECON_MATCH, que terminou com erro (ABEND, RC 2) às 09:20",
    );
    expect(chainSentence(failed, options("en"))).toBe(
      "RECON_REPORT waits on RECON_EXCEPTIONS, which waits on RECON_MATCH, which ended in error (ABEND, RC 2) at 09:20",
    );
    const agent = blockage([], { name: "INV_EXTRACT_STORE_001", status: "READY", workstation: "AGT_AIX01" }, "agent");
    expect(chainSentence(agent, options("pt"))).toBe(
      "INV_EXTRACT_STORE_001 está pronto (READY), mas a estação AGT_AIX01 não está linkada",
    );
    const running = blockage(
      ["REPORT_PLAN_STATUS"],
      { name: "ROTATE_LOGS", status: "EXEC", started_at: "2025-11-28T11:25:00Z", ended_at: null },
      "running",
    );
    expect(chainSentence(running, options("en"))).toBe(
      "REPORT_PLAN_STATUS waits on ROTATE_LOGS, which is running for 5 min (estimate 5 min)",
    );
  });

  it("shortens a long chain to its first link and its last two, and says when the walk stopped", () => {
    const long = blockage(
      [
        "PAYROLL_ARCHIVE",
        "SFTP_SEND_BANK",
        "PAYROLL_BANK_FILE",
        "PAYROLL_REPORT",
        "PAYROLL_PAYSLIP_PDF_01",
        "PAYROLL_TAX",
      ],
      { name: "PAYROLL_CALC", status: "ABEND", return_code: 12, ended_at: null },
      "failed",
    );
    expect(chainSentence({ ...long, truncated: true, hops: 10 }, options("pt"))).toBe(
      "PAYROLL_ARCHIVE aguarda SFTP_SEND_BANK (e mais 3 jobs na cadeia), que aguarda PAYROLL_TAX, " +
        "que aguarda PAYROLL_CALC, que terminou com erro (ABEND, RC 12) (parei após 10 consultas; a cadeia continua)",
    );
  });
});

describe("the line of a failed log that says why", () => {
  it.each([
    [["ERROR at line 1:", "ORA-00060: deadlock detected while waiting for resource", "= Exit Status : 1"], 2],
    [
      [
        'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space',
        "\tat com.acme.Runner.run(Runner.java:87)",
      ],
      1,
    ],
    [["R3BATCH Job ZGL cancelled in SAP", "R3BATCH ABAP runtime error TIME_OUT in program ZGL"], 2],
    [["ssh: connect to host sftp.bank.example.com port 22: Connection timed out", "Connection closed"], 1],
    [["The system cannot find the path specified.", "ERRORLEVEL 8"], 1],
  ])("%j → line %i", (lines, expected) => {
    const log = ["starting", ...lines].join("\n");
    expect(errorCause(log)?.line).toBe(expected + 1);
  });

  it("is undefined for a log with no error", () => {
    expect(errorCause("all good\n= Exit Status : 0\n")).toBeUndefined();
  });
});
