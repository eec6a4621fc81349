import { sql } from "drizzle-orm";
import { DURABLE_OBJECT_BINDINGS, type Bindings } from "../platform/env/bindings";
import type { Config } from "../platform/env/config";
import { database } from "../platform/db/client";
import { readinessProbes } from "../platform/db/schema";
import type { Scope } from "../platform/scope/scope";
import { withTimeout } from "../platform/services/timeout";
import { hwa } from "../hwa/connection";
import { HwaError } from "../hwa/errors";
import { RecentChecks } from "./recent-check";
import { registryOf, targetOf } from "../engines/registry";
import { withEngine } from "../platform/scope/scope";

export type ComponentStatus = "ok" | "error" | "not_configured";

export interface ComponentHealth {
  status: ComponentStatus;
  latency_ms: number;
  critical: boolean;
  detail?: string;
}

const CHECK_TIMEOUT_MS = 2_500;

/** Every Durable Object class of Resync answers `ping()` with a round trip through its own storage. */
interface Pingable {
  ping(): Promise<unknown>;
}

async function timed(critical: boolean, check: () => Promise<void>, name: string): Promise<ComponentHealth> {
  const started = Date.now();
  try {
    await withTimeout(name, CHECK_TIMEOUT_MS, check());
    return { status: "ok", latency_ms: Date.now() - started, critical };
  } catch (error) {
    // Our own words only: a timeout, or the HWA client's failure ("HWA circuit is open"), never a driver's message.
    const ours = error instanceof HwaError || (error instanceof Error && error.name === "TimeoutError");
    const detail = ours ? (error as Error).message : `${name} check failed`;
    return { status: "error", latency_ms: Date.now() - started, critical, detail };
  }
}

/** A write and a read of one row: proves the database is reachable and takes writes. */
function checkLibsql(config: Config): Promise<ComponentHealth> {
  return timed(
    true,
    async () => {
      const db = await database(config);
      const now = new Date();
      await db
        .insert(readinessProbes)
        .values({ id: "readiness", checkedAt: now })
        .onConflictDoUpdate({ target: readinessProbes.id, set: { checkedAt: now } });
      const row = await db
        .select({ checkedAt: readinessProbes.checkedAt })
        .from(readinessProbes)
        .where(sql`${readinessProbes.id} = 'readiness'`)
        .get();
      if (!row) throw new Error("probe row missing after write");
    },
    "libsql",
  );
}

/** A read only: KV allows one write per second per key, which frequent probes would exceed. */
function checkKv(env: Bindings): Promise<ComponentHealth> {
  return timed(
    true,
    async () => {
      await env.CACHE.get("readiness:probe");
    },
    "kv",
  );
}

function durableObjectNamespaces(env: Bindings): [string, DurableObjectNamespace][] {
  return DURABLE_OBJECT_BINDINGS.map((name) => [name, env[name] as unknown as DurableObjectNamespace]);
}

/** One real round trip to every Durable Object namespace bound to the Worker. */
async function checkDurableObjects(
  env: Bindings,
): Promise<ComponentHealth & { namespaces: Record<string, ComponentHealth> }> {
  const started = Date.now();
  const entries = await Promise.all(
    durableObjectNamespaces(env).map(async ([binding, namespace]) => {
      const health = await timed(
        true,
        async () => {
          const stub = namespace.get(namespace.idFromName("readiness")) as unknown as Pingable;
          await stub.ping();
        },
        binding,
      );
      return [binding, health] as const;
    }),
  );
  const failed = entries.some(([, health]) => health.status !== "ok");
  return {
    status: failed ? "error" : "ok",
    latency_ms: Date.now() - started,
    critical: true,
    namespaces: Object.fromEntries(entries),
  };
}

/**
 * HWA is not critical: when the engine is down Resync still serves cached reads and its own data. Through the
 * resilient client, so an open circuit or a full bulkhead answers at once instead of adding load to a failing engine.
 */
