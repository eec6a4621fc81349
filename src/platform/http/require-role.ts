import type { MiddlewareHandler } from "hono";
import { auditOutcome } from "../audit/writer";
import type { Role } from "../db/schema";
import type { AppEnv } from "./app-env";
import { Problem } from "./problem";
import { roleAllows } from "../auth/identity";
import { scopeOf } from "./scope";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Declared on each route: 401 without valid credentials, 403 when the caller's role is below `role`. A refused
 * attempt to change something is audited as `denied` (`http.<method>` on the path).
 */
export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const identity = c.get("identity");
    if (!identity) {
      throw new Problem({
        status: 401,
        kind: "unauthenticated",
        detail: c.get("credentialProblem") ?? "Authentication is required",
      });
    }
    if (!roleAllows(identity.role, role)) {
      if (!SAFE_METHODS.has(c.req.method)) {
        await auditOutcome(scopeOf(c), {
          action: `http.${c.req.method.toLowerCase()}`,
          target: c.req.path,
          outcome: "denied",
          metadata: { role: identity.role, required_role: role },
        });
      }
      throw new Problem({ status: 403, kind: "forbidden", detail: `This action requires the ${role} role` });
    }
    return next();
  };
}
