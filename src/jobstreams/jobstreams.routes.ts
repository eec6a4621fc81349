import { createRoute, z } from "@hono/zod-openapi";
import { engineQuery, onEngine } from "../engines/engine-choice.middleware";
import { cachedReadHeaders } from "../platform/http/cached-read";
import { problemResponses } from "../platform/http/openapi";
import { ListQuery as JobListQuery } from "../jobs/jobs.routes";
import { JobStreamSchema } from "./jobstream";

const hwaProblems = problemResponses(400, 401, 403, 404, 409, 429, 502, 503, 504);

export const ListQuery = JobListQuery.pick({
  status: true,
  common_status: true,
  workstation: true,
  name: true,
  limit: true,
  cursor: true,
  engine: true,
});

export const list = createRoute({
  method: "get",
  path: "/api/v1/jobstreams",
  tags: ["jobstreams"],
  summary: "Job streams in the current plan",
  middleware: onEngine("viewer"),
  request: { query: ListQuery },
  responses: {
    200: {
      description: "A page of job streams",
      headers: cachedReadHeaders,
      content: {
        "application/json": {
          schema: z
            .object({ items: z.array(JobStreamSchema), next_cursor: z.string().nullable() })
            .openapi("JobStreamPage"),
        },
      },
    },
    ...hwaProblems,
  },
});

export const show = createRoute({
  method: "get",
  path: "/api/v1/jobstreams/{id}",
  tags: ["jobstreams"],
  summary: "One job stream",
  middleware: onEngine("viewer"),
  request: {
    query: z.strictObject(engineQuery),
    params: z.object({
      id: z
        .string()
        .min(1)
        .max(256)
        .openapi({ param: { name: "id", in: "path" } }),
    }),
  },
  responses: {
    200: {
      description: "The job stream",
      headers: cachedReadHeaders,
      content: { "application/json": { schema: JobStreamSchema } },
    },
    ...problemResponses(404),
    ...hwaProblems,
  },
});
