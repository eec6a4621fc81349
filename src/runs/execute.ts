import { HwaError } from "../hwa/errors";
import { Problem } from "../platform/http/problem";
import type { StepOutcome } from "./run-store";
import type { Step, StepJobAction } from "../workflows/steps";
import { pollDelay } from "./budget";

/** What a run needs from the world; the handler wires HWA and the job actions in, tests wire fakes. */
export interface RunEnvironment {
  /** The HWA id of a job named by id or WORKSTATION#JOBSTREAM.JOB; throws with a reason the operator can read. */
  resolveJob(reference: string): Promise<string>;
  /** Performs a job action; returns what HWA answered. */
  act(jobId: string, action: StepJobAction): Promise<Record<string, unknown>>;
  /** The job's current internal status (SUCC, ABEND, HOLD, ...), read fresh from HWA. */
  statusOf(jobId: string): Promise<string | null>;
  /** Saves the outcomes so far, so a run cut short shows how far it got. */
  saveProgress(steps: StepOutcome[]): Promise<void>;
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface RunOutcome {
  status: "succeeded" | "failed";
  steps: StepOutcome[];
  error?: string;
}

/** A failure the operator should read as is. */
export class StepFailure extends Error {
  constructor(
    message: string,
    readonly hwa?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The error text a step records: our own messages and problem details, never internals. */
export function reasonOf(error: unknown): string {
  if (error instanceof StepFailure || error instanceof Problem || error instanceof HwaError) return error.message;
  return "unexpected error";
}

async function waitForStatus(
  env: RunEnvironment,
  jobId: string,
  wanted: string[],
  deadline: number,
  timeoutS: number,
  runDeadline: number,
) {
  for (let attempt = 0; ; attempt++) {
    const status = await env.statusOf(jobId);
    if (status && wanted.includes(status)) return { job_id: jobId, status };
    const remaining = deadline - env.now();
    if (remaining <= 0) {
      const why = deadline >= runDeadline ? "the run's time budget ran out" : `timed out after ${timeoutS} s`;
      throw new StepFailure(`${why} waiting for ${wanted.join(" or ")}; the job is ${status ?? "without status"}`, {
        job_id: jobId,
        status,
      });
    }
    await env.sleep(pollDelay(attempt, remaining));
  }
}

async function perform(env: RunEnvironment, step: Step, runDeadline: number): Promise<Record<string, unknown>> {
  const jobId = await env.resolveJob(step.job);
  switch (step.action) {
    case "wait-for-status": {
      const deadline = Math.min(env.now() + step.timeout_s * 1000, runDeadline);
      return waitForStatus(env, jobId, step.status, deadline, step.timeout_s, runDeadline);
    }
    case "assert-status": {
      const status = await env.statusOf(jobId);
      if (!status || !step.status.includes(status)) {
        throw new StepFailure(`expected ${step.status.join(" or ")}, the job is ${status ?? "without status"}`, {
          job_id: jobId,
          status,
        });
      }
      return { job_id: jobId, status };
    }
    default:
      return { job_id: jobId, ...(await env.act(jobId, step.action)) };
  }
}

/** Runs the steps in order, recording each; stops at the first failure, or when the budget runs out. */
export async function executeSteps(env: RunEnvironment, steps: Step[], budgetMs: number): Promise<RunOutcome> {
  const runDeadline = env.now() + budgetMs;
  const outcomes: StepOutcome[] = [];
  for (const [index, step] of steps.entries()) {
    if (env.now() >= runDeadline) {
      return {
        status: "failed",
        steps: outcomes,
        error: `the run's time budget of ${budgetMs / 1000} s ran out before step ${index}`,
      };
    }
    const started = new Date(env.now()).toISOString();
    const base = { index, action: step.action, job: step.job, started_at: started };
    try {
      const hwa = await perform(env, step, runDeadline);
      outcomes.push({ ...base, status: "succeeded", finished_at: new Date(env.now()).toISOString(), hwa });
    } catch (error) {
      const hwa = error instanceof StepFailure ? error.hwa : undefined;
      const reason = reasonOf(error);
      outcomes.push({
        ...base,
        status: "failed",
        finished_at: new Date(env.now()).toISOString(),
        ...(hwa ? { hwa } : {}),
        error: reason,
      });
      return {
        status: "failed",
        steps: outcomes,
        error: `step ${index} (${step.action} ${step.job}) failed: ${reason}`,
      };
    }
    if (index < steps.length - 1) await env.saveProgress(outcomes);
  }
  return { status: "succeeded", steps: outcomes };
}
