import { audit, auditOutcome } from "../platform/audit/writer";
import { database } from "../platform/db/client";
import type { AppRouteHandler } from "../platform/http/router";
import { scopeOf } from "../platform/http/scope";
import type { Scope } from "../platform/scope/scope";
import { decodeOffset, encodeCursor } from "../platform/http/cursor";
import { workflowNotFound } from "./problems";
import { createWorkflow, deleteWorkflow, findWorkflow, listWorkflows, updateWorkflow } from "./store";
import { listedView, workflowView } from "./view";
import type { create, list, remove, removeCompat, replace, show } from "./workflows.routes";

export const listWorkflowsHandler: AppRouteHandler<typeof list> = async (c) => {
  const { name, status, limit, cursor } = c.req.valid("query");
  const query = JSON.stringify([name ?? null, status ?? null]);
  const config = scopeOf(c).config;
  const after = cursor ? await decodeOffset(config, cursor, query) : undefined;
  const rows = await listWorkflows(await database(scopeOf(c).config), { name, status, limit: limit + 1, after });
  const page = rows.slice(0, limit);
  const next_cursor = rows.length > limit ? await encodeCursor(config, page.at(-1)!.workflow.id, query) : null;
  return c.json({ items: page.map(listedView), next_cursor }, 200);
};

export const createWorkflowHandler: AppRouteHandler<typeof create> = async (c) => {
  const input = c.req.valid("json");
  const scope = scopeOf(c);
  // Its id, the target of the outcome, does not exist before the insert.
  await audit(scope, { action: "workflow.create", outcome: "attempt", metadata: { name: input.name } });
  const row = await createWorkflow(await database(scope.config), input, scope.actor!.username);
  await auditOutcome(scope, {
    action: "workflow.create",
    target: `workflow:${row.id}`,
    outcome: "success",
    metadata: { name: row.name, steps: input.steps.length },
  });
  return c.json(workflowView(row), 201);
};

export const showWorkflowHandler: AppRouteHandler<typeof show> = async (c) => {
  const { id } = c.req.valid("param");
  const row = await findWorkflow(await database(scopeOf(c).config), id);
  if (!row) throw workflowNotFound(id);
  return c.json(workflowView(row), 200);
};

export const replaceWorkflowHandler: AppRouteHandler<typeof replace> = async (c) => {
  const { id } = c.req.valid("param");
  const input = c.req.valid("json");
  const scope = scopeOf(c);
  const event = { action: "workflow.update", target: `workflow:${id}` };
  await audit(scope, { ...event, outcome: "attempt", metadata: { name: input.name, steps: input.steps.length } });
  const row = await updateWorkflow(await database(scope.config), id, input);
  if (!row) {
    await auditOutcome(scope, { ...event, outcome: "failure", metadata: { reason: "not found" } });
    throw workflowNotFound(id);
  }
  await auditOutcome(scope, {
    ...event,
    outcome: "success",
    metadata: { name: row.name, version: row.version, steps: input.steps.length },
  });
  return c.json(workflowView(row), 200);
};

/** Soft delete, audited (the routes rotate a cookie session's CSRF token: a high-security operation). */
async function removeWorkflow(scope: Scope, id: number): Promise<void> {
  const event = { action: "workflow.delete", target: `workflow:${id}` };
  await audit(scope, { ...event, outcome: "attempt" });
  const deleted = await deleteWorkflow(await database(scope.config), id);
  if (!deleted) {
    await auditOutcome(scope, { ...event, outcome: "failure", metadata: { reason: "not found" } });
    throw workflowNotFound(id);
  }
  await auditOutcome(scope, { ...event, outcome: "success" });
}

export const removeWorkflowHandler: AppRouteHandler<typeof remove> = async (c) => {
  await removeWorkflow(scopeOf(c), c.req.valid("param").id);
  return c.body(null, 204);
};

export const removeWorkflowCompatHandler: AppRouteHandler<typeof removeCompat> = async (c) => {
  const { workflow_id } = c.req.valid("json");
  await removeWorkflow(scopeOf(c), workflow_id);
  return c.json({ workflow_id, deleted: true as const }, 200);
};
