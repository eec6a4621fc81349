import type { Context } from "hono";
import type { HwaFailure } from "../hwa/errors";
import { performJobAction, type JobActionResult } from "../jobs/actions";
import { refusal } from "../jobs/action-rules";
import type { JobDetail } from "../jobs/job";
import { roleAllows } from "../platform/auth/identity";
import type { AppEnv } from "../platform/http/app-env";
import { runOnce } from "../platform/http/idempotency";
import { isConvertibleToProblem, Problem, problemResponse } from "../platform/http/problem";
import {
  actionDeclined,
  actionDone,
  actionFailed,
  actionRefused,
  confirmAction,
  nothingPending,
  roleCannotAct,
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

/** Describes the action and waits for the confirmation; refuses at once what the role or the job's status excludes. */
export function proposeAction(
  asker: Asker,
  slot: PendingSlot,
  action: JobChatAction,
  job: JobDetail,
  options: AnswerOptions,
): Reply {
  const run = job.runs.find((r) => r.last_in_rerun_chain);
  const target = { id: job.id, name: job.name, job_stream: job.job_stream, run_id: run?.run_id ?? job.run_id };
  if (!roleAllows(asker.role, "operator")) return roleCannotAct({ role: asker.role, action, job: target }, options);
  if (refusal({ name: job.name, id: job.id }, job.status, action))
    return actionRefused({ action, job: target, status: job.status }, options);
  const expiresAt = new Date(options.now.getTime() + CONFIRMATION_TTL_MS);
  slot.setPending({
    token: crypto.randomUUID(),
    action,
    jobId: job.id,
    jobName: job.name,
    jobStream: job.job_stream,
    runId: target.run_id,
    expiresAt: expiresAt.getTime(),
  });
  return confirmAction({ action, job: target, expiresAt }, options);
}

/** "não" / "no": forgets the pending action. */
export function declineAction(slot: PendingSlot, options: AnswerOptions): Reply {
  const pending = slot.takePending();
  if (!pending || pending.expiresAt <= options.now.getTime()) return nothingPending(options);
  return actionDeclined({ action: pending.action, job: targetOf(pending) }, options);
}

/** What a problem's type says HWA did, for the operator's sentence. */
function failureOf(body: { type?: string }): HwaFailure {
  const kind = body.type?.replace("urn:resync:problem:", "") ?? "";
  const byKind: Record<string, HwaFailure> = {
    "job-action-not-allowed": "conflict",
    "hwa-conflict": "conflict",
    "hwa-not-found": "not-found",
    "hwa-timeout": "timeout",
    "hwa-circuit-open": "circuit-open",
    "hwa-busy": "bulkhead-full",
    "hwa-rate-limited": "rate-limited",
    "hwa-credentials-rejected": "credentials-rejected",
    "hwa-invalid-response": "invalid-response",
    "hwa-error": "upstream-error",
    "hwa-not-configured": "not-configured",
    "idempotency-request-in-flight": "conflict",
  };
  return byKind[kind] ?? "unavailable";
}

/** "sim" / "yes": executes the pending action once (the token is its Idempotency-Key) if it is still valid. */
export async function confirmPendingAction(
  c: Context<AppEnv>,
  asker: Asker,
  slot: PendingSlot,
  sessionId: string,
  options: AnswerOptions,
): Promise<Reply> {
  const pending = slot.takePending();
  if (!pending) return nothingPending(options);
  const job = targetOf(pending);
  if (pending.expiresAt <= options.now.getTime())
    return nothingPending({ ...options, expired: { action: pending.action, job } });
  if (!roleAllows(asker.role, "operator"))
    return roleCannotAct({ role: asker.role, action: pending.action, job }, options);

  const path = `/api/v1/jobs/${encodeURIComponent(pending.jobId)}/actions/${pending.action}`;
  let response: Response;
  try {
    response = await runOnce(
      c,
      { user: asker.username, method: "POST", path, key: pending.token, body: "" },
      async () => {
        try {
          return c.json(
            await performJobAction(c, pending.jobId, pending.action, {
              reason: `confirmed in chat session ${sessionId}`,
            }),
            200,
          );
        } catch (error) {
          if (error instanceof Problem) return problemResponse(c, error);
          if (isConvertibleToProblem(error)) return problemResponse(c, error.toProblem());
          throw error;
        }
      },
    );
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    response = problemResponse(c, error);
  }
  const body = (await response.json()) as JobActionResult & { type?: string };
  if (response.status === 200) return actionDone({ action: pending.action, job, result: { id: body.hwa.id } }, options);
  const retryAfter = Number(response.headers.get("Retry-After") ?? NaN);
  return actionFailed(
    {
      action: pending.action,
      job,
      failure: failureOf(body),
      ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}),
    },
    options,
  );
}
