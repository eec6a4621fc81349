import type { Context } from "hono";
import { readConfig, type Config } from "../env/config";
import type { AppEnv } from "../http/app-env";
import { MemoryCache } from "./memory";
import type { CacheIo, ReadRequest } from "./refresh";
import { TieredCache, type Read } from "./tiered-cache";
import type { TypedResponse } from "hono";
import type { JSONParsed } from "hono/utils/types";

// This isolate's cache, created by the first request that needs it (no work at module scope).
let isolateCache: TieredCache | undefined;

export function cacheOfIsolate(config: Config): TieredCache {
  isolateCache ??= new TieredCache({
    memory: new MemoryCache({ maxEntries: config.CACHE_MAX_ENTRIES, maxBytes: config.CACHE_MAX_BYTES }),
  });
  return isolateCache;
}

/** What the cache needs from a request; Hono's Context is one. */
export interface CacheContext {
  env: AppEnv["Bindings"];
  executionCtx: Pick<ExecutionContext, "waitUntil">;
  get?: Context<AppEnv>["get"];
}

export function cacheIo(c: CacheContext): CacheIo {
  return {
    kv: c.env.CACHE,
    coalescer: c.env.COALESCER,
    waitUntil: (promise) => c.executionCtx.waitUntil(promise),
    log: c.get?.("log"),
  };
}

/**
 * Reads `key` through the cache tiers, loading it from HWA with `load` when no fresh enough copy exists.
 * With CACHE_DISABLED every read loads (and says "miss").
 */
export async function readThrough<T>(c: CacheContext, request: ReadRequest<T>): Promise<Read<T>> {
  const config = readConfig(c.env);
  if (config.CACHE_DISABLED) return uncached(await request.load());
  return cacheOfIsolate(config).read(cacheIo(c), request);
}

/** A read that bypassed the cache: its JSON text is made only if asked for. */
function uncached<T>(value: T): Read<T> {
  let json: string | undefined;
  return {
    value,
    source: "miss",
    ageSeconds: 0,
    get json() {
      json ??= JSON.stringify(value) ?? "null";
      return json;
    },
  };
}

/**
 * A 200 `application/json` answer whose body is JSON text already made (a cached value, or one assembled from it),
 * typed as the `T` it encodes: the same bytes `c.json(value)` would send, without serializing again.
 */
export function jsonText<T>(c: Context<AppEnv>, text: string): Response & TypedResponse<JSONParsed<T>, 200, "json"> {
  return c.body(text, 200, { "Content-Type": "application/json" }) as unknown as Response &
    TypedResponse<JSONParsed<T>, 200, "json">;
}

/** Says where the answer came from: `Resync-Cache: hit|miss|coalesced` or `stale; age=N`, and `Age`. */
export function setCacheHeaders(c: Context<AppEnv>, read: Read<unknown>): void {
  c.header("Resync-Cache", read.source === "stale" ? `stale; age=${read.ageSeconds}` : read.source);
  c.header("Age", String(read.ageSeconds));
}

/**
 * Forgets cached values after a change in HWA: keys, or prefixes ending in `*` (see `cacheKeys`). A read in this
 * isolate never again shows a value fetched before this call; other isolates converge within the value's fresh period.
 */
export async function invalidate(c: CacheContext, targets: readonly string[]): Promise<void> {
  await cacheOfIsolate(readConfig(c.env)).invalidate(cacheIo(c), targets);
}
