import { HwaError, type HwaFailure } from "../hwa/errors";
import { performJobAction, type JobActionResult } from "../jobs/actions";
import { refusal } from "../jobs/action-rules";
import type { JobDetail } from "../jobs/job";
import { auditOutcome } from "../platform/audit/writer";
import { roleAllows } from "../platform/auth/identity";
import { PROBLEM_CONTENT_TYPE, Problem, problemBody, problemOf } from "../platform/http/problem";
import { keyScopePath } from "../platform/idempotency/key-scope";
import type { StoredAnswer } from "../platform/idempotency/records";
import { jsonAnswer, runOnce } from "../platform/idempotency/run-once";
import type { Scope } from "../platform/scope/scope";
import { currentMaintenance } from "../settings/maintenance";
import { confirmNotification, notificationDeclined } from "../subscriptions/chat-request";
import {
  actionDeclined,
  actionDuringMaintenance,
  actionDone,
  actionFailed,
  actionRefused,
  confirmAction,
  nothingPending,
  roleCannotAct,
  type ActionTarget,
  type JobChatAction,
} from "./answers/actions";
import type { AnswerOptions } from "./answers/format";
import type { Reply } from "./answers/reply";
import { CONFIRMATION_TTL_MS, type Asker, type PendingAction } from "./session";

// Actions asked in the chat: described first, executed only on "sim"/"yes" in the same session within the
// confirmation time, through the job actions' idempotent and audited path with the confirmation token as the key.

export interface PendingSlot {
  takePending(): PendingAction | undefined;
  setPending(pending: PendingAction | undefined): void;
}

const targetOf = (pending: PendingAction) => ({
  id: pending.jobId,
  name: pending.jobName,
  job_stream: pending.jobStream,
  run_id: pending.runId,
});

/** A viewer asked the chat to act: audited as `denied`, like a 403 on the REST route. */
async function refuseRole(
  scope: Scope,
  asker: Asker,
  action: JobChatAction,
  job: ActionTarget,
  options: AnswerOptions,
) {
  await auditOutcome(scope, {
    action: `job.${action}`,
    target: job.id,
    outcome: "denied",
    metadata: {
      job_name: job.name,
      role: asker.role,
      required_role: "operator",
      via: "chat",
      ...(scope.engine && !scope.engine.sole ? { engine: scope.engine.name } : {}),
    },
  });
  return roleCannotAct({ role: asker.role, action, job }, options);
}

/**
 * Describes the action and waits for the confirmation; refuses at once what the role, maintenance mode or the job's
 * status excludes.
 */
export async function proposeAction(
  scope: Scope,
  asker: Asker,
  slot: PendingSlot,
  action: JobChatAction,
  job: JobDetail,
  options: AnswerOptions,
  receivedAt: Date,
): Promise<Reply> {
  const run = job.runs.find((r) => r.last_in_rerun_chain);
  const target = { id: job.id, name: job.name, job_stream: job.job_stream, run_id: run?.run_id ?? job.run_id };
  if (!roleAllows(asker.role, "operator")) return refuseRole(scope, asker, action, target, options);
  const maintenance = await currentMaintenance(scope);
  if (maintenance) return actionDuringMaintenance({ action, job: target, maintenance }, options);
  if (refusal({ name: job.name, id: job.id }, job.status, action))
    return actionRefused({ action, job: target, status: job.status }, options);
  // The confirmation's time is the session's (the Worker's clock), not the engine's.
  const expiresAt = new Date(receivedAt.getTime() + CONFIRMATION_TTL_MS);
  slot.setPending({
    token: crypto.randomUUID(),
    action,
    jobId: job.id,
    jobName: job.name,
    jobStream: job.job_stream,
    runId: target.run_id,
    expiresAt: expiresAt.getTime(),
  });
  return confirmAction({ action, job: target, expiresAt, withinMs: CONFIRMATION_TTL_MS }, options);
}