function checkHwa(scope: Scope): Promise<ComponentHealth> {
  if (!scope.engine && !scope.config.HWA_BASE_URL)
    return Promise.resolve({ status: "not_configured", latency_ms: 0, critical: false });
  return timed(
    false,
    async () => {
      await hwa(scope).engineInfo();
    },
    "hwa",
  );
}

/** Every enabled engine of the registry, each through its own breaker: one engine's outage is its line alone. */
async function checkEngines(
  scope: Scope,
): Promise<{ byName: Record<string, ComponentHealth>; default?: ComponentHealth }> {
  let copy: Awaited<ReturnType<typeof registryOf>>;
  try {
    copy = await registryOf(scope);
  } catch {
    return { byName: {} };
  }
  const enabled = copy.entries.filter((entry) => entry.enabled);
  const checks = await Promise.all(
    enabled.map(async (entry) => {
      let engineScope: Scope;
      try {
        engineScope = withEngine(scope, await targetOf(scope.config, copy, entry));
      } catch (error) {
        const detail = error instanceof Error && error.name === "Problem" ? error.message : "engine not usable";
        return [entry, { status: "error", latency_ms: 0, critical: false, detail } as ComponentHealth] as const;
      }
      return [entry, await checkHwa(engineScope)] as const;
    }),
  );
  const byName = Object.fromEntries(checks.map(([entry, health]) => [entry.name, health]));
  const defaultCheck = checks.find(([entry]) => entry === copy.defaultEntry)?.[1];
  return defaultCheck ? { byName, default: defaultCheck } : { byName };
}

export interface Readiness {
  status: "ok" | "degraded" | "unavailable";
  /** When the checks started (ISO-8601): answers are shared for up to READINESS_TTL_MS. */
  checked_at: string;
  components: {
    libsql: ComponentHealth;
    kv: ComponentHealth;
    durable_objects: ComponentHealth & { namespaces: Record<string, ComponentHealth> };
    /** The default engine (as before several engines existed). */
    hwa: ComponentHealth;
    /** Every enabled engine by name, the default included. */
    engines: Record<string, ComponentHealth>;
  };
}

/** Checks every dependency in parallel; unavailable when a critical one fails, degraded when another does. */
async function checkReadiness(scope: Scope, startedAt: number): Promise<Readiness> {
  const [libsql, kv, durable_objects, engines] = await Promise.all([
    checkLibsql(scope.config),
    checkKv(scope.env),
    checkDurableObjects(scope.env),
    checkEngines(scope),
  ]);
  const hwaHealth = engines.default ?? (await checkHwa(scope));
  const components = { libsql, kv, durable_objects, hwa: hwaHealth, engines: engines.byName };
  const failing = [libsql, kv, durable_objects, hwaHealth, ...Object.values(engines.byName)].filter(
    (component) => component.status === "error",
  );
  const status = failing.some((c) => c.critical) ? "unavailable" : failing.length > 0 ? "degraded" : "ok";
  return { status, checked_at: new Date(startedAt).toISOString(), components };
}

/** How long one check answers every caller of an isolate: probes cost nothing more, however many there are. */
export const READINESS_TTL_MS = 10_000;

// Every component check ends within CHECK_TIMEOUT_MS; a shared check that does not has lost its request.
const recentChecks = new RecentChecks<Readiness>(READINESS_TTL_MS, CHECK_TIMEOUT_MS + 1_000);

/** What the checks reach: one key per isolate in production (tests change the targets per request). */
function targetsOf(config: Config): string {
  return JSON.stringify([config.LIBSQL_URL, config.LIBSQL_AUTH_TOKEN, config.HWA_BASE_URL, config.HWA_USERNAME]);
}

/**
 * The readiness of this isolate's dependencies, checked at most once per READINESS_TTL_MS per isolate (a libSQL
 * write, a KV read, a ping of every Durable Object namespace, HWA through its breaker and bulkhead).
 */
export function readiness(scope: Scope, now = Date.now()): Promise<Readiness> {
  return recentChecks.get(targetsOf(scope.config), now, () => checkReadiness(scope, now));
}
