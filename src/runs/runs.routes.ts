import { createRoute, z } from "@hono/zod-openapi";
import { EngineName } from "../engines/names";
import { idempotency } from "../platform/http/idempotency";
import { problemResponses } from "../platform/http/openapi";
import { requireRole } from "../platform/http/require-role";
import { WorkflowId } from "../workflows/workflows.routes";
import { runStatuses } from "./run-record";

const viewer = requireRole("viewer");
const operatorOnce = [requireRole("operator"), idempotency()];

const StepOutcomeView = z.object({
  index: z.number().int(),
  action: z.string(),
  job: z.string(),
  engine: z.string().optional().openapi({ description: "The engine the step acted on" }),
  status: z.enum(["succeeded", "failed", "cancelled"]),
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
    status: z.enum(runStatuses),
    started_at: z.string(),
    finished_at: z.string().nullable(),
    requested_by: z.string(),
    engine: z.string().nullable().openapi({
      description: "The engine the run was started on: its steps act there unless they name another",
    }),
    steps: z.array(StepOutcomeView),
    error: z
      .string()
      .optional()
      .openapi({ description: "Why the run failed or stopped: the failing step and its reason, the budget, a cancel" }),
  })
  .openapi("WorkflowRun");

const IdempotencyHeaders = z.object({
  "idempotency-key": z.string().openapi({
    param: { name: "idempotency-key", in: "header", required: true },
    description: "1–255 visible ASCII characters; replays for 24 h (Idempotency-Key-TTL: 86400)",
  }),
});
const RunId = z.object({ run_id: z.uuid().openapi({ param: { name: "run_id", in: "path" } }) });

const runProblems = problemResponses(400, 401, 403, 404, 409, 422, 429, 503);
const record = (description: string) => ({ description, content: { "application/json": { schema: RunView } } });
const started = {
  ...record("Accepted: the run record, queued; its object executes it. `Location` is the run"),
  headers: z.object({ Location: z.string().openapi({ example: "/api/v1/runs/0b0f…" }) }),
};
const idempotencyNote =
  "Requires `Idempotency-Key`: the same key and body get the stored answer byte for byte with " +
  "`Idempotency-Replayed: true` for 24 hours; another body → 422. At most 5 runs per user are queued or running; " +
  "the next start answers 429 with Retry-After.";

export const run = createRoute({
  method: "post",
  path: "/api/v1/workflows/{id}/runs",
  tags: ["runs"],
  summary: "Start a workflow run (operator): its steps run in order in the background, at most once per key",
  description: idempotencyNote,
  middleware: operatorOnce,
  request: {
    params: WorkflowId,
    headers: IdempotencyHeaders,
    query: z.strictObject({ engine: EngineName.optional() }),
    body: {
      required: false,
      content: {
        "application/json": {
          schema: z
            .strictObject({
              engine: EngineName.optional().openapi({
                description: "The run's engine (steps that name none); default: yours, else the registry's",
              }),
            })
            .openapi("RunStart"),
        },
      },
    },
  },
  responses: { 202: started, ...runProblems },
});

export const runCompat = createRoute({
  method: "post",
  path: "/api/workflow/execute",
  tags: ["runs", "compat"],
  summary: "Run a workflow (compat; operator): waits up to 25 s for the run to end",
  description: `${idempotencyNote} Answers 200 with the final record when the run ends within 25 s, else 202 with Location.`,
  middleware: operatorOnce,
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
  responses: { 200: record("The run ended: its final record"), 202: started, ...runProblems },
});

export const cancel = createRoute({
  method: "post",
  path: "/api/v1/runs/{run_id}/cancel",
  tags: ["runs"],
  summary: "Cancel a run (operator): it stops before its next step and ends cancelled",
  description:
    "Requires `Idempotency-Key`. Answers the run record: `cancelled` at once when no step is in progress, else " +
    "still `running` until the step in progress ends. A run that has already ended → 409.",
  middleware: operatorOnce,
  request: { params: RunId, headers: IdempotencyHeaders },
  responses: { 200: record("The run record after the cancel"), ...runProblems },
});

export const listRuns = createRoute({
  method: "get",
  path: "/api/v1/workflows/{id}/runs",
  tags: ["runs"],
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
  tags: ["runs"],
  summary: "One run, with each step's outcome (live while it runs)",
  middleware: viewer,
  request: { params: RunId },
  responses: { 200: record("The run"), ...problemResponses(400, 401, 403, 404) },
});
