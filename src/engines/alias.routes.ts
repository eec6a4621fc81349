import { type RouteConfig, z } from "@hono/zod-openapi";
import type { ZodObject } from "zod";
import { EngineName } from "./engine-choice.middleware";

/**
 * The same route under `/api/v1/engines/{engine}/…` (`/api/v1/engines/HML/jobs/{id}`): the engine is part of the
 * path, so a link can never be followed on another engine. The path's engine wins over `?engine=`.
 */
export function engineAlias<R extends RouteConfig>(route: R): R {
  const engine = EngineName.openapi({ param: { name: "engine", in: "path" } });
  const given = route.request?.params as ZodObject | undefined;
  const params = given ? given.extend({ engine }) : z.object({ engine });
  return {
    ...route,
    path: route.path.replace(/^\/api\/v1\//, "/api/v1/engines/{engine}/"),
    summary: `${route.summary ?? ""} (on the engine the path names)`,
    request: { ...route.request, params },
  } as R;
}
