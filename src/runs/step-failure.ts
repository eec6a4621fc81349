import { HwaError } from "../hwa/errors";
import { Problem } from "../platform/http/problem";
import { LapsedAttempt } from "../platform/idempotency/run-once";

/** Why a step failed, in words the operator reads as they are; `hwa` is what HWA showed (the job and its status). */
export class StepFailure extends Error {
  constructor(
    message: string,
    readonly hwa?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "StepFailure";
  }
}

/** The error text a step records: our own messages, problem details and HWA's failures, never internals. */
export function reasonOf(error: unknown): string {
  if (error instanceof StepFailure || error instanceof Problem || error instanceof HwaError) return error.message;
  if (error instanceof LapsedAttempt)
    return "the step was interrupted while it acted in HWA and its outcome is unknown; check the job before running again";
  return "unexpected error";
}
