import { nameKeyOf } from "../engines/names";
import { database } from "../platform/db/client";
import { Problem } from "../platform/http/problem";
import type { AppRouteHandler } from "../platform/http/router";
import { scopeOf } from "../platform/http/scope";
import { workflowNotFound } from "../workflows/problems";
import { findWorkflow } from "../workflows/store";
import { cancelRun } from "./cancel-run";
import { readRun } from "./read-run";
import { waitForEnd } from "./wait-for-end";
import { recordOfRow } from "./run-record";
import { runsOf } from "./run-store";
import type { cancel, listRuns, run, runCompat, showRun } from "./runs.routes";
import { startRun } from "./start-run";

const location = (runId: string) => ({ Location: `/api/v1/runs/${runId}` });

export const startRunHandler: AppRouteHandler<typeof run> = async (c) => {
  const inQuery = c.req.valid("query").engine;
  // No body is valid (the run's engine is then the query's, the user's or the registry's).
  const inBody = (c.req.valid("json") as { engine?: string } | undefined)?.engine;
  if (inQuery !== undefined && inBody !== undefined && nameKeyOf(inQuery) !== nameKeyOf(inBody))
    throw new Problem({
      status: 400,
      kind: "validation-error",
      detail: "The request is invalid",
      errors: [{ path: "body.engine", message: "names another engine than ?engine=" }],
    });
  const record = await startRun(scopeOf(c), c.req.valid("param").id, inBody ?? inQuery);
  return c.json(record, 202, location(record.run_id));
};

/** The old service's shape: the final record when the run ends within 25 s, else 202 and where to look. */
export const executeCompatHandler: AppRouteHandler<typeof runCompat> = async (c) => {
  const scope = scopeOf(c);
  const started = await startRun(scope, c.req.valid("json").workflow_id);
  const ended = await waitForEnd(scope, started.run_id);
  if (ended) return c.json(ended, 200);
  return c.json(await readRun(scope, started.run_id), 202, location(started.run_id));
};

export const cancelRunHandler: AppRouteHandler<typeof cancel> = async (c) =>
  c.json(await cancelRun(scopeOf(c), c.req.valid("param").run_id), 200);

export const listRunsHandler: AppRouteHandler<typeof listRuns> = async (c) => {
  const { id } = c.req.valid("param");
  const db = await database(scopeOf(c).config);
  if (!(await findWorkflow(db, id))) throw workflowNotFound(id);
  const rows = await runsOf(db, id, c.req.valid("query").limit);
  return c.json({ items: rows.map(recordOfRow) }, 200);
};

export const showRunHandler: AppRouteHandler<typeof showRun> = async (c) =>
  c.json(await readRun(scopeOf(c), c.req.valid("param").run_id), 200);
