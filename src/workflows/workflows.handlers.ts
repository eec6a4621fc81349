import type { RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import { audit, type AuditOutcome } from "../platform/audit/writer";
import { rotateCsrfToken } from "../platform/auth/csrf-rotation";
import { database } from "../platform/db/client";
import { readConfig } from "../platform/env/config";
import type { AppEnv } from "../platform/http/app-env";
import { decodeCursor, encodeCursor } from "../platform/http/cursor";
import { Problem } from "../platform/http/problem";
import { createWorkflow, deleteWorkflow, findWorkflow, listWorkflows, updateWorkflow } from "./store";
import { listedView, workflowView } from "./view";
import type { create, list, remove, removeCompat, replace, show } from "./workflows.routes";

export const db = (c: Context<AppEnv>) => database(readConfig(c.env));

export function workflowNotFound(id: number): Problem {
  return new Problem({ status: 404, kind: "workflow-not-found", detail: `No workflow ${id}` });
}

export function record(
  c: Context<AppEnv>,
  action: string,
  target: string,
  outcome: AuditOutcome,
  metadata?: Record<string, unknown>,
) {
  void audit(c, { actor: c.get("identity")!.username, action, target, outcome, ...(metadata ? { metadata } : {}) });
}

export const listWorkflowsHandler: RouteHandler<typeof list, AppEnv> = async (c) => {
  const { name, status, limit, cursor } = c.req.valid("query");
  const query = JSON.stringify([name ?? null, status ?? null]);
  const after = cursor ? decodeCursor(cursor, query) : undefined;
  const rows = await listWorkflows(await db(c), { name, status, limit: limit + 1, after });
  const page = rows.slice(0, limit);
  const next_cursor = rows.length > limit ? encodeCursor({ offset: page.at(-1)!.workflow.id, query }) : null;
  return c.json({ items: page.map(listedView), next_cursor }, 200);
};

export const createWorkflowHandler: RouteHandler<typeof create, AppEnv> = async (c) => {
  const input = c.req.valid("json");
  const row = await createWorkflow(await db(c), input, c.get("identity")!.username);
  record(c, "workflow.create", `workflow:${row.id}`, "success", { name: row.name, steps: input.steps.length });
  return c.json(workflowView(row), 201);
};

export const showWorkflowHandler: RouteHandler<typeof show, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const row = await findWorkflow(await db(c), id);
  if (!row) throw workflowNotFound(id);
  return c.json(workflowView(row), 200);
};

export const replaceWorkflowHandler: RouteHandler<typeof replace, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const input = c.req.valid("json");
  const row = await updateWorkflow(await db(c), id, input);
  if (!row) throw workflowNotFound(id);
  record(c, "workflow.update", `workflow:${id}`, "success", {
    name: row.name,
    version: row.version,
    steps: input.steps.length,
  });
  return c.json(workflowView(row), 200);
};

/** Soft delete, audited; a high-security operation, so a cookie session's CSRF token rotates. */
async function removeWorkflow(c: Context<AppEnv>, id: number): Promise<void> {
  const deleted = await deleteWorkflow(await db(c), id);
  if (!deleted) {
    record(c, "workflow.delete", `workflow:${id}`, "failure", { reason: "not found" });
    throw workflowNotFound(id);
  }
  record(c, "workflow.delete", `workflow:${id}`, "success");
  await rotateCsrfToken(c);
}

export const removeWorkflowHandler: RouteHandler<typeof remove, AppEnv> = async (c) => {
  await removeWorkflow(c, c.req.valid("param").id);
  return c.body(null, 204);
};

export const removeWorkflowCompatHandler: RouteHandler<typeof removeCompat, AppEnv> = async (c) => {
  const { workflow_id } = c.req.valid("json");
  await removeWorkflow(c, workflow_id);
  return c.json({ workflow_id, deleted: true as const }, 200);
};
