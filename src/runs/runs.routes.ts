import { createRoute, z } from "@hono/zod-openapi";
import { requireRole } from "../platform/http/require-role";
import { idempotency } from "../platform/http/idempotency";
import { problemResponses } from "../platform/http/openapi";
import { RUN_BUDGET_MS } from "./budget";
import { WorkflowId } from "../workflows/workflows.routes";

const viewer = requireRole("viewer");
// The key stays claimed for as long as a run may take, so a retry during a long run answers 409, never runs twice.
const RUN_LEASE_MS = RUN_BUDGET_MS + 60_000;

const StepOutcomeView = z.object({
  index: z.number().int(),
  action: z.string(),
  job: z.string(),
  status: z.enum(["succeeded", "failed"]),
  started_at: z.string(),
  finished_at: z.string(),
  hwa: z.record(z.string(), z.unknown()).optional(),
  error: z.string().optional(),
});

export const RunView = z
  .object({
    run_id: z.string(),
    workflow_id: z.number().int(),
    workflow_version: z.number().int(),
    status: z.enum(["running", "succeeded", "failed"]),
    started_at: z.string(),
    finished_at: z.string().nullable(),
    requested_by: z.string(),
    steps: z.array(StepOutcomeView),
    error: z
      .string()
      .optional()
      .openapi({ description: "Why the run failed: the failing step and its reason, or the budget" }),
  })
  .openapi("WorkflowRun");

const IdempotencyHeaders = z.object({
  "idempotency-key": z.string().openapi({
    param: { name: "idempotency-key", in: "header", required: true },
    description: "1–255 visible ASCII characters; replays for 24 h (Idempotency-Key-TTL: 86400)",
  }),
});

const runProblems = problemResponses(400, 401, 403, 404, 409, 422, 429, 502, 503, 504);
const ranResponse = {
  description: "The run record: succeeded, or failed with the failing step and why",
  content: { "application/json": { schema: RunView } },
};
const idempotencyNote =
  "Requires `Idempotency-Key`: the same key and body get the stored run record byte for byte with `Idempotency-Replayed: true` " +
  "for 24 hours; another body → 422; while the first run is still going → 409 with Retry-After.";

export const run = createRoute({
  method: "post",
  path: "/api/v1/workflows/{id}/runs",
  tags: ["workflows"],
  summary: "Run a workflow's steps in order against HWA (operator), at most once per Idempotency-Key",
  description: idempotencyNote,
  middleware: [requireRole("operator"), idempotency({ leaseMs: RUN_LEASE_MS })] as const,
  request: {
    params: WorkflowId,
    headers: IdempotencyHeaders,
    body: { required: false, content: { "application/json": { schema: z.strictObject({}) } } },
  },
  responses: { 200: ranResponse, ...runProblems },
});

export const runCompat = createRoute({
  method: "post",
  path: "/api/workflow/execute",
  tags: ["workflows", "compat"],
  summary: "Run a workflow (compat; operator), at most once per Idempotency-Key",
  description: idempotencyNote,
  middleware: [requireRole("operator"), idempotency({ leaseMs: RUN_LEASE_MS })] as const,
  request: {
    headers: IdempotencyHeaders,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.strictObject({ workflow_id: z.number().int().positive() }).openapi("WorkflowExecute"),
        },
      },
    },
  },
  responses: { 200: ranResponse, ...runProblems },
});

export const listRuns = createRoute({
  method: "get",
  path: "/api/v1/workflows/{id}/runs",
  tags: ["workflows"],
  summary: "A workflow's runs, newest first",
  middleware: viewer,
  request: {
    params: WorkflowId,
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
  },
  responses: {
    200: {
      description: "Runs",
      content: { "application/json": { schema: z.object({ items: z.array(RunView) }).openapi("WorkflowRunList") } },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

export const showRun = createRoute({
  method: "get",
  path: "/api/v1/runs/{run_id}",
  tags: ["workflows"],
  summary: "One run, with each step's outcome",
  middleware: viewer,
  request: { params: z.object({ run_id: z.uuid().openapi({ param: { name: "run_id", in: "path" } }) }) },
  responses: {
    200: { description: "The run", content: { "application/json": { schema: RunView } } },
    ...problemResponses(400, 401, 403, 404),
  },
});
