import type { AppRouteHandler } from "../platform/http/router";
import { readConfig } from "../platform/env/config";
import type { health, ready } from "./health.routes";
import { checkReadiness } from "./readiness";

export const liveness: AppRouteHandler<typeof health> = (c) => c.json({ status: "ok" as const }, 200);

export const readiness: AppRouteHandler<typeof ready> = async (c) => {
  const result = await checkReadiness(c.env, readConfig(c.env));
  return c.json(result, result.status === "unavailable" ? 503 : 200);
};
