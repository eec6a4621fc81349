import type { HwaFailure } from "../../hwa/errors";
import { refusal } from "../../jobs/action-rules";
import type { Language } from "../understanding/types";
import { composeReply, type ReplyWith } from "./compose";
import { clockText, listText, type AnswerOptions } from "./format";
import { suggest, type JobChatAction } from "./suggest";
import { upstreamReason } from "./upstream";
import { codeFirst } from "./words";

// Job actions asked in the chat: the confirmation question, and every way it can end.

export type { JobChatAction };

export interface ActionTarget {
  id: string;
  name: string;
  job_stream: string | null;
  run_id?: string | null;
}

/** "fazer rerun do job LOAD" / "rerun job LOAD": what the action does, in a sentence. */
const doing = (action: JobChatAction, job: ActionTarget, language: Language) =>
  suggest.action(action, { name: job.name }, language);

/** "rerun do job LOAD" / "rerun of job LOAD". */
function actionOf(action: JobChatAction, job: ActionTarget, language: Language): string {
  return language === "pt" ? `${action} do job ${job.name}` : `${action} of job ${job.name}`;
}

const targetData = (job: ActionTarget) => ({
  job_id: job.id,
  job_name: job.name,
  job_stream: job.job_stream,
  run_id: job.run_id ?? null,
});

export type PendingActionData = {
  pending: {
    action: JobChatAction;
    job_id: string;
    job_name: string;
    job_stream: string | null;
    run_id: string | null;
    expires_at: string;
  };
};

