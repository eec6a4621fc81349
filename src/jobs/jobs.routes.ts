import { createRoute, z } from "@hono/zod-openapi";
import { commonStatuses } from "../hwa/status";
import { requireRole } from "../platform/auth/require-role";
import { cachedReadHeaders } from "../platform/cache";
import { problemResponses } from "../platform/http/openapi";
import { JobDetailSchema, JobSchema } from "./job";

const hwaProblems = problemResponses(400, 401, 403, 429, 502, 503, 504);
const viewer = requireRole("viewer");

const statusList = z
  .string()
  .regex(/^[A-Za-z]{2,10}(,[A-Za-z]{2,10})*$/, { error: "comma-separated HWA statuses, e.g. ABEND,FAIL" })
  .transform((value) => value.toUpperCase().split(","));

/** A name as the operator types it: `*` is a wildcard, everything else is literal. */
const pattern = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^\u0000-\u001f]+$/, { error: "no control characters" });

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
  request: { params: JobId },
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
  request: { params: JobId, query: z.strictObject({ depth: z.coerce.number().int().min(1).max(5).default(1) }) },
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
