import { describe, expect, it } from "vitest";
import { answerJobStatus } from "../../../src/chat/answers";
import { heldReport, jobDetail, NOW, options, payrollCalc, SAO_PAULO } from "./fixtures";

describe("job status", () => {
  it("states an abended job's stream, workstation, status, RC, times against the estimate and reruns (pt)", () => {
    const reply = answerJobStatus(payrollCalc, options("pt"));
    expect(reply.intent).toBe("job_status");
    expect(reply.language).toBe("pt");
    expect(reply.response).toBe(
      [
        "Job PAYROLL_CALC (stream PAYROLL, estação AGT_LNX01): terminou com erro (ABEND), RC 12.",
        "Início 08:12, fim 08:24: levou 12 min, estimativa 10 min (+20%).",
        "2 execuções (1 rerun); a 1ª terminou com erro: ABEND RC 12 às 08:09.",
      ].join("\n"),
    );
    expect(reply.data).toMatchObject({
      id: payrollCalc.id,
      name: "PAYROLL_CALC",
      job_stream: "PAYROLL",
      workstation: "AGT_LNX01",
      status: "ABEND",
      common_status: "ERROR",
      return_code: 12,
      started_at: "2025-11-28T08:12:00Z",
      ended_at: "2025-11-28T08:24:00Z",
      duration_ms: 720_000,
      estimated_duration_ms: 600_000,
      run_id: "b1d7e0c4-5a6f-4e21-8c3b-9f0a1d2e3c4b",
      runs: 2,
      earlier_failures: [{ run: 1, status: "ABEND", return_code: 12, ended_at: "2025-11-28T08:09:00Z" }],
      recovered: false,
    });
    expect(reply.suggestions).toEqual([
      "mostre o log do job PAYROLL_CALC",
      "fazer rerun do job PAYROLL_CALC",
      "quais jobs abendaram hoje?",
    ]);
  });

  it("says the same in English, with times in the operator's zone", () => {
    const reply = answerJobStatus(payrollCalc, options("en", SAO_PAULO));
    expect(reply.language).toBe("en");
    expect(reply.response).toContain(
      "Job PAYROLL_CALC (stream PAYROLL, workstation AGT_LNX01): ended in error (ABEND), RC 12.",
    );
    expect(reply.response).toContain("Started 05:12, ended 05:24: ran 12 min against an estimate of 10 min (+20%).");
    expect(reply.response).toContain("2 runs (1 rerun); run 1 ended in error: ABEND RC 12 at 05:09.");
    expect(reply.suggestions).toContain("show the log of job PAYROLL_CALC");
  });

  it("a job that ended well on rerun says its earlier run failed, and that it recovered", () => {
    const recovered = {
      ...payrollCalc,
      status: "SUCC",
      common_status: "SUCCESSFUL",
      return_code: 0,
      runs: [payrollCalc.runs[0]!, { ...payrollCalc.runs[1]!, status: "SUCC", return_code: 0 }],
    };
    const pt = answerJobStatus(recovered, options("pt"));
    expect(pt.response).toContain("terminou com sucesso (SUCC), RC 0.");
    expect(pt.response).toContain(
      "2 execuções (1 rerun); a 1ª terminou com erro: ABEND RC 12 às 08:09; o rerun terminou com sucesso às 08:24.",
    );
    expect(pt.data).toMatchObject({ recovered: true, earlier_failures: [{ run: 1, return_code: 12 }] });
    expect(answerJobStatus(recovered, options("en")).response).toContain(
      "2 runs (1 rerun); run 1 ended in error: ABEND RC 12 at 08:09; the rerun ended successfully at 08:24.",
    );
  });

  it("a job an operator holds says so, not 'waiting', and suggests releasing it", () => {
    const held = heldReport({ priority: 0, common_status: "HELD", substatus: "HOLD_PRIORITY_ZERO" });
    const pt = answerJobStatus(held, options("pt"));
    expect(pt.response.split("\n")[0]).toBe(
      "Job REPORT_PLAN_STATUS (stream DAILY, estação MASTER): retido por um operador (HOLD, prioridade 0).",
    );
    expect(pt.response).toContain("Um operador o reteve: só inicia depois de liberado (release).");
    expect(pt.data.held_by_operator).toBe(true);
    expect(pt.suggestions?.[0]).toBe("liberar o job REPORT_PLAN_STATUS");
    const en = answerJobStatus(held, options("en"));
    expect(en.response).toContain("held by an operator (HOLD, priority 0).");
    expect(en.suggestions?.[0]).toBe("release job REPORT_PLAN_STATUS");
  });

  it("measures a running job against now and its estimate", () => {
    const running = jobDetail({
      name: "LOAD_SALES_FACT",
      job_stream: "ETL_DWH",
      workstation: "POOL_ETL",
      status: "EXEC",
      common_status: "RUNNING",
      return_code: null,
      started_at: "2025-11-28T11:25:00Z",
      ended_at: null,
      duration_ms: 60_000, // HWA's elapsed time, older than now
      estimated_duration_ms: 600_000,
    });
    const pt = answerJobStatus(running, options("pt"));
    expect(pt.response).toContain("Início 11:25: em execução há 5 min de ~10 min estimados.");
    expect(pt.response).not.toContain("RC");
    expect(pt.data.duration_ms).toBe(300_000);
    expect(answerJobStatus(running, options("en")).response).toContain(
      "Started 11:25: running for 5 min of ~10 min estimated.",
    );

    const late = { ...running, started_at: "2025-11-28T11:15:00Z" };
    expect(answerJobStatus(late, options("pt", SAO_PAULO)).response).toContain(
      "Início 08:15: em execução há 15 min, acima da estimativa de 10 min (+50%).",
    );
    expect(answerJobStatus(late, options("en")).response).toContain(
      "running for 15 min, over its 10 min estimate (+50%)",
    );
  });

  it("says what a held job waits on: its substatus and its unresolved dependencies by type", () => {
    const held = heldReport({
      sched_time: "2025-11-28T12:05:00Z",
      dependencies: { total: 3, unresolved: 2 },
      dependency_list: [
        { type: "INTERNAL", id: "6a1f0c2e-1111-4a2b-9c3d-4e5f6a7b8c9d", status: "UNSATISFIED" },
        { type: "EXTERNAL_JOB", id: "6a1f0c2e-2222-4a2b-9c3d-4e5f6a7b8c9d", status: "UNSATISFIED" },
        { type: "INTERNAL", id: "6a1f0c2e-3333-4a2b-9c3d-4e5f6a7b8c9d", status: "SATISFIED" },
      ],
    });
    const pt = answerJobStatus(held, options("pt"));
    expect(pt.response).toContain("em espera, aguardando um predecessor (HOLD).");
    expect(pt.response).toContain("Início previsto 12:05, estimativa 5 min.");
    expect(pt.response).toContain(
      "Aguarda 2 dependências não resolvidas: 1 job do mesmo stream e 1 job de outro stream.",
    );
    expect(pt.response).not.toContain("execuções");
    expect(pt.data.unresolved_dependencies).toHaveLength(2);
    expect(pt.data.runs).toBe(0);
    expect(pt.suggestions?.[0]).toBe("o que está segurando o job REPORT_PLAN_STATUS?");
    const en = answerJobStatus(held, options("en"));
    expect(en.response).toContain("waiting for a predecessor (HOLD).");
    expect(en.response).toContain(
      "Waiting on 2 unresolved dependencies: 1 job in the same stream and 1 job in another stream.",
    );
  });

  it("adds words for substatuses the status module does not describe", () => {
    const ready = jobDetail({
      name: "INV_MERGE",
      job_stream: "INVENTORY_SYNC",
      workstation: "AGT_AIX01",
      status: "READY",
      common_status: "READY",
      substatus: "READY_WAITING_FOR_AGENT",
      return_code: null,
      started_at: null,
      ended_at: null,
      duration_ms: null,
    });
    expect(answerJobStatus(ready, options("pt")).response).toContain(
      "pronto para iniciar, aguardando o agente da estação (READY)",
    );
    expect(answerJobStatus(ready, options("en")).response).toContain(
      "ready to start, waiting for the workstation's agent (READY)",
    );
  });

  it("gives the date of times that are not today", () => {
    const old = jobDetail({
      name: "BACKUP_APP_VERIFY",
      job_stream: "BACKUP_APP",
      started_at: "2025-11-26T23:30:00Z",
      ended_at: "2025-11-27T00:35:00Z",
      duration_ms: 3_900_000,
      estimated_duration_ms: 3_600_000,
    });
    expect(answerJobStatus(old, options("pt")).response).toContain(
      "Início 26/11 23:30, fim ontem 00:35: levou 1 h 05 min, estimativa 1 h (+8%).",
    );
    expect(answerJobStatus(old, options("en")).response).toContain(
      "Started Nov 26 23:30, ended yesterday 00:35: ran 1 h 05 min against an estimate of 1 h (+8%).",
    );
  });

  it("notes facts served stale from the cache, in the text and in data", () => {
    const reply = answerJobStatus(payrollCalc, { language: "pt", now: NOW, stale: { ageSeconds: 40 } });
    expect(reply.response.split("\n").at(-1)).toBe("(dados de há 40 s: o HWA não respondeu)");
    expect(reply.data).toMatchObject({ stale: { age_seconds: 40 } });
    expect(answerJobStatus(payrollCalc, { language: "en", now: NOW, stale: { ageSeconds: 40 } }).response).toContain(
      "(data from 40 s ago: HWA did not answer)",
    );
    expect(answerJobStatus(payrollCalc, options("pt")).response).not.toContain("HWA não respondeu");
  });
});
