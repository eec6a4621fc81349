import type { Context } from "hono";
import { readConfig } from "../env/config";
import type { Scope } from "../scope/scope";
import type { AppEnv } from "./app-env";
import { clientIp } from "./client-ip";

/**
 * The request as services see it. Built when a handler first asks (after authentication), then kept for the
 * request; its actor is the identity authentication established.
 */
export function scopeOf(c: Context<AppEnv>): Scope {
  let scope = c.get("scope");
  if (scope) return scope;
  const identity = c.get("identity");
  scope = {
    env: c.env,
    get config() {
      return readConfig(c.env);
    },
    log: c.get("log"),
    correlationId: c.get("correlationId"),
    trace: c.get("trace"),
    ...(identity
      ? {
          actor: {
            username: identity.username,
            role: identity.role,
            ...(identity.engineRoles ? { engineRoles: identity.engineRoles } : {}),
            ...(identity.defaultEngine ? { defaultEngine: identity.defaultEngine } : {}),
          },
        }
      : {}),
    ip: clientIp(c.req.raw.headers),
    waitUntil: (promise) => c.executionCtx.waitUntil(promise),
  };
  c.set("scope", scope);
  return scope;
}
