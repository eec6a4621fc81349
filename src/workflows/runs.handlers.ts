import type { RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import { hwa } from "../hwa/connection";
import { performJobAction } from "../jobs/actions";
import { toJob } from "../jobs/job";
import type { AppEnv } from "../platform/http/app-env";
import { Problem } from "../platform/http/problem";
import { RUN_BUDGET_MS } from "./budget";
import { executeSteps, type RunEnvironment } from "./execute";
import { resolveJob } from "./resolve-job";
import { findRun, finishRun, recordOf, runsOf, saveProgress, startRun, type RunRecord } from "./run-store";
import type { listRuns, run, runCompat, showRun } from "./runs.routes";
import { StepsSchema } from "./steps";
import { findWorkflow } from "./store";
import { db, record, workflowNotFound } from "./workflows.handlers";

/** Runs a stored workflow from this request to its end: "running" first, each step saved as it goes, then the outcome. */
async function runWorkflow(c: Context<AppEnv>, workflowId: number): Promise<RunRecord> {
  const database = await db(c);
  const workflow = await findWorkflow(database, workflowId);
  if (!workflow) throw workflowNotFound(workflowId);
  const target = `workflow:${workflowId}`;
  if (workflow.status !== "active") {
    record(c, "workflow.run", target, "denied", { reason: workflow.status });
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
  const client = hwa(c);
  const runId = crypto.randomUUID();
  const requestedBy = c.get("identity")!.username;
  await startRun(database, {
    id: runId,
    workflowId,
    workflowVersion: workflow.version,
    requestedBy,
    correlationId: c.get("correlationId"),
    startedAt: new Date(),
  });

  const environment: RunEnvironment = {
    resolveJob: (reference) => resolveJob(client, reference),
    act: async (jobId, action) => {
      const result = await performJobAction(c, jobId, action, { reason: `workflow ${workflowId} run ${runId}` });
      return { id: result.hwa.id, url: result.hwa.url };
    },
    statusOf: async (jobId) => toJob(await client.job(jobId)).status,
    // Progress is a courtesy for readers of a long run; the final record below is what counts.
    saveProgress: (done) =>
      saveProgress(database, runId, done).catch((error) =>
        c.get("log")?.warn("run progress not saved", { run_id: runId, error: String(error) }),
      ),
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
  const outcome = await executeSteps(environment, steps.data, RUN_BUDGET_MS);
  const finished = await finishRun(database, runId, { ...outcome, finishedAt: new Date() });
  const failedStep = outcome.steps.find((step) => step.status === "failed");
  record(c, "workflow.run", target, outcome.status === "succeeded" ? "success" : "failure", {
    run_id: runId,
    version: workflow.version,
    ...(failedStep ? { failed_step: failedStep.index } : {}),
    ...(outcome.error ? { error: outcome.error } : {}),
  });
  return recordOf(finished!);
}

export const runHandler: RouteHandler<typeof run, AppEnv> = async (c) =>
  c.json(await runWorkflow(c, c.req.valid("param").id), 200);

export const runCompatHandler: RouteHandler<typeof runCompat, AppEnv> = async (c) =>
  c.json(await runWorkflow(c, c.req.valid("json").workflow_id), 200);

export const listRunsHandler: RouteHandler<typeof listRuns, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const database = await db(c);
  if (!(await findWorkflow(database, id))) throw workflowNotFound(id);
  const rows = await runsOf(database, id, c.req.valid("query").limit);
  return c.json({ items: rows.map(recordOf) }, 200);
};

export const showRunHandler: RouteHandler<typeof showRun, AppEnv> = async (c) => {
  const { run_id } = c.req.valid("param");
  const row = await findRun(await db(c), run_id);
  if (!row) throw new Problem({ status: 404, kind: "run-not-found", detail: `No run ${run_id}` });
  return c.json(recordOf(row), 200);
};
