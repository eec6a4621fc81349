import { hwa } from "../hwa/connection";
import { performJobAction, type JobActionResult } from "../jobs/actions";
import { toJob } from "../jobs/job";
import { problemOf } from "../platform/http/problem";
import { jsonAnswer, runOnce } from "../platform/idempotency/run-once";
import { withEngine, type Scope } from "../platform/scope/scope";
import { resolveEngine } from "../engines/registry";
import type { Step } from "../workflows/steps";
import { pollDelay } from "./budget";
import type { CurrentStep } from "./run-record";
import { resolveJob } from "./resolve-job";
import { StepFailure } from "./step-failure";

/** What one turn of a step came to: done (with what HWA showed), or a status read to repeat after `delayMs`. */
export type StepProgress =
  | { kind: "done"; hwa: Record<string, unknown>; jobId: string }
  | { kind: "poll"; delayMs: number; jobId: string };

export interface StepContext {
  runId: string;
  /** The run's engine: the step's job is there unless the step names another. */
  engine?: string;
  /** The run's deadline (ms since the epoch): no wait goes past it. */
  deadline: number;
  now: () => number;
}

/**
 * One turn of the current step. An action acts at most once per run and step, even when the object restarts
 * after acting and before recording (the key is the run id and the step's index; a lapsed attempt is never
 * repeated); a wait reads the status once and says when to read again. Throws StepFailure, HwaError or Problem.
 */
export async function performStep(
  runScope: Scope,
  step: Step,
  current: CurrentStep,
  context: StepContext,
): Promise<StepProgress> {
  // Resolved at each turn: a run outlives the registry's copy, and an engine disabled meanwhile stops the step.
  const engineName = step.engine ?? context.engine;
  const scope = withEngine(runScope, await resolveEngine(runScope, engineName));
  const jobId = current.jobId ?? (await resolveJob(hwa(scope), step.job));
  switch (step.action) {
    case "assert-status": {
      const status = await statusOf(scope, jobId);
      if (!status || !step.status.includes(status))
        throw new StepFailure(`expected ${step.status.join(" or ")}, the job is ${status ?? "without status"}`, {
          job_id: jobId,
          status,
        });
      return { kind: "done", jobId, hwa: { job_id: jobId, status } };
    }
    case "wait-for-status": {
      const status = await statusOf(scope, jobId);
      if (status && step.status.includes(status)) return { kind: "done", jobId, hwa: { job_id: jobId, status } };
      const stepDeadline = Math.min(current.startedAt + step.timeout_s * 1000, context.deadline);
      const remaining = stepDeadline - context.now();
      if (remaining <= 0) {
        const why =
          stepDeadline >= context.deadline ? "the run's time budget ran out" : `timed out after ${step.timeout_s} s`;
        throw new StepFailure(
          `${why} waiting for ${step.status.join(" or ")}; the job is ${status ?? "without status"}`,
          {
            job_id: jobId,
            status,
          },
        );
      }
      return { kind: "poll", jobId, delayMs: pollDelay(current.polls, remaining) };
    }
    default: {
      const result = await actOnce(scope, step.action, jobId, current.index, context.runId);
      return { kind: "done", jobId, hwa: { job_id: jobId, id: result.hwa.id, url: result.hwa.url } };
    }
  }
}

/** The job's current internal status (SUCC, ABEND, HOLD, ...), read fresh from HWA. */
async function statusOf(scope: Scope, jobId: string): Promise<string | null> {
  return toJob(await hwa(scope).job(jobId)).status;
}

async function actOnce(
  scope: Scope,
  action: Exclude<Step["action"], "assert-status" | "wait-for-status">,
  jobId: string,
  index: number,
  runId: string,
): Promise<JobActionResult> {
  let failure: unknown;
  const once = await runOnce(
    scope,
    { user: `run:${runId}`, method: "POST", path: `/runs/${runId}/steps/${index}`, key: String(index), body: jobId },
    async () => {
      try {
        return jsonAnswer(200, await performJobAction(scope, jobId, action, { reason: `workflow run ${runId}` }));
      } catch (error) {
        // A refusal (e.g. 409: the job's status excludes the action) is this step's answer for good; others are not kept.
        const problem = problemOf(error);
        if (!problem || problem.status >= 500) throw error;
        failure = error;
        return jsonAnswer(problem.status, { detail: problem.message });
      }
    },
    { afterLapse: "refuse" },
  );
  const body = JSON.parse(new TextDecoder().decode(once.answer.body)) as JobActionResult & { detail?: string };
  if (once.answer.status === 200) return body;
  throw failure ?? new StepFailure(body.detail ?? "HWA refused the action");
}
