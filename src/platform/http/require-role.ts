import type { MiddlewareHandler } from "hono";
import type { Role } from "../db/schema";
import type { AppEnv } from "./app-env";
import { Problem } from "./problem";
import { roleAllows } from "../auth/identity";

/** Declared on each route: 401 without valid credentials, 403 when the caller's role is below `role`. */
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
      throw new Problem({ status: 403, kind: "forbidden", detail: `This action requires the ${role} role` });
    }
    return next();
  };
}
