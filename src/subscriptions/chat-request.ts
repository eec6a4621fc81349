import type { AnswerOptions } from "../chat/answers/format";
import { messagesFor } from "../chat/answers/messages";
import type { Reply } from "../chat/answers/reply";
import { CONFIRMATION_TTL_MS, type PendingAction } from "../chat/session";
import type { JobDetail } from "../jobs/job";
import { problemOf } from "../platform/http/problem";
import type { Scope } from "../platform/scope/scope";
import { currentMaintenance } from "../settings/maintenance";
import { subscribe } from "./subscribe";

// "me avise quando o PAYROLL terminar" / "notify me when PAYROLL finishes": the chat proposes a one-shot console
// subscription for the job's end (success or failure) and creates it on "sim"/"yes", like an action.

const normalized = (message: string) => message.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** Asking to be told later: a "tell me" verb, then "when". */
const ASKS = [
  /\b(me\s+)?(avis[ae]|avisa-me|avise-me|notifiqu?e|notifica|alert[ae]|chame|chama|fal[ae]|diga|diz)(\s+me)?\b.*\bquando\b/,
  /\b(notify|tell|alert|ping|warn|message)\s+me\b.*\bwhen\b/,
  /\blet\s+me\s+know\b.*\bwhen\b/,
];

export function asksToBeNotified(message: string): boolean {
  const text = normalized(message);
  return ASKS.some((pattern) => pattern.test(text));
}

/** The events that say a job ended. */
const JOB_END_EVENTS = ["job.succeeded", "job.abend", "job.failed"] as const;
const ENDED = new Set(["SUCC", "ABEND", "FAIL", "CANCL"]);

const reply = (options: AnswerOptions, response: string, data: Record<string, unknown>): Reply => ({
  intent: "job_action",
  language: options.language,
  response,
  data,
});

const jobText = (name: string, stream: string | null) => (stream ? `${name} (stream ${stream})` : name);

async function maintenanceReply(scope: Scope, options: AnswerOptions): Promise<Reply | undefined> {
  if (!(await currentMaintenance(scope))) return undefined;
  return reply(options, messagesFor(options.language).notify.maintenance, { outcome: "maintenance" });
}

/** Proposes the notification; a job that already ended is said so instead. */
export async function proposeNotification(
  scope: Scope,
  slot: { setPending(pending: PendingAction | undefined): void },
  job: JobDetail,
  options: AnswerOptions,
  receivedAt: Date,
): Promise<Reply> {
  const say = messagesFor(options.language);
  const what = jobText(job.name, job.job_stream);
  const data = { job: { id: job.id, name: job.name, job_stream: job.job_stream, status: job.status } };
  if (job.status && ENDED.has(job.status)) {
    return reply(options, say.notify.alreadyEnded(what, job.status), { ...data, outcome: "already_ended" });
  }
  const refused = await maintenanceReply(scope, options);
  if (refused) return refused;
  const expiresAt = receivedAt.getTime() + CONFIRMATION_TTL_MS;
  slot.setPending({
    token: crypto.randomUUID(),
    action: "notify",
    jobId: job.id,
    jobName: job.name,
    jobStream: job.job_stream,
    runId: job.run_id,
    expiresAt,
  });
  return {
    ...reply(options, say.notify.propose(what), {
      ...data,
      pending: { action: "notify", expires_at: new Date(expiresAt).toISOString() },
    }),
    suggestions: [...say.actions.yesNo],
  };
}

/** "sim" / "yes" to a proposed notification: the one-shot subscription, created and audited as through the API. */
export async function confirmNotification(
  scope: Scope,
  pending: PendingAction,
  options: AnswerOptions,
  receivedAt: Date,
): Promise<Reply> {
  const say = messagesFor(options.language).notify;
  const what = jobText(pending.jobName, pending.jobStream);
  if (pending.expiresAt <= receivedAt.getTime()) return reply(options, say.expired(what), { outcome: "expired" });
  const refused = await maintenanceReply(scope, options);
  if (refused) return refused;
  try {
    const { subscription } = await subscribe(scope, {
      events: [...JOB_END_EVENTS],
      match: { job: pending.jobName, ...(pending.jobStream ? { job_stream: pending.jobStream } : {}) },
      target: { kind: "console" },
      language: options.language,
      shared: false,
      one_shot: true,
    });
    return reply(options, say.subscribed(what), { outcome: "subscribed", subscription_id: subscription.id });
  } catch (error) {
    const problem = problemOf(error);
    if (!problem) throw error;
    return reply(options, say.failed(what, problem.message), { outcome: "failed", status: problem.status });
  }
}

/** "não" / "no": nothing is created. */
export function notificationDeclined(pending: PendingAction, options: AnswerOptions): Reply {
  const what = jobText(pending.jobName, pending.jobStream);
  return reply(options, messagesFor(options.language).notify.declined(what), { outcome: "declined" });
}
