import { hwa } from "../hwa/connection";
import { performJobAction } from "../jobs/actions";
import { toJob } from "../jobs/job";
import { audit, auditOutcome } from "../platform/audit/writer";
import { database } from "../platform/db/client";
import type { AppRouteHandler } from "../platform/http/router";
import { scopeOf } from "../platform/http/scope";
import type { Scope } from "../platform/scope/scope";
import { Problem } from "../platform/http/problem";
import { RUN_BUDGET_MS } from "./budget";
import { executeSteps, type RunEnvironment } from "./execute";
import { resolveJob } from "./resolve-job";
import { findRun, finishRun, recordOf, runsOf, saveProgress, startRun, type RunRecord } from "./run-store";
import type { listRuns, run, runCompat, showRun } from "./runs.routes";
import { StepsSchema } from "../workflows/steps";
import { findWorkflow } from "../workflows/store";
import { workflowNotFound } from "../workflows/workflows.handlers";

/** Runs a stored workflow from this request to its end: "running" first, each step saved as it goes, then the outcome. */
async function runWorkflow(scope: Scope, workflowId: number): Promise<RunRecord> {
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
  const client = hwa(scope);
  const runId = crypto.randomUUID();
  const requestedBy = scope.actor!.username;
  await audit(scope, { action: "workflow.run", target, outcome: "attempt", metadata: { run_id: runId } });
  await startRun(db, {
    id: runId,
    workflowId,
    workflowVersion: workflow.version,
    requestedBy,
    correlationId: scope.correlationId,
    startedAt: new Date(),
  });

  const environment: RunEnvironment = {
    resolveJob: (reference) => resolveJob(client, reference),
    act: async (jobId, action) => {
      const result = await performJobAction(scope, jobId, action, { reason: `workflow ${workflowId} run ${runId}` });
      return { id: result.hwa.id, url: result.hwa.url };
    },
    statusOf: async (jobId) => toJob(await client.job(jobId)).status,
    // Progress is a courtesy for readers of a long run; the final record below is what counts.
    saveProgress: (done) =>
      saveProgress(db, runId, done).catch((error) =>
        scope.log.warn("run progress not saved", { run_id: runId, error: String(error) }),
      ),
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
  const outcome = await executeSteps(environment, steps.data, RUN_BUDGET_MS);
  const finished = await finishRun(db, runId, { ...outcome, finishedAt: new Date() });
  const failedStep = outcome.steps.find((step) => step.status === "failed");
  await auditOutcome(scope, {
    action: "workflow.run",
    target,
    outcome: outcome.status === "succeeded" ? "success" : "failure",
    metadata: {
      run_id: runId,
      version: workflow.version,
      ...(failedStep ? { failed_step: failedStep.index } : {}),
      ...(outcome.error ? { error: outcome.error } : {}),
    },
  });
  return recordOf(finished!);
}

export const runHandler: AppRouteHandler<typeof run> = async (c) =>
  c.json(await runWorkflow(scopeOf(c), c.req.valid("param").id), 200);

export const runCompatHandler: AppRouteHandler<typeof runCompat> = async (c) =>
  c.json(await runWorkflow(scopeOf(c), c.req.valid("json").workflow_id), 200);

export const listRunsHandler: AppRouteHandler<typeof listRuns> = async (c) => {
  const { id } = c.req.valid("param");
  const db = await database(scopeOf(c).config);
  if (!(await findWorkflow(db, id))) throw workflowNotFound(id);
  const rows = await runsOf(db, id, c.req.valid("query").limit);
  return c.json({ items: rows.map(recordOf) }, 200);
};

export const showRunHandler: AppRouteHandler<typeof showRun> = async (c) => {
  const { run_id } = c.req.valid("param");
  const row = await findRun(await database(scopeOf(c).config), run_id);
  if (!row) throw new Problem({ status: 404, kind: "run-not-found", detail: `No run ${run_id}` });
  return c.json(recordOf(row), 200);
};
