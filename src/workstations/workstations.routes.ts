import { createRoute, z } from "@hono/zod-openapi";
import { cachedReadHeaders } from "../platform/http/cached-read";
import { problemResponses } from "../platform/http/openapi";
import { engineQuery, onEngine } from "../engines/engine-choice.middleware";

export const WorkstationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    folder: z.string().nullable(),
    type: z.string().nullable(),
    active_states: z.array(z.string()),
    linked: z.boolean(),
    limit: z.number().int().nullable(),
    fence: z.number().int().nullable(),
    os: z.string().nullable(),
    node_name: z.string().nullable(),
    version: z.string().nullable(),
  })
  .openapi("Workstation");

export const list = createRoute({
  method: "get",
  path: "/api/v1/workstations",
  tags: ["workstations"],
  summary: "Workstations of the current plan",
  middleware: onEngine("viewer"),
  request: { query: z.strictObject(engineQuery) },
  responses: {
    200: {
      description: "Workstations",
      headers: cachedReadHeaders,
      content: { "application/json": { schema: z.object({ items: z.array(WorkstationSchema) }) } },
    },
    ...problemResponses(400, 401, 403, 404, 409, 429, 502, 503, 504),
  },
});
