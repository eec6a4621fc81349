import { createRoute, z } from "@hono/zod-openapi";
import { commonStatuses } from "../hwa/status";
import { engineQuery, onEngine } from "../engines/engine-choice.middleware";
import { cachedReadHeaders } from "../platform/http/cached-read";
import { idempotency } from "../platform/http/idempotency";
import { problemResponses } from "../platform/http/openapi";
import { jobActionNames } from "./action-rules";
import { JobDetailSchema, JobSchema } from "./job";

const hwaProblems = problemResponses(400, 401, 403, 404, 409, 429, 502, 503, 504);
const viewer = onEngine("viewer");
/** Routes with no other query parameter take the engine's. */
const EngineOnly = z.strictObject(engineQuery);

const statusList = z
  .string()
  .regex(/^[A-Za-z]{2,10}(,[A-Za-z]{2,10})*$/, { error: "comma-separated HWA statuses, e.g. ABEND,FAIL" })
  .transform((value) => value.toUpperCase().split(","));

/**
 * A name as the operator types it: `*` is the one wildcard. HWA's own, `@` and `%`, occur in no HWA name, and a
 * literal one cannot be written in an OQL LIKE pattern: refused, so they never act as wildcards behind the caller.
 */
const pattern = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^\u0000-\u001f]+$/, { error: "no control characters" })
  .regex(/^[^@%]+$/, { error: "@ and % are not part of HWA names; * is the wildcard" });

export const ListQuery = z.strictObject({
  status: statusList.optional().openapi({ description: "Internal statuses, e.g. ABEND or ABEND,FAIL" }),
  common_status: z.enum(commonStatuses).optional(),
  stream: pattern.optional(),
  workstation: pattern.optional(),
  name: pattern.optional(),
  since: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ description: "Only jobs that started or ended since (ISO-8601)" }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(512).optional(),
  ...engineQuery,
});

const JobId = z.object({
  id: z
    .string()
    .min(1)
    .max(256)
    .openapi({ param: { name: "id", in: "path" } }),
});

export const list = createRoute({
  method: "get",
  path: "/api/v1/jobs",
  tags: ["jobs"],
  summary: "Jobs in the current plan",
  middleware: viewer,
  request: { query: ListQuery },
  responses: {
    200: {
      description: "A page of jobs",
      headers: cachedReadHeaders,
      content: {
        "application/json": {
          schema: z.object({ items: z.array(JobSchema), next_cursor: z.string().nullable() }).openapi("JobPage"),
        },
      },
    },
    ...hwaProblems,
  },
});

export const show = createRoute({
  method: "get",
  path: "/api/v1/jobs/{id}",
  tags: ["jobs"],
  summary: "One job, with its dependencies and runs",
  middleware: viewer,
  request: { params: JobId, query: EngineOnly },
  responses: {
    200: {
      description: "The job",
      headers: cachedReadHeaders,
      content: { "application/json": { schema: JobDetailSchema } },
    },
    ...problemResponses(404),
    ...hwaProblems,
  },
});

export const log = createRoute({
  method: "get",
  path: "/api/v1/jobs/{id}/log",
  tags: ["jobs"],
  summary: "The job's log (its current run unless run_id says otherwise), optionally a line range",
  middleware: viewer,
  request: {
    params: JobId,
    query: z
      .strictObject({
        from_line: z.coerce.number().int().min(1).optional(),
        to_line: z.coerce.number().int().min(1).optional(),
        run_id: z.string().min(1).max(256).optional(),
        ...engineQuery,
      })
      .refine((q) => q.from_line === undefined || q.to_line === undefined || q.from_line <= q.to_line, {
        error: "from_line must not be after to_line",
        path: ["from_line"],
      }),
  },
  responses: {
    200: {
      description: "Log text",
      headers: cachedReadHeaders.extend({
        "Resync-Run-Id": z.string().openapi({ description: "The run whose log this is" }),
      }),
      content: { "text/plain": { schema: z.string() } },
    },
    ...problemResponses(404),
    ...hwaProblems,
  },
});

export const dependencies = createRoute({
  method: "get",
  path: "/api/v1/jobs/{id}/dependencies",
  tags: ["jobs"],
  summary: "What the job waits for (predecessors) and what waits for it (successors)",
  middleware: viewer,
  request: {
    params: JobId,
    query: z.strictObject({ depth: z.coerce.number().int().min(1).max(5).default(1), ...engineQuery }),
  },
  responses: {
    200: {
      description: "Predecessors and successors",
      content: {
        "application/json": {
          schema: z
            .object({ predecessors: z.array(JobSchema), successors: z.array(JobSchema) })
            .openapi("JobDependencies"),
        },
      },
    },
    ...problemResponses(404),
    ...hwaProblems,
  },
});

export const JobActionParams = z.object({
  id: z
    .string()
    .min(1)
    .max(256)
    .openapi({ param: { name: "id", in: "path" } }),
  action: z.enum(jobActionNames).openapi({ param: { name: "action", in: "path" } }),
});

export const JobActionBody = z.strictObject({
  reason: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .openapi({ description: "Why, in the operator's words; kept in the audit trail" }),
});

export const JobActionResultSchema = z
  .object({
    action: z.enum(jobActionNames),
    job_id: z.string(),
    accepted: z.literal(true),
    hwa: z.object({ id: z.string().nullable(), url: z.string().nullable() }),
  })
  .openapi("JobActionResult");

const IDEMPOTENCY_HEADERS = z.object({
  "idempotency-key": z.string().openapi({
    param: { in: "header", required: true },
    description: "1–255 visible ASCII characters; replays for 24 h (Idempotency-Key-TTL: 86400)",
  }),
});

export const performAction = createRoute({
  method: "post",
  path: "/api/v1/jobs/{id}/actions/{action}",
  tags: ["jobs"],
  summary: "Hold, release, rerun, cancel, kill or confirm a job in HWA (at most once per Idempotency-Key)",
  description:
    "Requires `Idempotency-Key`. The first request with a key acts; later ones with the same key and body get the stored " +
    "answer byte for byte with `Idempotency-Replayed: true` for 24 hours (Idempotency-Key-TTL: 86400); another body → 422; " +
    "while the first is in progress → 409 with Retry-After. 5xx answers are not stored.",
  middleware: [onEngine("operator"), idempotency()] as const,
  request: {
    params: JobActionParams,
    query: EngineOnly,
    headers: IDEMPOTENCY_HEADERS,
    body: { required: false, content: { "application/json": { schema: JobActionBody } } },
  },
  responses: {
    200: { description: "HWA accepted the action", content: { "application/json": { schema: JobActionResultSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 422, 429, 502, 503, 504),
  },
});
