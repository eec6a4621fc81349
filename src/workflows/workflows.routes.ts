import { createRoute, z } from "@hono/zod-openapi";
import { rotatesCsrf } from "../platform/http/csrf-rotation";
import { requireRole } from "../platform/http/require-role";
import { problemResponses } from "../platform/http/openapi";
import { StepsSchema } from "./steps";

const admin = requireRole("admin");
const viewer = requireRole("viewer");
/** Deleting is high-security: a cookie session's CSRF token rotates after it. */
const adminDelete = [admin, rotatesCsrf()];

const noControlCharacters = /^[^\u0000-\u001f\u007f]*$/;
const Name = z.string().min(1).max(200).regex(noControlCharacters, { error: "no control characters" });
const VisibleStatus = z.enum(["active", "disabled"]);

export const WorkflowInput = z
  .strictObject({
    name: Name,
    description: z.string().max(2000).nullable().optional(),
    steps: StepsSchema,
    status: VisibleStatus.optional().openapi({ description: "A disabled workflow cannot run; default active" }),
  })
  .openapi("WorkflowInput");

export const WorkflowView = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string().nullable(),
    version: z.number().int(),
    status: VisibleStatus,
    steps: StepsSchema,
    created_by: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("Workflow");

const RunSummary = z.object({
  run_id: z.string(),
  status: z.string(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
});
export const ListedWorkflowView = WorkflowView.extend({ latest_run: RunSummary.nullable() }).openapi("WorkflowSummary");

export const ListQuery = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(200)
    .regex(noControlCharacters)
    .optional()
    .openapi({ description: "Exact name; `*` is a wildcard" }),
  status: VisibleStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});

export const WorkflowId = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "id", in: "path" }, type: "integer" }),
});

export const list = createRoute({
  method: "get",
  path: "/api/v1/workflows",
  tags: ["workflows"],
  summary: "Workflows with their latest run, filtered by name and status",
  middleware: viewer,
  request: { query: ListQuery },
  responses: {
    200: {
      description: "A page of workflows",
      content: {
        "application/json": {
          schema: z
            .object({ items: z.array(ListedWorkflowView), next_cursor: z.string().nullable() })
            .openapi("WorkflowPage"),
        },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

export const create = createRoute({
  method: "post",
  path: "/api/v1/workflows",
  tags: ["workflows"],
  summary: "Store a workflow (admin)",
  middleware: admin,
  request: { body: { required: true, content: { "application/json": { schema: WorkflowInput } } } },
  responses: {
    201: { description: "Created", content: { "application/json": { schema: WorkflowView } } },
    ...problemResponses(400, 401, 403),
  },
});

export const show = createRoute({
  method: "get",
  path: "/api/v1/workflows/{id}",
  tags: ["workflows"],
  summary: "One workflow",
  middleware: viewer,
  request: { params: WorkflowId },
  responses: {
    200: { description: "The workflow", content: { "application/json": { schema: WorkflowView } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

export const replace = createRoute({
  method: "put",
  path: "/api/v1/workflows/{id}",
  tags: ["workflows"],
  summary: "Replace a workflow's name, description and steps (admin); its version goes up by one",
  middleware: admin,
  request: { params: WorkflowId, body: { required: true, content: { "application/json": { schema: WorkflowInput } } } },
  responses: {
    200: { description: "Replaced", content: { "application/json": { schema: WorkflowView } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

export const remove = createRoute({
  method: "delete",
  path: "/api/v1/workflows/{id}",
  tags: ["workflows"],
  summary: "Delete a workflow (admin; high-security: the CSRF token rotates). Its runs stay on record",
  middleware: adminDelete,
  request: { params: WorkflowId },
  responses: { 204: { description: "Deleted" }, ...problemResponses(400, 401, 403, 404) },
});

export const removeCompat = createRoute({
  method: "post",
  path: "/api/workflow/delete",
  tags: ["workflows", "compat"],
  summary: "Delete a workflow (compat; admin; high-security: the CSRF token rotates)",
  middleware: adminDelete,
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.strictObject({ workflow_id: z.number().int().positive() }).openapi("WorkflowDelete"),
        },
      },
    },
  },
  responses: {
    200: {
      description: "Deleted",
      content: {
        "application/json": { schema: z.object({ workflow_id: z.number().int(), deleted: z.literal(true) }) },
      },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});
