import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../platform/http/app-env";
import { readConfig } from "../platform/env/config";
import type { health, ready } from "./health.routes";
import { checkReadiness } from "./readiness";

export const liveness: RouteHandler<typeof health, AppEnv> = (c) => c.json({ status: "ok" as const }, 200);

export const readiness: RouteHandler<typeof ready, AppEnv> = async (c) => {
  const result = await checkReadiness(c.env, readConfig(c.env));
  return c.json(result, result.status === "unavailable" ? 503 : 200);
};
