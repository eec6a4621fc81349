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

const failedRoot = predecessors[2]!;
const blockage = {
  chain: [report, failedRoot],
  kind: "failed" as const,
  error: { line: 812, text: "ORA-00060: deadlock detected while waiting for resource" },
  truncated: false,
  hops: 2,
};

describe("job dependencies", () => {
  it("lists every predecessor with its status, the blocking first, then the chain to the root cause (pt)", () => {
    const reply = answerDependencies(report, predecessors, successors, { ...options("pt"), blockage });
    expect(reply.intent).toBe("job_dependencies");
    expect(reply.response).toBe(
      [
        "Job REPORT_PLAN_STATUS (stream DAILY, estação MASTER): em espera, aguardando um predecessor (HOLD).",
        "Está esperando 3 de 4 predecessores:",
        "- CHECK_DB_LISTENERS: terminou com erro (ABEND), RC 8",
        "- ETL_DWH_DONE (stream ETL_DWH): em espera (HOLD)",
        "- ROTATE_LOGS: em execução (EXEC), há 5 min",
        "- PURGE_TEMP: terminou com sucesso (SUCC), RC 0",
        "Também aguarda: 1 recurso.",
        "Causa: REPORT_PLAN_STATUS aguarda CHECK_DB_LISTENERS, que terminou com erro (ABEND, RC 8) às 08:04.",
        "Erro no log do CHECK_DB_LISTENERS (linha 812): ORA-00060: deadlock detected while waiting for resource",
        "Para destravar: rerun do CHECK_DB_LISTENERS (ou confirme-o como SUCC, se o erro pode ser ignorado).",
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
    expect(reply.data.root_cause).toMatchObject({
      chain: [{ name: "REPORT_PLAN_STATUS" }, { name: "CHECK_DB_LISTENERS" }],
      root: { name: "CHECK_DB_LISTENERS", kind: "failed", return_code: 8, error_line: { line: 812 } },
    });
    expect(reply.suggestions?.slice(0, 2)).toEqual([
      "fazer rerun do job CHECK_DB_LISTENERS",
      "mostre o log do job CHECK_DB_LISTENERS",
    ]);
  });

  it("says it in English", () => {
    const reply = answerDependencies(report, predecessors, successors, { ...options("en"), blockage });
    expect(reply.response).toContain("Waiting on 3 of 4 predecessors:");
    expect(reply.response).toContain("- ROTATE_LOGS: running (EXEC), for 5 min");
    expect(reply.response).toContain("- PURGE_TEMP: ended successfully (SUCC), RC 0");
    expect(reply.response).toContain("Also waiting on: 1 resource.");
    expect(reply.response).toContain(
      "Root cause: REPORT_PLAN_STATUS waits on CHECK_DB_LISTENERS, which ended in error (ABEND, RC 8) at 08:04.",
    );
    expect(reply.response).toContain("To unblock it: rerun CHECK_DB_LISTENERS");
    expect(reply.response).toContain("Waiting on it (1): EOD_CHECK_PLAN (HOLD).");
  });

  it("says a waiting job's predecessors are all done, or that it has none", () => {
    const done = answerDependencies(report, [predecessors[0]!], [], options("pt"));
    expect(done.response).toContain("Predecessores (1):\n- PURGE_TEMP: terminou com sucesso (SUCC), RC 0");
    expect(done.response).toContain("O único predecessor terminou com sucesso.");
    expect(answerDependencies(report, [predecessors[0]!, predecessors[0]!], [], options("pt")).response).toContain(
      "Todos os 2 predecessores terminaram com sucesso.",
    );
    expect(done.response).toContain("Nenhum job espera por ele.");
    expect(answerDependencies(report, [], [], options("en")).response).toContain("It has no predecessors.");
  });

  it("lists the predecessors of a job that ran too, each with its status", () => {
    const validate = job({ name: "PAYROLL_VALIDATE" });
    const pt = answerDependencies(payrollCalc, [validate], successors, options("pt"));
    expect(pt.response.split("\n").slice(1, 4)).toEqual([
      "Não está esperando: já terminou.",
      "Predecessores (1):",
      "- PAYROLL_VALIDATE: terminou com sucesso (SUCC), RC 0",
    ]);
    expect(pt.data.waiting).toBe(false);
    expect(pt.data.root_cause).toBeNull();
    const running = { ...payrollCalc, status: "EXEC", ended_at: null };
    expect(answerDependencies(running, [validate], [], options("en")).response.split("\n").slice(1, 3)).toEqual([
      "Not waiting: it is already running.",
      "Predecessors (1):",
    ]);
  });

  it("a job an operator holds says so, and a held predecessor is named as held, with release to unblock", () => {
    const held = heldReport({ priority: 0, common_status: "HELD", substatus: "HOLD_PRIORITY_ZERO" });
    const own = answerDependencies(held, [predecessors[0]!], [], {
      ...options("pt"),
      blockage: { chain: [held], kind: "held", truncated: false, hops: 0 },
    });
    expect(own.response.split("\n").slice(0, 2)).toEqual([
      "Job REPORT_PLAN_STATUS (stream DAILY, estação MASTER): retido por um operador (HOLD, prioridade 0).",
      "Um operador reteve o REPORT_PLAN_STATUS: ele só inicia depois de liberado (release).",
    ]);
    expect(own.response).not.toContain("Causa:");
    expect(own.suggestions?.[0]).toBe("liberar o job REPORT_PLAN_STATUS");

    const sftp = job({
      name: "ORDERS_SFTP_PARTNER",
      job_stream: "ORDERS_EXPORT",
      status: "HOLD",
      common_status: "HELD",
      priority: 0,
      return_code: null,
      started_at: null,
      ended_at: null,
    });
    const archive = heldReport({ name: "ORDERS_ARCHIVE", job_stream: "ORDERS_EXPORT" });
    const en = answerDependencies(archive, [sftp], [], {
      ...options("en"),
      blockage: { chain: [archive, sftp], kind: "held", truncated: false, hops: 1 },
    });
    expect(en.response).toContain("- ORDERS_SFTP_PARTNER: held by an operator (HOLD, priority 0)\n");
    expect(en.response).toContain(
      "Root cause: ORDERS_ARCHIVE waits on ORDERS_SFTP_PARTNER, which is held by an operator (HOLD, priority 0).",
    );
    expect(en.response).toContain("To unblock it: release ORDERS_SFTP_PARTNER.");
    expect(en.suggestions?.[0]).toBe("release job ORDERS_SFTP_PARTNER");
  });
});
