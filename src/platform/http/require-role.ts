import type { Context, MiddlewareHandler } from "hono";
import { auditOutcome } from "../audit/writer";
import type { Role } from "../db/schema";
import type { AppEnv } from "./app-env";
import { Problem } from "./problem";
import { type Identity, roleAllows } from "../auth/identity";
import { scopeOf } from "./scope";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The caller's identity; 401 without valid credentials. */
export function identityOrRefuse(c: Context<AppEnv>): Identity {
  const identity = c.get("identity");
  if (!identity) {
    throw new Problem({
      status: 401,
      kind: "unauthenticated",
      detail: c.get("credentialProblem") ?? "Authentication is required",
    });
  }
  return identity;
}

/**
 * 403 when `has` is below `role`; a refused attempt to change something is audited as `denied` (`http.<method>` on
 * the path), with `where` (e.g. the engine) in its metadata and the refusal's words.
 */
export async function refuseBelow(
  c: Context<AppEnv>,
  has: Role,
  role: Role,
  where: { engine?: string } = {},
): Promise<void> {
  if (roleAllows(has, role)) return;
  if (!SAFE_METHODS.has(c.req.method)) {
    await auditOutcome(scopeOf(c), {
      action: `http.${c.req.method.toLowerCase()}`,
      target: c.req.path,
      outcome: "denied",
      metadata: { role: has, required_role: role, ...where },
    });
  }
  const on = where.engine ? ` on engine ${where.engine}` : "";
  throw new Problem({ status: 403, kind: "forbidden", detail: `This action requires the ${role} role${on}` });
}

/** Declared on each route: 401 without valid credentials, 403 when the caller's role is below `role`. */
export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await refuseBelow(c, identityOrRefuse(c).role, role);
    return next();
  };
}
