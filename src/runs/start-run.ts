import { audit, auditOutcome } from "../platform/audit/writer";
import { database } from "../platform/db/client";
import { Problem } from "../platform/http/problem";
import { traceparentOf } from "../platform/observability/trace";
import type { EngineTarget, Scope } from "../platform/scope/scope";
import { refuseDuringMaintenance } from "../settings/maintenance";
import { StepsSchema, type Step } from "../workflows/steps";
import { resolveEngine } from "../engines/registry";
import { nameKeyOf } from "../engines/names";
import { roleAllows, roleOnEngine } from "../platform/auth/identity";
import { findWorkflow } from "../workflows/store";
import { workflowNotFound } from "../workflows/problems";
import { MAX_ACTIVE_RUNS_PER_USER, RUN_BUDGET_MS } from "./budget";
import type { RunRecord } from "./run-record";
import { admitRun, mirrorRun } from "./run-store";
import { runObject } from "./run-object";

/**
 * Starts a stored workflow for the scope's actor: refused when the workflow is disabled (409) or gone (404), or
 * when the actor already has `MAX_ACTIVE_RUNS_PER_USER` runs queued or running (429). The run is recorded in
 * libSQL as queued, then handed to its WorkflowRun object, which executes it with no request open. Nothing starts
 * during maintenance (503), an admin's run included.
 */
export async function startRun(scope: Scope, workflowId: number, engineName?: string): Promise<RunRecord> {
  await refuseDuringMaintenance(scope);
  const actor = scope.actor!;
  const db = await database(scope.config);
  const workflow = await findWorkflow(db, workflowId);
  if (!workflow) throw workflowNotFound(workflowId);
  const target = `workflow:${workflowId}`;
  if (workflow.status !== "active") {
    await auditOutcome(scope, {
      action: "workflow.run",
      target,
      outcome: "denied",
      metadata: { reason: workflow.status },
    });
    throw new Problem({
      status: 409,
      kind: "workflow-disabled",
      detail: `Workflow ${workflowId} is ${workflow.status} and cannot run`,
    });
  }
  const steps = StepsSchema.safeParse(workflow.steps);
  if (!steps.success) {
    throw new Problem({
      status: 409,
      kind: "workflow-invalid",
      detail: `Workflow ${workflowId}'s stored steps are no longer valid; update it`,
    });
  }
  const { engine, steps: runSteps } = await enginesOfRun(scope, steps.data, engineName, target);
  const runId = crypto.randomUUID();
  // On record before anything starts; its outcome is audited by the run's object when the run ends.
  await audit(scope, {
    action: "workflow.run",
    target,
    outcome: "attempt",
    metadata: { run_id: runId, ...(engine.sole ? {} : { engine: engine.name }) },
  });
  const startedAt = Date.now();
  const admitted = await admitRun(db, {
    id: runId,
    workflowId,
    workflowVersion: workflow.version,
    requestedBy: actor.username,
    engine: engine.name,
    correlationId: scope.correlationId,
    startedAt: new Date(startedAt),
  });
  if (!admitted) {
    await auditOutcome(scope, {
      action: "workflow.run",
      target,
      outcome: "denied",
      metadata: { run_id: runId, reason: "too many runs" },
    });
    throw new Problem({
      status: 429,
      kind: "too-many-runs",
      detail: `You already have ${MAX_ACTIVE_RUNS_PER_USER} workflow runs queued or running; wait for one to end`,
      headers: { "Retry-After": "30" },
    });
  }
  try {
    return await runObject(scope.env, runId).start({
      runId,
      workflowId,
      workflowVersion: workflow.version,
      steps: runSteps,
      engine: engine.name,
      requestedBy: actor,
      correlationId: scope.correlationId,
      traceparent: traceparentOf(scope.trace),
      startedAt,
      deadline: startedAt + RUN_BUDGET_MS,
    });
  } catch (error) {
    // Never started: the row must not hold one of the user's slots.
    await mirrorRun(db, {
      run_id: runId,
      workflow_id: workflowId,
      workflow_version: workflow.version,
      status: "failed",
      started_at: new Date(startedAt).toISOString(),
      finished_at: new Date().toISOString(),
      requested_by: actor.username,
      engine: engine.name,
      steps: [],
      error: "the run could not be started",
    });
    throw error;
  }
}

/**
 * The run's engine (the one asked, else the actor's, else the registry's) after checking every engine its steps act
 * on: each must exist and be enabled (404, 409), and the actor must be an operator there (403; a per-engine grant
 * may say viewer). The steps come back with their engine's name as the registry spells it.
 */
async function enginesOfRun(
  scope: Scope,
  steps: Step[],
  asked: string | undefined,
  target: string,
): Promise<{ engine: EngineTarget; steps: Step[] }> {
  const actor = scope.actor!;
  const engine = await resolveEngine(scope, asked, actor.defaultEngine);
  const byKey = new Map<string, EngineTarget>([[nameKeyOf(engine.name), engine]]);
  for (const [index, step] of steps.entries()) {
    const key = nameKeyOf(step.engine ?? engine.name);
    if (!byKey.has(key)) byKey.set(key, await stepEngineOf(scope, step.engine!, index));
  }
  for (const stepEngine of byKey.values()) {
    const role = roleOnEngine(actor, nameKeyOf(stepEngine.name));
    if (roleAllows(role, "operator")) continue;
    await auditOutcome(scope, {
      action: "workflow.run",
      target,
      outcome: "denied",
      metadata: { reason: "role on engine", engine: stepEngine.name, role },
    });
    throw new Problem({
      status: 403,
      kind: "forbidden",
      detail: `This workflow acts on engine ${stepEngine.name}, where you are not an operator`,
    });
  }
  const named = steps.map((step) =>
    step.engine === undefined ? step : { ...step, engine: byKey.get(nameKeyOf(step.engine))!.name },
  );
  return { engine, steps: named };
}

/** A step's engine, or 422 saying which step names an engine that is unknown or disabled. */
async function stepEngineOf(scope: Scope, name: string, index: number): Promise<EngineTarget> {
  try {
    return await resolveEngine(scope, name);
  } catch (error) {
    if (!(error instanceof Problem) || (error.status !== 404 && error.status !== 409)) throw error;
    throw new Problem({
      status: 422,
      kind: "workflow-engine-unavailable",
      detail: `Step ${index} acts on engine ${name}, which ${error.status === 404 ? "is not registered" : "is disabled"}`,
    });
  }
}
