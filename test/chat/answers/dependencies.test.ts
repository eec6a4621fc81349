import { describe, expect, it } from "vitest";
import { answerDependencies } from "../../../src/chat/answers";
import { heldReport, job, options, payrollCalc } from "./fixtures";

const report = heldReport({
  dependency_list: [
    { type: "INTERNAL", id: "7d2e1f30-1111-4c5b-8a9d-0e1f2a3b4c5d", status: "UNSATISFIED" },
    { type: "RESOURCE", id: "7d2e1f30-2222-4c5b-8a9d-0e1f2a3b4c5d", status: "UNSATISFIED" },
  ],
});
const predecessors = [
  job({ name: "PURGE_TEMP", job_stream: "DAILY" }),
  job({
    name: "ROTATE_LOGS",
    job_stream: "DAILY",
    status: "EXEC",
    common_status: "RUNNING",
    return_code: null,
    started_at: "2025-11-28T11:25:00Z",
    ended_at: null,
  }),
  job({ name: "CHECK_DB_LISTENERS", job_stream: "DAILY", status: "ABEND", common_status: "ERROR", return_code: 8 }),
  job({
    name: "ETL_DWH_DONE",
    job_stream: "ETL_DWH",
    status: "HOLD",
    common_status: "WAITING",
    return_code: null,
    started_at: null,
    ended_at: null,
  }),
];
const successors = [
  job({
    name: "EOD_CHECK_PLAN",
    job_stream: "END_OF_DAY",
    status: "HOLD",
    return_code: null,
    started_at: null,
    ended_at: null,
  }),
];

describe("job dependencies", () => {
  it("answers what holds a job: pending predecessors, the failed one first, then what waits on it (pt)", () => {
    const reply = answerDependencies(report, predecessors, successors, options("pt"));
    expect(reply.intent).toBe("job_dependencies");
    expect(reply.response).toBe(
      [
        "Job REPORT_PLAN_STATUS (stream DAILY, estação MASTER): em espera, aguardando um predecessor (HOLD).",
        "Está esperando 3 de 4 predecessores:",
        "- CHECK_DB_LISTENERS: terminou com erro (ABEND), RC 8",
        "- ETL_DWH_DONE (stream ETL_DWH): em espera (HOLD)",
        "- ROTATE_LOGS: em execução (EXEC), há 5 min",
        "Já concluídos: PURGE_TEMP.",
        "Também aguarda: 1 recurso.",
        "CHECK_DB_LISTENERS terminou com erro: o REPORT_PLAN_STATUS só inicia depois de um rerun com sucesso dele ou de confirmá-lo como SUCC.",
        "Esperam por ele (1): EOD_CHECK_PLAN (HOLD).",
      ].join("\n"),
    );
    expect(reply.data.waiting).toBe(true);
    expect(reply.data.pending_predecessors).toBe(3);
    expect(reply.data.predecessors.map((p) => [p.name, p.done])).toEqual([
      ["CHECK_DB_LISTENERS", false],
      ["ETL_DWH_DONE", false],
      ["ROTATE_LOGS", false],
      ["PURGE_TEMP", true],
    ]);
    expect(reply.data.successors.map((s) => s.name)).toEqual(["EOD_CHECK_PLAN"]);
    expect(reply.data.other_unresolved).toEqual([{ type: "RESOURCE", count: 1 }]);
    expect(reply.suggestions?.slice(0, 2)).toEqual([
      "mostre o log do job CHECK_DB_LISTENERS",
      "fazer rerun do job CHECK_DB_LISTENERS",
    ]);
  });

  it("says it in English", () => {
    const reply = answerDependencies(report, predecessors, successors, options("en"));
    expect(reply.response).toContain("Waiting on 3 of 4 predecessors:");
    expect(reply.response).toContain("- ROTATE_LOGS: running (EXEC), for 5 min");
    expect(reply.response).toContain("Already successful: PURGE_TEMP.");
    expect(reply.response).toContain("Also waiting on: 1 resource.");
    expect(reply.response).toContain(
      "CHECK_DB_LISTENERS ended in error: REPORT_PLAN_STATUS starts only after it is rerun successfully or confirmed SUCC.",
    );
    expect(reply.response).toContain("Waiting on it (1): EOD_CHECK_PLAN (HOLD).");
  });

  it("says a waiting job's predecessors are all done, or that it has none", () => {
    const done = answerDependencies(report, [predecessors[0]!], [], options("pt"));
    expect(done.response).toContain("O único predecessor, PURGE_TEMP, terminou com sucesso.");
    expect(answerDependencies(report, [predecessors[0]!, predecessors[0]!], [], options("pt")).response).toContain(
      "Todos os 2 predecessores terminaram com sucesso.",
    );
    expect(done.response).toContain("Nenhum job espera por ele.");
    expect(answerDependencies(report, [], [], options("en")).response).toContain("It has no predecessors.");
  });

  it("says a job that ran is not waiting", () => {
    const pt = answerDependencies(payrollCalc, [job({ name: "PAYROLL_VALIDATE" })], successors, options("pt"));
    expect(pt.response.split("\n")[1]).toBe("Não está esperando: já terminou.");
    expect(pt.data.waiting).toBe(false);
    expect(pt.response).not.toContain("rerun com sucesso");
    const running = { ...payrollCalc, status: "EXEC", ended_at: null };
    expect(answerDependencies(running, [], [], options("en")).response.split("\n")[1]).toBe(
      "Not waiting: it is already running.",
    );
  });
});
