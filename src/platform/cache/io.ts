import type { Scope } from "../scope/scope";
import type { CacheIo } from "./refresh";

/** The shared tiers and the background work of whoever reads: a request, a Durable Object, a consumer. */
export function cacheIoOf(scope: Scope): CacheIo {
  return {
    kv: scope.env.CACHE,
    coalescer: scope.env.COALESCER,
    waitUntil: (promise) => scope.waitUntil(promise),
    log: scope.log,
  };
}
