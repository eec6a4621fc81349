import type { Config } from "../../platform/env/config";
import { cacheIoOf } from "../../platform/cache/io";
import { MemoryCache } from "../../platform/cache/memory";
import type { ReadRequest } from "../../platform/cache/refresh";
import { TieredCache, uncachedRead, type Read } from "../../platform/cache/tiered-cache";
import type { Scope } from "../../platform/scope/scope";
import { inNamespace } from "./keys";
import { hwaCachePolicy, type HwaResource } from "./policy";

// This isolate's cache of HWA data, created by the first read that needs it (no work at module scope).
let isolateCache: TieredCache | undefined;

export function cacheOfIsolate(config: Config): TieredCache {
  isolateCache ??= new TieredCache({
    policy: hwaCachePolicy,
    memory: new MemoryCache({ maxEntries: config.CACHE_MAX_ENTRIES, maxBytes: config.CACHE_MAX_BYTES }),
  });
  return isolateCache;
}

/** One read of HWA data: its class (freshness), its key (see `cacheKeys`) and how to fetch it. */
export interface HwaRead<T> extends ReadRequest<T> {
  resource: HwaResource;
}

/**
 * Reads `key` through the cache tiers, loading it from HWA with `load` when no fresh enough copy exists.
 * With CACHE_DISABLED every read loads (and says "miss"). Keys are in the scope's engine's namespace.
 */
export async function readThrough<T>(scope: Scope, request: HwaRead<T>): Promise<Read<T>> {
  const config = scope.config;
  if (config.CACHE_DISABLED) return uncachedRead(await request.load());
  const namespace = scope.engine?.cacheNamespace ?? "";
  const read = namespace === "" ? request : { ...request, key: inNamespace(namespace, request.key) };
  return cacheOfIsolate(config).read(cacheIoOf(scope), read);
}

/**
 * Forgets cached values after a change in HWA: keys, or prefixes ending in `*` (see `cacheKeys`). A read in this
 * isolate never again shows a value fetched before this call; other isolates converge within the value's fresh period.
 */
export async function invalidate(scope: Scope, targets: readonly string[]): Promise<void> {
  const namespace = scope.engine?.cacheNamespace ?? "";
  const keys = namespace === "" ? targets : targets.map((target) => inNamespace(namespace, target));
  await cacheOfIsolate(scope.config).invalidate(cacheIoOf(scope), keys);
}
