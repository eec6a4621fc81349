import { describe, expect, it } from "vitest";
import {
  acceptedStatuses,
  actionDeclined,
  actionDone,
  actionFailed,
  actionRefused,
  confirmAction,
  nothingPending,
  roleCannotAct,
} from "../../../src/chat/answers";
import { NOW, options } from "./fixtures";

const load = {
  id: "5c3e7d21-0a9b-4f6e-b2c8-1d4a7e9f0b36",
  name: "LOAD",
  job_stream: "ETL_DWH",
  run_id: "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
};
const inTwoMinutes = new Date(NOW.getTime() + 120_000);

describe("job actions in the chat", () => {
  it("asks to confirm with the job, stream, run and the time left (pt and en)", () => {
    const pt = confirmAction({ action: "rerun", job: load, expiresAt: inTwoMinutes, withinMs: 120_000 }, options("pt"));
    expect(pt.intent).toBe("job_action");
    expect(pt.response).toBe(
      `Vou fazer rerun do job LOAD (stream ETL_DWH, run ${load.run_id}) — confirma? Responda "sim" em até 2 minutos.`,
    );
    expect(pt.data).toEqual({
      pending: {
        action: "rerun",
        job_id: load.id,
        job_name: "LOAD",
        job_stream: "ETL_DWH",
        run_id: load.run_id,
        expires_at: "2025-11-28T11:32:00.000Z",
      },
    });
    expect(pt.suggestions).toEqual(["sim", "não"]);
    const en = confirmAction({ action: "rerun", job: load, expiresAt: inTwoMinutes, withinMs: 120_000 }, options("en"));
    expect(en.response).toBe(
      `I will rerun job LOAD (stream ETL_DWH, run ${load.run_id}) — confirm? Reply "yes" within 2 minutes.`,
    );
    expect(en.suggestions).toEqual(["yes", "no"]);
    expect(
      confirmAction(
        { action: "kill", job: load, expiresAt: new Date(NOW.getTime() + 45_000), withinMs: 45_000 },
        options("pt"),
      ).response,
    ).toContain(
      'Vou fazer kill do job LOAD (stream ETL_DWH, run 9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b) — confirma? Responda "sim" em até 45 segundos.',
    );
  });

  it("says what HWA did, with the new run of a rerun", () => {
    const newRun = "c4b3a291-8f7e-4d6c-b5a4-93827160f5e4";
    const pt = actionDone({ action: "rerun", job: load, result: { id: newRun } }, options("pt"));
    expect(pt.response).toBe(`Feito: rerun do job LOAD aceito pelo HWA; nova execução ${newRun}.`);
    expect(pt.data).toMatchObject({ outcome: "done", action: "rerun", job_id: load.id, hwa_id: newRun });
    expect(actionDone({ action: "rerun", job: load, result: { id: newRun } }, options("en")).response).toBe(
      `Done: HWA accepted the rerun of job LOAD; new run ${newRun}.`,
    );
    expect(actionDone({ action: "hold", job: load }, options("en")).response).toBe(
      "Done: HWA accepted the hold of job LOAD.",
    );
  });

  it("says it did nothing when declined, when nothing is pending and when the confirmation expired", () => {
    expect(actionDeclined({ action: "cancel", job: load }, options("pt")).response).toBe(
      "Ok, não vou cancelar o job LOAD.",
    );
    expect(actionDeclined({ action: "cancel", job: load }, options("en")).response).toBe(
      "OK, I will not cancel job LOAD.",
    );
    expect(nothingPending(options("pt")).response).toBe("Não há ação esperando confirmação.");
    expect(nothingPending(options("en")).data).toEqual({ outcome: "nothing_pending" });
    const expired = nothingPending({ ...options("pt"), expired: { action: "release", job: load } });
    expect(expired.response).toBe(
      "A confirmação do release do job LOAD expirou; nada foi feito. Peça de novo se ainda quiser.",
    );
    expect(expired.suggestions?.[0]).toBe("liberar o job LOAD");
    expect(nothingPending({ ...options("en"), expired: { action: "release", job: load } }).response).toContain(
      "The confirmation of the release of job LOAD expired; nothing was done.",
    );
  });

  it("refuses by status in the question's language, with the statuses action-rules accepts", () => {
    expect(acceptedStatuses("rerun")).toEqual(["SUCC", "ABEND"]);
    expect(acceptedStatuses("kill")).toEqual(["EXEC"]);
    const pt = actionRefused({ action: "rerun", job: load, status: "EXEC" }, options("pt"));
    expect(pt.response).toBe(
      "Não dá para fazer rerun do job LOAD: ele está em EXEC (em execução); rerun só vale para jobs em SUCC ou ABEND. Nenhuma ação ficou esperando confirmação.",
    );
    expect(pt.data).toMatchObject({ outcome: "refused", status: "EXEC", accepted_statuses: ["SUCC", "ABEND"] });
    expect(pt.data.reason).toBe(`Job LOAD (${load.id}) is in EXEC; rerun needs SUCC or ABEND`);
    expect(actionRefused({ action: "rerun", job: load, status: "EXEC" }, options("en")).response).toBe(
      "Cannot rerun job LOAD: it is in EXEC (running); rerun needs a job in SUCC or ABEND. No action is waiting for confirmation.",
    );
    expect(actionRefused({ action: "hold", job: load, status: "SUCC" }, options("en")).response).toBe(
      "Cannot hold job LOAD: it is in SUCC (ended successfully); hold needs a job in HOLD or READY. No action is waiting for confirmation.",
    );
    expect(actionRefused({ action: "cancel", job: load, status: "EXEC" }, options("pt")).response).toBe(
      "Não dá para cancelar o job LOAD: ele está em EXEC (em execução); faça kill antes de cancelar. Nenhuma ação ficou esperando confirmação.",
    );
    expect(actionRefused({ action: "cancel", job: load, status: "SUCC" }, options("en")).response).toBe(
      "Cannot cancel job LOAD: it is already in SUCC (ended successfully); cancel needs a job that has not ended. No action is waiting for confirmation.",
    );
    expect(actionRefused({ action: "kill", job: load, status: null }, options("pt")).response).toBe(
      "Não dá para fazer kill do job LOAD: o status atual dele é desconhecido; a ação não foi tentada. Nenhuma ação ficou esperando confirmação.",
    );
  });

  it("tells a viewer to ask an operator", () => {
    expect(roleCannotAct({ role: "viewer", action: "rerun", job: load }, options("pt")).response).toBe(
      "Seu perfil (viewer) não pode executar ações; peça a um operador.",
    );
    expect(roleCannotAct({ role: "viewer" }, options("en")).response).toBe(
      "Your role (viewer) cannot run actions; ask an operator.",
    );
  });

  it("says HWA failed the action, and to look before retrying after a timeout", () => {
    const timeout = actionFailed({ action: "rerun", job: load, failure: "timeout" }, options("pt"));
    expect(timeout.response).toBe(
      "O HWA não executou o rerun do job LOAD: não respondeu a tempo; confira o status do job antes de pedir de novo.",
    );
    expect(timeout.data).toMatchObject({ outcome: "failed", failure: "timeout" });
    expect(
      actionFailed({ action: "hold", job: load, failure: "circuit-open", retryAfterSeconds: 60 }, options("en"))
        .response,
    ).toBe(
      "HWA did not carry out the hold of job LOAD: it has been failing, so calls to it are paused to spare it; try again in 1 min.",
    );
    expect(actionFailed({ action: "release", job: load, failure: "conflict" }, options("en")).response).toBe(
      "HWA did not carry out the release of job LOAD: it refused it in the job's current state.",
    );
  });
});
