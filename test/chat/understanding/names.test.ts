import { describe, expect, it } from "vitest";
import { resolveName } from "../../../src/chat/understanding";
import { planJobNames, planVocabulary } from "./vocabulary";

describe("resolveName", () => {
  it("finds the plan's name whatever the case, spaces or hyphens", () => {
    expect(resolveName("LOAD", planJobNames)).toEqual({ kind: "exact", name: "LOAD" });
    expect(resolveName("payroll calc", planJobNames)).toEqual({ kind: "exact", name: "PAYROLL_CALC" });
    expect(resolveName("  Payroll-Calc ", planJobNames)).toEqual({ kind: "exact", name: "PAYROLL_CALC" });
    expect(resolveName("estação", ["ESTACAO"])).toEqual({ kind: "exact", name: "ESTACAO" });
  });

  it("takes a name the plan repeats (LOAD in two streams) as one name", () => {
    expect(planJobNames.filter((name) => name === "LOAD")).toHaveLength(2);
    expect(resolveName("load", planJobNames)).toEqual({ kind: "exact", name: "LOAD" });
  });

  it("corrects a typo to the one close name", () => {
    expect(resolveName("PAYROL_CALC", planJobNames)).toEqual({ kind: "close", name: "PAYROLL_CALC" });
    expect(resolveName("PAYROLL_CLAC", planJobNames)).toEqual({ kind: "close", name: "PAYROLL_CALC" });
    expect(resolveName("LAOD", ["LOAD", "VALIDATE"])).toEqual({ kind: "close", name: "LOAD" });
    expect(resolveName("BILLING_EDO", planVocabulary.jobStreams!)).toEqual({ kind: "close", name: "BILLING_EOD" });
  });

  it("takes a distinctive prefix or part as the name it belongs to", () => {
    expect(resolveName("BILLING_CUT", planJobNames)).toEqual({ kind: "close", name: "BILLING_CUTOFF" });
    expect(resolveName("sftp send", planJobNames)).toEqual({ kind: "close", name: "SFTP_SEND_BANK" });
  });

  it("lists the candidates, best first and at most 5, when several fit", () => {
    expect(resolveName("LOAD_SALES", planJobNames)).toEqual({
      kind: "ambiguous",
      candidates: ["LOAD_SALES_FACT", "LOAD_SALES_INTRADAY"],
    });
    const payslips = resolveName("PAYROLL_PAYSLIP", planJobNames);
    expect(payslips).toEqual({
      kind: "ambiguous",
      candidates: [
        "PAYROLL_PAYSLIP_PDF_01",
        "PAYROLL_PAYSLIP_PDF_02",
        "PAYROLL_PAYSLIP_PDF_03",
        "PAYROLL_PAYSLIP_PDF_04",
        "PAYROLL_PAYSLIP_PDF_05",
      ],
    });
    const typo = resolveName("LOAD_STOCK_FAKT", ["LOAD_STOCK_FACT", "LOAD_STOCK_FAST"]);
    expect(typo.kind).toBe("ambiguous");
  });

  it("says none, with at most 3 suggestions, when nothing is near", () => {
    expect(resolveName("ABC123", planJobNames)).toEqual({ kind: "none", suggestions: [] });
    const near = resolveName("PAYROLL_BANKING_FILES_X", planJobNames);
    expect(near.kind).toBe("none");
    if (near.kind === "none") {
      expect(near.suggestions.length).toBeLessThanOrEqual(3);
      expect(near.suggestions[0]).toBe("PAYROLL_BANK_FILE");
    }
    expect(resolveName("", planJobNames)).toEqual({ kind: "none", suggestions: [] });
    expect(resolveName("LOAD", [])).toEqual({ kind: "none", suggestions: [] });
  });

  it("never takes a short word for a longer name by a typo", () => {
    expect(resolveName("LOD", ["LOAD"]).kind).toBe("none");
    expect(resolveName("AB", ["ABC_JOB"]).kind).toBe("none");
  });

  it("tells apart names in a 500-name plan", () => {
    // Speed is measured by bench/chat-understanding.mjs: workerd's clock does not move during a test.
    const names = Array.from(
      { length: 500 },
      (_, i) => `JOB_${String(i).padStart(3, "0")}_${i % 2 ? "EXTRACT" : "LOAD"}_DAILY`,
    );
    expect(resolveName("job 123 extract daily", names)).toEqual({ kind: "exact", name: "JOB_123_EXTRACT_DAILY" });
    expect(resolveName("JOB_123_EXTRCT_DAILY", names)).toEqual({ kind: "close", name: "JOB_123_EXTRACT_DAILY" });
    const near = resolveName("JOB_007_LOAD_DAILY", names);
    expect(near).toEqual({
      kind: "ambiguous",
      candidates: [
        "JOB_000_LOAD_DAILY",
        "JOB_002_LOAD_DAILY",
        "JOB_004_LOAD_DAILY",
        "JOB_006_LOAD_DAILY",
        "JOB_008_LOAD_DAILY",
      ],
    });
  });
});
