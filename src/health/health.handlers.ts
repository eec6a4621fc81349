import type { AppRouteHandler } from "../platform/http/router";
import { readConfig } from "../platform/env/config";
import { scopeOf } from "../platform/http/scope";
import { currentMaintenance } from "../settings/maintenance";
import type { health, ready } from "./health.routes";
import { checkReadiness } from "./readiness";

export const liveness: AppRouteHandler<typeof health> = (c) => c.json({ status: "ok" as const }, 200);

export const readiness: AppRouteHandler<typeof ready> = async (c) => {
  // Probes and load balancers are told about the maintenance window; the components need no checking then.
  const maintenance = await currentMaintenance(scopeOf(c));
  if (maintenance) return c.json({ status: "maintenance" as const, ...maintenance }, 503);
  const result = await checkReadiness(c.env, readConfig(c.env));
  return c.json(result, result.status === "unavailable" ? 503 : 200);
};
