import { audit, auditOutcome } from "../platform/audit/writer";
import { Problem } from "../platform/http/problem";
import type { Scope } from "../platform/scope/scope";
import { readRun } from "./read-run";
import type { RunRecord } from "./run-record";
import { runObject } from "./run-object";

/**
 * Stops a run before its next step: at once when no step is being performed, else when the step in progress
 * ends. A run that has already ended answers 409.
 */
export async function cancelRun(scope: Scope, runId: string): Promise<RunRecord> {
  const actor = scope.actor!;
  const known = await readRun(scope, runId);
  const target = `workflow:${known.workflow_id}`;
  await audit(scope, { action: "workflow.run.cancel", target, outcome: "attempt", metadata: { run_id: runId } });
  const cancellation = await runObject(scope.env, runId).cancel(actor.username);
  if (!cancellation || cancellation.kind === "finished") {
    const status = cancellation?.record.status ?? known.status;
    await auditOutcome(scope, {
      action: "workflow.run.cancel",
      target,
      outcome: "denied",
      metadata: { run_id: runId, status },
    });
    throw new Problem({
      status: 409,
      kind: "run-already-ended",
      detail: `Run ${runId} has already ended (${status}); nothing to cancel`,
    });
  }
  await auditOutcome(scope, {
    action: "workflow.run.cancel",
    target,
    outcome: "success",
    metadata: { run_id: runId, at_step: cancellation.record.steps.length },
  });
  return cancellation.record;
}
