import type { Config } from "../platform/env/config";
import type { Scope } from "../platform/scope/scope";
import { traceparentOf } from "../platform/observability/trace";
import { HwaClient, type HwaCredentials } from "./client";
import { HwaError } from "./errors";
import { UpstreamGuard } from "./resilience";

// One guard (breaker, bulkhead) per engine per isolate, so every request of the isolate shares its state.
const guards = new Map<string, UpstreamGuard>();
const MAX_ENGINES = 8;

export function guardFor(baseUrl: string): UpstreamGuard {
  let guard = guards.get(baseUrl);
  if (!guard) {
    if (guards.size >= MAX_ENGINES) guards.delete(guards.keys().next().value!);
    guard = new UpstreamGuard();
    guards.set(baseUrl, guard);
  }
  return guard;
}

export function credentialsOf(config: Config): HwaCredentials {
  if (config.HWA_API_KEY) return { apiKey: config.HWA_API_KEY };
  return { username: config.HWA_USERNAME ?? "", password: config.HWA_PASSWORD ?? "" };
}

/** The HWA client for this piece of work: the isolate's guard, the work's trace and correlation ids. */
export function hwa(scope: Scope): HwaClient {
  const config = scope.config;
  if (!config.HWA_BASE_URL) throw new HwaError("not-configured", "HWA_BASE_URL is not configured");
  return new HwaClient({
    baseUrl: config.HWA_BASE_URL,
    credentials: credentialsOf(config),
    guard: guardFor(config.HWA_BASE_URL),
    traceparent: traceparentOf(scope.trace),
    correlationId: scope.correlationId,
  });
}