/** "Vou fazer rerun do job LOAD (stream ETL_DWH, run …) — confirma? Responda "sim" em até 2 minutos." */
export function confirmAction(
  request: { action: JobChatAction; job: ActionTarget; expiresAt: Date },
  options: AnswerOptions,
): ReplyWith<PendingActionData> {
  const { action, job, expiresAt } = request;
  const pt = options.language === "pt";
  const where = [job.job_stream && `stream ${job.job_stream}`, job.run_id && `run ${job.run_id}`].filter(Boolean);
  const what = `${doing(action, job, options.language)}${where.length > 0 ? ` (${where.join(", ")})` : ""}`;
  const seconds = Math.max(1, Math.round((expiresAt.getTime() - options.now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  const within =
    seconds < 60
      ? pt
        ? `${seconds} segundos`
        : `${seconds} seconds`
      : pt
        ? `${minutes} ${minutes === 1 ? "minuto" : "minutos"}`
        : `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
  const line = pt
    ? `Vou ${what} — confirma? Responda "sim" em até ${within}.`
    : `I will ${what} — confirm? Reply "yes" within ${within}.`;
  const data: PendingActionData = { pending: { action, ...targetData(job), expires_at: expiresAt.toISOString() } };
  return composeReply("job_action", options, [line], data, pt ? ["sim", "não"] : ["yes", "no"]);
}

export type ActionOutcomeData = {
  action: JobChatAction;
  job_id: string;
  job_name: string;
  job_stream: string | null;
  run_id: string | null;
  outcome: "done" | "declined" | "expired" | "nothing_pending" | "refused" | "forbidden" | "maintenance" | "failed";
  [more: string]: unknown;
};

/** HWA did it: "Feito: rerun do job LOAD pedido ao HWA; nova execução 7f3c…". */
export function actionDone(
  request: { action: JobChatAction; job: ActionTarget; result?: { id?: string | null; message?: string | null } },
  options: AnswerOptions,
): ReplyWith<ActionOutcomeData> {
  const { action, job, result } = request;
  const pt = options.language === "pt";
  const newRun =
    action === "rerun" && result?.id ? (pt ? `; nova execução ${result.id}` : `; new run ${result.id}`) : "";
  const answerId =
    action !== "rerun" && result?.id ? (pt ? ` (resposta do HWA: ${result.id})` : ` (HWA's answer: ${result.id})`) : "";
  const line = pt
    ? `Feito: ${actionOf(action, job, "pt")} aceito pelo HWA${newRun}${answerId}.`
    : `Done: HWA accepted the ${actionOf(action, job, "en")}${newRun}${answerId}.`;
  const data: ActionOutcomeData = {
    action,
    ...targetData(job),
    outcome: "done",
    hwa_id: result?.id ?? null,
    hwa_message: result?.message ?? null,
  };
  return composeReply("job_action", options, [line], data, [
    suggest.jobStatus({ name: job.name }, options.language),
    suggest.jobLog({ name: job.name }, options.language),
  ]);
}

/** The operator said no. */
export function actionDeclined(
  request: { action: JobChatAction; job: ActionTarget },
  options: AnswerOptions,
): ReplyWith<ActionOutcomeData> {
  const { action, job } = request;
  const line =
    options.language === "pt"
      ? `Ok, não vou ${doing(action, job, "pt")}.`
      : `OK, I will not ${doing(action, job, "en")}.`;
  return composeReply("job_action", options, [line], { action, ...targetData(job), outcome: "declined" }, [
    suggest.jobStatus({ name: job.name }, options.language),
  ]);
}

/** "sim" with nothing to confirm, or a confirmation that came too late. */
export function nothingPending(
  options: AnswerOptions & { expired?: { action: JobChatAction; job: ActionTarget } },
): ReplyWith<Record<string, unknown>> {
  const pt = options.language === "pt";
  const expired = options.expired;
  if (expired) {
    const line = pt
      ? `A confirmação do ${actionOf(expired.action, expired.job, "pt")} expirou; nada foi feito. Peça de novo se ainda quiser.`
      : `The confirmation of the ${actionOf(expired.action, expired.job, "en")} expired; nothing was done. Ask again if you still want it.`;
    return composeReply(
      "job_action",
      options,
      [line],
      { action: expired.action, ...targetData(expired.job), outcome: "expired" },
      [
        doing(expired.action, expired.job, options.language),
        suggest.jobStatus({ name: expired.job.name }, options.language),
      ],
    );
  }
  const line = pt ? "Não há ação esperando confirmação." : "There is no action waiting for confirmation.";
  return composeReply("job_action", options, [line], { outcome: "nothing_pending" }, [
    suggest.failedToday(options.language),
    suggest.help(options.language),
  ]);
}

/** Every internal status an action could meet; which of them an action accepts comes from action-rules. */
const internalStatuses = [
  "ADD",
  "PEND",
  "WAIT",
  "WAITD",
  "INTRO",
  "HOLD",
  "READY",
  "EXEC",
  "SUCCP",
  "ABENP",
  "BOUND",
  "SUCC",
  "ABEND",
  "FAIL",
  "CANCL",
  "ERROR",
  "EXTRN",
  "SUSP",
  "STUCK",
  "SUPPR",
];

/** The statuses in which HWA accepts `action`, as action-rules decides it. */
export function acceptedStatuses(action: JobChatAction): string[] {
  return internalStatuses.filter((status) => refusal({ name: "", id: "" }, status, action) === undefined);
}

/** The job's status does not allow the action: action-rules' reason, said in the question's language. */
export function actionRefused(
  request: { action: JobChatAction; job: ActionTarget; status: string | null },
  options: AnswerOptions,
): ReplyWith<ActionOutcomeData> {
  const { action, job, status } = request;
  const { language } = options;
  const pt = language === "pt";
  const reason = refusal(job, status, action) ?? null;
  const cannot = pt ? `Não dá para ${doing(action, job, "pt")}` : `Cannot ${doing(action, job, "en")}`;
  const now = status === null ? "" : codeFirst(status, language);
  let why: string;
  if (status === null)
    why = pt
      ? `o status atual dele é desconhecido; a ação não foi tentada`
      : `its current status is unknown; the action was not attempted`;
  else if (reason === null) why = pt ? `ele está em ${now}; nada foi feito` : `it is in ${now}; nothing was done`;
  else if (action === "cancel" && status === "EXEC")
    why = pt ? `ele está em ${now}; faça kill antes de cancelar` : `it is in ${now}; kill it before cancel`;
  else if (action === "cancel")
    why = pt
      ? `ele já está em ${now}; cancel só vale para jobs que não terminaram`
      : `it is already in ${now}; cancel needs a job that has not ended`;
  else {
    const accepted = listText(acceptedStatuses(action), pt ? "pt" : "en")
      .replace(/ and /, " or ")
      .replace(/ e /, " ou ");
    why = pt
      ? `ele está em ${now}; ${action} só vale para jobs em ${accepted}`
      : `it is in ${now}; ${action} needs a job in ${accepted}`;
  }
  const data: ActionOutcomeData = {
    action,
    ...targetData(job),
    outcome: "refused",
    status,
    accepted_statuses: acceptedStatuses(action),
    reason,
  };
  return composeReply("job_action", options, [`${cannot}: ${why}.`], data, [
    suggest.jobStatus({ name: job.name }, language),
    suggest.jobLog({ name: job.name }, language),
  ]);
}

/** A viewer asked for an action. */
export function roleCannotAct(
  request: { role: string; action?: JobChatAction; job?: ActionTarget },
  options: AnswerOptions,
): ReplyWith<Record<string, unknown>> {
  const line =
    options.language === "pt"
      ? `Seu perfil (${request.role}) não pode executar ações; peça a um operador.`
      : `Your role (${request.role}) cannot run actions; ask an operator.`;
  const data = {
    outcome: "forbidden",
    role: request.role,
    ...(request.action ? { action: request.action } : {}),
    ...(request.job ? targetData(request.job) : {}),
  };
  const next = request.job
    ? [
        suggest.jobStatus({ name: request.job.name }, options.language),
        suggest.jobLog({ name: request.job.name }, options.language),
      ]
    : [suggest.failedToday(options.language)];
  return composeReply("job_action", options, [line], data, next);
}

/** Maintenance mode is on: the action is not done; the admin's notice says why, and when it should end. */
export function actionDuringMaintenance(
  request: { action: JobChatAction; job: ActionTarget; maintenance: { message: string; until?: string } },
  options: AnswerOptions,
): ReplyWith<ActionOutcomeData> {
  const { action, job, maintenance } = request;
  const pt = options.language === "pt";
  const until = clockText(maintenance.until, options);
  const line = pt
    ? `O Resync está em manutenção: não vou ${doing(action, job, "pt")} agora; nada foi feito. ` +
      `Aviso do administrador: "${maintenance.message}". ` +
      (until ? `Previsão de término: ${until}. ` : "Sem hora prevista para terminar. ") +
      "Peça de novo depois da manutenção."
    : `Resync is in maintenance: I will not ${doing(action, job, "en")} now; nothing was done. ` +
      `The administrator's notice: "${maintenance.message}". ` +
      (until ? `Expected to end at ${until}. ` : "No end time was announced. ") +
      "Ask again after the maintenance.";
  const data: ActionOutcomeData = {
    action,
    ...targetData(job),
    outcome: "maintenance",
    maintenance: { message: maintenance.message, until: maintenance.until ?? null },
  };
  return composeReply("job_action", options, [line], data, [
    suggest.jobStatus({ name: job.name }, options.language),
    suggest.jobLog({ name: job.name }, options.language),
  ]);
}

/** HWA did not do it: refused, failed or did not answer. */
export function actionFailed(
  request: { action: JobChatAction; job: ActionTarget; failure: HwaFailure; retryAfterSeconds?: number },
  options: AnswerOptions,
): ReplyWith<ActionOutcomeData> {
  const { action, job, failure } = request;
  const pt = options.language === "pt";
  const head = pt
    ? `O HWA não executou o ${actionOf(action, job, "pt")}`
    : `HWA did not carry out the ${actionOf(action, job, "en")}`;
  // A timeout on a change leaves it unknown whether HWA did it: look before asking again.
  const detail =
    failure === "conflict"
      ? pt
        ? "recusou no estado atual do job"
        : "it refused it in the job's current state"
      : failure === "timeout"
        ? pt
          ? "não respondeu a tempo; confira o status do job antes de pedir de novo"
          : "it did not answer in time; check the job's status before asking again"
        : upstreamReason(failure, request.retryAfterSeconds, options.language);
  const data: ActionOutcomeData = {
    action,
    ...targetData(job),
    outcome: "failed",
    failure,
    retry_after_seconds: request.retryAfterSeconds ?? null,
  };
  return composeReply("job_action", options, [`${head}: ${detail}.`], data, [
    suggest.jobStatus({ name: job.name }, options.language),
  ]);
}
