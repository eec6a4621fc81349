import type { Context } from "hono";
import type { AppEnv } from "../platform/http/app-env";
import { sendsMetricsToken } from "../platform/http/metrics-token";
import type { AppRouteHandler } from "../platform/http/router";
import { scopeOf } from "../platform/http/scope";
import { currentMaintenance } from "../settings/maintenance";
import type { health, ready } from "./health.routes";
import { readiness as checkedReadiness } from "./readiness";

export const liveness: AppRouteHandler<typeof health> = (c) => c.json({ status: "ok" as const }, 200);

/** Who may see each component: the metrics scraper and admins; probes and everyone else see the status. */
async function showsComponents(c: Context<AppEnv>): Promise<boolean> {
  return c.get("identity")?.role === "admin" || (await sendsMetricsToken(c));
}

export const readiness: AppRouteHandler<typeof ready> = async (c) => {
  // Probes and load balancers are told about the maintenance window; the components need no checking then.
  const maintenance = await currentMaintenance(scopeOf(c));
  if (maintenance) return c.json({ status: "maintenance" as const, ...maintenance }, 503);
  const result = await checkedReadiness(scopeOf(c));
  const code = result.status === "unavailable" ? 503 : 200;
  return (await showsComponents(c)) ? c.json(result, code) : c.json({ status: result.status }, code);
};
