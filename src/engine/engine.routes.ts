import { createRoute, z } from "@hono/zod-openapi";
import { cachedReadHeaders } from "../platform/http/cached-read";
import { problemResponses } from "../platform/http/openapi";
import { engineQuery, onEngine } from "../engines/engine-choice.middleware";

export const EngineSchema = z
  .object({
    display_version: z.string().nullable(),
    full_version: z.string().nullable(),
    license_type: z.string().nullable(),
    locale: z.string().nullable(),
    timezone: z.string().nullable(),
  })
  .openapi("Engine");

export const engine = createRoute({
  method: "get",
  path: "/api/v1/engine",
  tags: ["engine"],
  summary: "The HWA engine's version, license, locale and time zone",
  middleware: onEngine("viewer"),
  request: { query: z.strictObject(engineQuery) },
  responses: {
    200: {
      description: "Engine info",
      headers: cachedReadHeaders,
      content: { "application/json": { schema: EngineSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 409, 429, 502, 503, 504),
  },
});
