import { describe, expect, it } from "vitest";
import { answerFailedJobs, askWhich, notFound, quoteWritten } from "../../../src/chat/answers";
import { MARKUP, options } from "./fixtures";

describe("quoteWritten", () => {
  it("keeps only name characters", () => {
    expect(quoteWritten("PAYROLL_CALC")).toBe("PAYROLL_CALC");
    expect(quoteWritten("MASTER#/HR/PAYROLL.PAYROLL_CALC@1-2")).toBe("MASTER#/HR/PAYROLL.PAYROLL_CALC@1-2");
    expect(quoteWritten(MARKUP)).toBe("imgsrcxonerroralert1");
    expect(quoteWritten(`"; DROP TABLE jobs; -- \u0000\n`)).toBe("DROPTABLEjobs--");
    expect(quoteWritten("")).toBe("");
  });

  it("cuts at 40 characters with an ellipsis", () => {
    expect(quoteWritten("A".repeat(40))).toBe("A".repeat(40));
    expect(quoteWritten("A".repeat(41))).toBe(`${"A".repeat(40)}…`);
    expect(quoteWritten(`${"<>".repeat(10_000)}B`)).toBe("B");
  });
});

describe("which one", () => {
  it("lists the candidates with their streams and asks which, suggesting each with its stream", () => {
    const candidates = [
      { name: "LOAD", job_stream: "ETL_DWH", id: "1" },
      { name: "LOAD", job_stream: "DWH_NIGHTLY", id: "2" },
    ];
    const pt = askWhich("load", candidates, { ...options("pt"), intent: "job_log" });
    expect(pt.intent).toBe("job_log");
    expect(pt.response).toBe(
      "Encontrei 2 jobs para load; qual deles?\n- LOAD (stream ETL_DWH)\n- LOAD (stream DWH_NIGHTLY)",
    );
    expect(pt.suggestions).toEqual([
      "mostre o log do job LOAD no stream ETL_DWH",
      "mostre o log do job LOAD no stream DWH_NIGHTLY",
    ]);
    expect(pt.data.candidates).toEqual(candidates);
    const en = askWhich("load", candidates, options("en"));
    expect(en.intent).toBe("job_status");
    expect(en.response.split("\n")[0]).toBe("2 jobs match load; which one?");
    expect(en.suggestions?.[0]).toBe("what is the status of job LOAD in stream ETL_DWH?");
  });

  it("asks which workstation or stream too, and caps the list", () => {
    const many = Array.from({ length: 13 }, (_, i) => ({ name: `AGT_LNX${String(i + 1).padStart(2, "0")}` }));
    const reply = askWhich("agt_lnx", many, { ...options("pt"), kind: "workstation", intent: "workstation_status" });
    expect(reply.response.split("\n")[0]).toBe("Encontrei 13 estações para agt_lnx; qual delas?");
    expect(reply.response.split("\n").at(-1)).toBe("e mais 3");
    expect(reply.suggestions).toHaveLength(4);
    expect(reply.suggestions?.[0]).toBe("a estação AGT_LNX01 está linkada?");
  });
});

describe("not found", () => {
  it("says the job is not in the plan, with close names and how to look for it", () => {
    const pt = notFound("PAYROL_CALCX", ["PAYROLL_CALC", "PAYROLL_TAX"], options("pt"));
    expect(pt.response).toBe(
      [
        "Não encontrei o job PAYROL_CALCX no plano atual.",
        "Nomes parecidos: PAYROLL_CALC e PAYROLL_TAX.",
        "A lista de jobs aceita parte do nome com * (ex.: PAYR*); ou pergunte pelo stream do job.",
      ].join("\n"),
    );
    expect(pt.data).toEqual({ written: "PAYROL_CALCX", kind: "job", close_names: ["PAYROLL_CALC", "PAYROLL_TAX"] });
    expect(pt.suggestions).toEqual([
      "qual o status do job PAYROLL_CALC?",
      "qual o status do job PAYROLL_TAX?",
      "quais jobs abendaram hoje?",
    ]);
    const en = notFound("ABC123", [], options("en"));
    expect(en.response.split("\n")[0]).toBe("I did not find job ABC123 in the current plan.");
    expect(en.response).not.toContain("Close names");
  });

  it("speaks of streams and workstations in their words", () => {
    expect(
      notFound("PAYROL", ["PAYROLL"], {
        ...options("pt"),
        kind: "job_stream",
        intent: "jobstream_status",
      }).response.split("\n")[0],
    ).toBe("Não encontrei o stream PAYROL no plano atual.");
    expect(notFound("AGT_XX", [], { ...options("pt"), kind: "workstation" }).response.split("\n")[0]).toBe(
      "Não encontrei a estação AGT_XX no plano atual.",
    );
    expect(notFound("AGT_XX", [], { ...options("en"), kind: "workstation" }).response.split("\n")[0]).toBe(
      "I did not find workstation AGT_XX in the current plan.",
    );
  });
});

describe("operator-written text is never echoed as markup", () => {
  const written = `PAYROLL${MARKUP}`;
  const replies = (["pt", "en"] as const).flatMap((language) => [
    askWhich(
      written,
      [
        { name: "PAYROLL_CALC", job_stream: "PAYROLL" },
        { name: "PAYROLL_TAX", job_stream: "PAYROLL" },
      ],
      options(language),
    ),
    notFound(written, [], options(language)),
    notFound(written, [], { ...options(language), kind: "job_stream" }),
    notFound(written, [], { ...options(language), kind: "workstation" }),
    answerFailedJobs([], { since: "2025-11-28T06:00:00Z", jobStream: written }, options(language)),
    answerFailedJobs([], { since: MARKUP }, options(language)),
  ]);

  it.each(replies.map((reply, i) => [i, reply] as const))("reply %i", (_, reply) => {
    const everything = JSON.stringify(reply);
    expect(everything).not.toContain(MARKUP);
    expect(reply.response).not.toMatch(/[<>]/);
    for (const suggestion of reply.suggestions ?? []) expect(suggestion).not.toMatch(/[<>]/);
  });
});
