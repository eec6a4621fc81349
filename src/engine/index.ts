import { createRoute, OpenAPIHono, z, type RouteHandler } from "@hono/zod-openapi";
import { requireRole } from "../platform/auth/require-role";
import { cachedReadHeaders, jsonText, setCacheHeaders } from "../platform/cache";
import type { AppEnv } from "../platform/http/app-env";
import { problemResponses } from "../platform/http/openapi";
import { validationHook } from "../platform/http/validation";
import { readEngine, readWorkstations } from "./reads";

// The engine itself: its version and its workstations.

const hwaProblems = problemResponses(401, 403, 429, 502, 503, 504);

const WorkstationSchema = z
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

const EngineSchema = z
  .object({
    display_version: z.string().nullable(),
    full_version: z.string().nullable(),
    license_type: z.string().nullable(),
    locale: z.string().nullable(),
    timezone: z.string().nullable(),
  })
  .openapi("Engine");
type Workstation = z.infer<typeof WorkstationSchema>;
type Engine = z.infer<typeof EngineSchema>;

const workstations = createRoute({
  method: "get",
  path: "/api/v1/workstations",
  tags: ["engine"],
  summary: "Workstations of the current plan",
  middleware: requireRole("viewer"),
  responses: {
    200: {
      description: "Workstations",
      headers: cachedReadHeaders,
      content: { "application/json": { schema: z.object({ items: z.array(WorkstationSchema) }) } },
    },
    ...hwaProblems,
  },
});

const engine = createRoute({
  method: "get",
  path: "/api/v1/engine",
  tags: ["engine"],
  summary: "The HWA engine's version, license, locale and time zone",
  middleware: requireRole("viewer"),
  responses: {
    200: {
      description: "Engine info",
      headers: cachedReadHeaders,
      content: { "application/json": { schema: EngineSchema } },
    },
    ...hwaProblems,
  },
});

const listWorkstations: RouteHandler<typeof workstations, AppEnv> = async (c) => {
  const read = await readWorkstations(c);
  setCacheHeaders(c, read);
  return jsonText<{ items: Workstation[] }>(c, `{"items":${read.json}}`);
};

const engineInfo: RouteHandler<typeof engine, AppEnv> = async (c) => {
  const read = await readEngine(c);
  setCacheHeaders(c, read);
  return jsonText<Engine>(c, read.json);
};

export const engineRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(workstations, listWorkstations)
  .openapi(engine, engineInfo);
