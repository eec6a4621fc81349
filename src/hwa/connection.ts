import type { Config } from "../platform/env/config";
import type { EngineTarget, Scope } from "../platform/scope/scope";
import { traceparentOf } from "../platform/observability/trace";
import { HwaClient, type HwaCredentials } from "./client";
import { HwaError } from "./errors";
import { UpstreamGuard } from "./resilience";

// One guard (breaker, bulkhead) per engine per isolate, so every request of the isolate shares its state, and one
// engine's outage opens only its own breaker.
const guards = new Map<string, UpstreamGuard>();
/** Engines the registry holds at most (src/engines), and a margin for URLs changed while the isolate lives. */
const MAX_GUARDS = 48;

/** The guard of one engine (by name and URL: an engine moved to another URL starts with a closed breaker). */
export function guardFor(baseUrl: string, engine = "default"): UpstreamGuard {
  const key = `${engine}\u0000${baseUrl}`;
  let guard = guards.get(key);
  if (!guard) {
    if (guards.size >= MAX_GUARDS) guards.delete(guards.keys().next().value!);
    guard = new UpstreamGuard(undefined, engine);
    guards.set(key, guard);
  }
  return guard;
}

export function credentialsOf(config: Config): HwaCredentials {
  if (config.HWA_API_KEY) return { apiKey: config.HWA_API_KEY };
  return { username: config.HWA_USERNAME ?? "", password: config.HWA_PASSWORD ?? "" };
}

/** The engine the environment configures (HWA_BASE_URL): the registry's `default` engine until an admin says otherwise. */
export function environmentEngine(config: Config): EngineTarget | undefined {
  if (!config.HWA_BASE_URL) return undefined;
  return {
    name: "default",
    baseUrl: config.HWA_BASE_URL,
    credentials: credentialsOf(config),
    cacheNamespace: "",
    isDefault: true,
    sole: true,
  };
}

/** The HWA client for this piece of work: its engine's guard, the work's trace and correlation ids. */
export function hwa(scope: Scope): HwaClient {
  const engine = scope.engine ?? environmentEngine(scope.config);
  if (!engine) throw new HwaError("not-configured", "HWA_BASE_URL is not configured");
  return new HwaClient({
    baseUrl: engine.baseUrl,
    credentials: engine.credentials,
    guard: guardFor(engine.baseUrl, engine.name),
    engine: engine.name,
    traceparent: traceparentOf(scope.trace),
    correlationId: scope.correlationId,
  });
}
