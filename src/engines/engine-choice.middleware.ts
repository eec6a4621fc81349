import type { MiddlewareHandler } from "hono";
import { roleOnEngine } from "../platform/auth/identity";
import type { EngineRole } from "../platform/db/schema";
import type { AppEnv } from "../platform/http/app-env";
import { Problem } from "../platform/http/problem";
import { identityOrRefuse, refuseBelow } from "../platform/http/require-role";
import { scopeOf } from "../platform/http/scope";
import { withEngine } from "../platform/scope/scope";
import { resolveEngine } from "./registry";
import { ENGINE_NAME, EngineName, nameKeyOf } from "./names";

export { EngineName };

/** The `engine` query parameter every HWA-backed route takes. */
export const engineQuery = { engine: EngineName.optional() };

/**
 * Declared on every HWA-backed route instead of `requireRole`: 401 without credentials; the engine the request
 * names (path, then `?engine=`), else the user's default, else the registry's; 403 when the caller's role on that
 * engine (a per-engine grant, else their role) is below `role`. The request's scope then carries the engine, and
 * the answer says which one it was (`Resync-Engine`).
 */
export function onEngine(role: EngineRole): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const identity = identityOrRefuse(c);
    const fromPath = c.req.param("engine");
    const requested = fromPath ?? c.req.query("engine");
    if (requested !== undefined && !ENGINE_NAME.test(requested)) {
      throw new Problem({
        status: 400,
        kind: "validation-error",
        detail: "The request is invalid",
        errors: [{ path: fromPath !== undefined ? "param.engine" : "query.engine", message: "not an engine name" }],
      });
    }
    const scope = scopeOf(c);
    const engine = await resolveEngine(scope, requested, identity.defaultEngine);
    await refuseBelow(c, roleOnEngine(identity, nameKeyOf(engine.name)), role, { engine: engine.name });
    c.set("scope", withEngine(scope, engine));
    c.header("Resync-Engine", engine.name);
    return next();
  };
}
