import { createRoute, OpenAPIHono, z, type RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import { hwa } from "../hwa/connection";
import { requireRole } from "../platform/auth/require-role";
import { cachedReadHeaders, cacheKeys, jsonText, readThrough, setCacheHeaders } from "../platform/cache";
import type { AppEnv } from "../platform/http/app-env";
import { problemResponses } from "../platform/http/openapi";
import { validationHook } from "../platform/http/validation";

// The engine itself: its version and its workstations.

const hwaProblems = problemResponses(401, 403, 429, 502, 503, 504);
/** Every page HWA allows; a plan has tens of workstations, so one call holds them all. */
const WORKSTATION_PAGE = 500;

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
    200: { description: "Workstations", headers: cachedReadHeaders, content: { "application/json": { schema: z.object({ items: z.array(WorkstationSchema) }) } } },
    ...hwaProblems,
  },
});

const engine = createRoute({
  method: "get",
  path: "/api/v1/engine",
  tags: ["engine"],
  summary: "The HWA engine's version, license, locale and time zone",
  middleware: requireRole("viewer"),
  responses: { 200: { description: "Engine info", headers: cachedReadHeaders, content: { "application/json": { schema: EngineSchema } } }, ...hwaProblems },
});

async function loadWorkstations(c: Context<AppEnv>) {
  const result = await hwa(c).listWorkstations({ limit: WORKSTATION_PAGE, offset: 0 });
  return result.results.map((w) => ({
    id: w.id,
    name: w.name,
    folder: w.folder ?? null,
    type: w.type ?? null,
    active_states: w.activeStates ?? [],
    linked: (w.activeStates ?? []).includes("LINKED"),
    limit: w.limit ?? null,
    fence: w.fence ?? null,
    os: w.os ?? null,
    node_name: w.nodeName ?? null,
    version: w.version ?? null,
  }));
}

const listWorkstations: RouteHandler<typeof workstations, AppEnv> = async (c) => {
  const read = await readThrough(c, { resource: "workstations", key: cacheKeys.workstations(WORKSTATION_PAGE), load: () => loadWorkstations(c) });
  setCacheHeaders(c, read);
  return jsonText<{ items: Workstation[] }>(c, `{"items":${read.json}}`);
};

async function loadEngine(c: Context<AppEnv>) {
  const info = await hwa(c).engineInfo();
  return {
    display_version: info.displayVersion ?? null,
    full_version: info.fullVersion ?? null,
    license_type: info.licenseType ?? null,
    locale: info.locale ?? null,
    timezone: info.timezone ?? null,
  };
}

const engineInfo: RouteHandler<typeof engine, AppEnv> = async (c) => {
  const read = await readThrough(c, { resource: "engine", key: cacheKeys.engine(), load: () => loadEngine(c) });
  setCacheHeaders(c, read);
  return jsonText<Engine>(c, read.json);
};

export const engineRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(workstations, listWorkstations).openapi(engine, engineInfo);