/** "não" / "no": forgets the pending action. */
export function declineAction(slot: PendingSlot, options: AnswerOptions, receivedAt: Date): Reply {
  const pending = slot.takePending();
  if (!pending || pending.expiresAt <= receivedAt.getTime()) return nothingPending(options);
  if (pending.action === "notify") return notificationDeclined(pending, options);
  return actionDeclined({ action: pending.action, job: targetOf(pending) }, options);
}

/** What went wrong, as the operator's sentence names it: the error itself, or the status of a replayed answer. */
function failureOf(error: unknown): HwaFailure {
  if (error instanceof HwaError) return error.failure;
  if (error instanceof Problem)
    return error.status === 409 ? "conflict" : error.status === 404 ? "not-found" : "unavailable";
  return "unavailable";
}

/**
 * "sim" / "yes": executes the pending action once (the token is its Idempotency-Key) if it is still valid and
 * maintenance mode is off; during maintenance it is forgotten, not done.
 */
export async function confirmPendingAction(
  scope: Scope,
  asker: Asker,
  slot: PendingSlot,
  sessionId: string,
  options: AnswerOptions,
  receivedAt: Date,
): Promise<Reply> {
  const pending = slot.takePending();
  if (!pending) return nothingPending(options);
  if (pending.action === "notify") return confirmNotification(scope, pending, options, receivedAt);
  const action = pending.action;
  const job = targetOf(pending);
  if (pending.expiresAt <= receivedAt.getTime())
    return nothingPending({ ...options, expired: { action: pending.action, job } });
  if (!roleAllows(asker.role, "operator")) return refuseRole(scope, asker, pending.action, job, options);
  const maintenance = await currentMaintenance(scope);
  if (maintenance) return actionDuringMaintenance({ action: pending.action, job, maintenance }, options);

  // The same key scope as the REST route's (on this engine), so the confirmation token is this action's
  // Idempotency-Key there too.
  const path = `/api/v1/jobs/${encodeURIComponent(pending.jobId)}/actions/${pending.action}`;
  const scopePath = keyScopePath(path, scope.engine);
  let outcome: { done: JobActionResult } | { failed: unknown } | undefined;
  try {
    const once = await runOnce(
      scope,
      { user: asker.username, method: "POST", path: scopePath, key: pending.token, body: "" },
      async () => {
        try {
          const done = await performJobAction(scope, pending.jobId, action, {
            reason: `confirmed in chat session ${sessionId}`,
          });
          outcome = { done };
          return jsonAnswer(200, done);
        } catch (error) {
          const problem = problemOf(error);
          if (!problem || problem.status >= 500) throw error;
          outcome = { failed: error };
          return jsonAnswer(problem.status, problemBody(problem, path, scope.correlationId), PROBLEM_CONTENT_TYPE);
        }
      },
    );
    if (once.replayed) outcome = replayedOutcome(once.answer);
  } catch (error) {
    outcome = { failed: error };
  }
  if (outcome && "done" in outcome)
    return actionDone({ action: pending.action, job, result: { id: outcome.done.hwa.id } }, options);
  const failed = outcome?.failed;
  const retryAfter = failed instanceof HwaError ? failed.retryAfterSeconds : retryAfterOf(failed);
  return actionFailed(
    {
      action: pending.action,
      job,
      failure: failureOf(failed),
      ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
    },
    options,
  );
}

/** The answer an earlier request with this key stored (a REST call that used the token as its key). */
function replayedOutcome(answer: StoredAnswer): { done: JobActionResult } | { failed: unknown } {
  const body = JSON.parse(new TextDecoder().decode(answer.body)) as JobActionResult & { detail?: string };
  if (answer.status === 200) return { done: body };
  return { failed: new Problem({ status: answer.status as 409, detail: body.detail ?? "refused" }) };
}

function retryAfterOf(error: unknown): number | undefined {
  const header = error instanceof Problem ? error.headers["Retry-After"] : undefined;
  return header === undefined ? undefined : Number(header);
}
