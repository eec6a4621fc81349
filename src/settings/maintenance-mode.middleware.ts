import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../platform/http/app-env";
import { scopeOf } from "../platform/http/scope";
import { currentMaintenance, maintenanceProblem } from "./maintenance";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface MaintenanceModeOptions {
  /** Paths whose unsafe requests stay open to everyone during maintenance (signing in, chat messages). */
  exempt: (path: string) => boolean;
}

/**
 * While maintenance is on, an unsafe request (POST/PUT/PATCH/DELETE) from anyone but an admin answers 503 with the
 * admin's message and `Retry-After`; reads are never refused. After authentication, which says who is an admin.
 */
export function maintenanceMode(options: MaintenanceModeOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.get("identity")?.role === "admin" || options.exempt(c.req.path))
      return next();
    const maintenance = await currentMaintenance(scopeOf(c));
    if (maintenance) throw maintenanceProblem(maintenance);
    return next();
  };
}
