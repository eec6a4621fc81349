import { nameKeyOf } from "../engines/names";
import { registryOf } from "../engines/registry";
import type { Bindings } from "../platform/env/bindings";
import { backgroundScope } from "../platform/scope/scope";

/** The environment's engine (HWA_BASE_URL): the one watcher of a deployment without a registry. */
export const DEFAULT_ENGINE = "default";

/** The PlanWatcher object of an engine, one per engine name (`HML` and `hml` are one engine). */
export function planWatcher(env: Bindings, engine = DEFAULT_ENGINE) {
  return env.PLAN_WATCHER.get(env.PLAN_WATCHER.idFromName(nameKeyOf(engine)));
}

/**
 * Starts the watcher of every enabled engine of the registry unless it runs (an engine without a URL has none); the
 * cron calls it too, to re-arm them. A watcher whose engine is disabled or removed stops at its next look.
 * Returns the engines watched.
 */
export async function startWatching(env: Bindings, waitUntil?: (promise: Promise<unknown>) => void): Promise<string[]> {
  const scope = backgroundScope({ env, waitUntil: waitUntil ?? (() => undefined), logFields: { plan_watchers: true } });
  const engines = (await registryOf(scope)).entries
    .filter((entry) => entry.enabled && entry.baseUrl)
    .map((entry) => entry.name);
  await Promise.all(engines.map((engine) => planWatcher(env, engine).start(engine)));
  return engines;
}
