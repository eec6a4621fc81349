import { sql } from "drizzle-orm";
import { DURABLE_OBJECT_BINDINGS, type Bindings } from "../platform/env/bindings";
import type { Config } from "../platform/env/config";
import { database } from "../platform/db/client";
import { readinessProbes } from "../platform/db/schema";
import { withTimeout } from "../platform/services/timeout";
import { authorizationOf } from "../hwa/client";
import { credentialsOf } from "../hwa/connection";

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
    const detail = error instanceof Error && error.name === "TimeoutError" ? error.message : `${name} check failed`;
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

/** HWA is not critical: when the engine is down Resync still serves cached reads and its own data. */
function checkHwa(config: Config): Promise<ComponentHealth> {
  if (!config.HWA_BASE_URL) return Promise.resolve({ status: "not_configured", latency_ms: 0, critical: false });
  const base = config.HWA_BASE_URL.replace(/\/$/, "");
  const headers = { Accept: "application/json", Authorization: authorizationOf(credentialsOf(config)) };
  return timed(
    false,
    async () => {
      const response = await fetch(`${base}/api/v2/engine/info`, { headers });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`HWA answered ${response.status}`);
    },
    "hwa",
  );
}

export interface Readiness {
  status: "ok" | "degraded" | "unavailable";
  components: {
    libsql: ComponentHealth;
    kv: ComponentHealth;
    durable_objects: ComponentHealth & { namespaces: Record<string, ComponentHealth> };
    hwa: ComponentHealth;
  };
}

/** Checks every dependency in parallel; unavailable when a critical one fails, degraded when another does. */
export async function checkReadiness(env: Bindings, config: Config): Promise<Readiness> {
  const [libsql, kv, durable_objects, hwa] = await Promise.all([
    checkLibsql(config),
    checkKv(env),
    checkDurableObjects(env),
    checkHwa(config),
  ]);
  const components = { libsql, kv, durable_objects, hwa };
  const failing = (Object.values(components) as ComponentHealth[]).filter((component) => component.status === "error");
  const status = failing.some((c) => c.critical) ? "unavailable" : failing.length > 0 ? "degraded" : "ok";
  return { status, components };
}
