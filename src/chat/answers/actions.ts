import type { HwaFailure } from "../../hwa/errors";
import { refusal } from "../../jobs/action-rules";
import type { Language } from "../understanding/types";
import { composeReply, type ReplyWith } from "./compose";
import { alternativesText, clockText, type AnswerOptions } from "./format";
import { messagesFor } from "./messages";
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
const actionOf = (action: JobChatAction, job: ActionTarget, language: Language) =>
  messagesFor(language).actions.actionOf(action, job.name);

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
  request: { action: JobChatAction; job: ActionTarget; expiresAt: Date; withinMs: number },
  options: AnswerOptions,
): ReplyWith<PendingActionData> {
  const { action, job, expiresAt } = request;
  const say = messagesFor(options.language).actions;
  const where = [job.job_stream && `stream ${job.job_stream}`, job.run_id && `run ${job.run_id}`].filter(Boolean);
  const what = `${doing(action, job, options.language)}${where.length > 0 ? ` (${where.join(", ")})` : ""}`;
  const line = say.confirm(what, say.within(Math.max(1, Math.round(request.withinMs / 1000))));
  const data: PendingActionData = { pending: { action, ...targetData(job), expires_at: expiresAt.toISOString() } };
  return composeReply("job_action", options, [line], data, [...say.yesNo]);
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
  const say = messagesFor(options.language).actions;
  const detail = action === "rerun" && result?.id ? say.newRun(result.id) : result?.id ? say.hwaAnswer(result.id) : "";
  const line = say.done(actionOf(action, job, options.language), detail);
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
  const line = messagesFor(options.language).actions.declined(doing(action, job, options.language));
  return composeReply("job_action", options, [line], { action, ...targetData(job), outcome: "declined" }, [
    suggest.jobStatus({ name: job.name }, options.language),
  ]);
}

/** "sim" with nothing to confirm, or a confirmation that came too late. */
export function nothingPending(
  options: AnswerOptions & { expired?: { action: JobChatAction; job: ActionTarget } },
): ReplyWith<Record<string, unknown>> {
  const say = messagesFor(options.language).actions;
  const expired = options.expired;
  if (expired) {
    return composeReply(
      "job_action",
      options,
      [say.expired(actionOf(expired.action, expired.job, options.language))],
      { action: expired.action, ...targetData(expired.job), outcome: "expired" },
      [
        doing(expired.action, expired.job, options.language),
        suggest.jobStatus({ name: expired.job.name }, options.language),
      ],
    );
  }
  return composeReply("job_action", options, [say.nothingPending], { outcome: "nothing_pending" }, [
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
  const say = messagesFor(language).actions;
  const reason = refusal(job, status, action) ?? null;
  const now = status === null ? "" : codeFirst(status, language);
  let why: string;
  if (status === null) why = say.unknownStatus;
  else if (reason === null) why = say.inStatusNothingDone(now);
  else if (action === "cancel" && status === "EXEC") why = say.killBeforeCancel(now);
  else if (action === "cancel") why = say.alreadyEnded(now);
  else why = say.needsStatus(now, action, alternativesText(acceptedStatuses(action), language));
  const data: ActionOutcomeData = {
    action,
    ...targetData(job),
    outcome: "refused",
    status,
    accepted_statuses: acceptedStatuses(action),
    reason,
  };
  return composeReply(
    "job_action",
    options,
    [`${say.cannot(doing(action, job, language))}: ${why}. ${say.nothingAwaitsConfirmation}`],
    data,
    [suggest.jobStatus({ name: job.name }, language), suggest.jobLog({ name: job.name }, language)],
  );
}

/** A viewer asked for an action. */
export function roleCannotAct(
  request: { role: string; action?: JobChatAction; job?: ActionTarget },
  options: AnswerOptions,
): ReplyWith<Record<string, unknown>> {
  const line = messagesFor(options.language).actions.roleCannotAct(request.role);
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
  const line = messagesFor(options.language).actions.maintenance(
    doing(action, job, options.language),
    maintenance.message,
    clockText(maintenance.until, options),
  );
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
  const say = messagesFor(options.language).actions;
  // A timeout on a change leaves it unknown whether HWA did it: look before asking again.
  const detail =
    failure === "conflict"
      ? say.refusedInState
      : failure === "timeout"
        ? say.timedOut
        : upstreamReason(failure, request.retryAfterSeconds, options.language);
  const data: ActionOutcomeData = {
    action,
    ...targetData(job),
    outcome: "failed",
    failure,
    retry_after_seconds: request.retryAfterSeconds ?? null,
  };
  return composeReply(
    "job_action",
    options,
    [`${say.notCarriedOut(actionOf(action, job, options.language))}: ${detail}.`],
    data,
    [suggest.jobStatus({ name: job.name }, options.language)],
  );
}
