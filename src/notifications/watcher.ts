import type { Bindings } from "../platform/env/bindings";
import { readConfig } from "../platform/env/config";

/** Today there is one engine, HWA_BASE_URL; its watcher is named so that more engines can have their own. */
export const DEFAULT_ENGINE = "default";

/** The PlanWatcher object of an engine. */
export function planWatcher(env: Bindings, engine = DEFAULT_ENGINE) {
  return env.PLAN_WATCHER.get(env.PLAN_WATCHER.idFromName(engine));
}

/** Starts the engine's watcher unless it runs (or HWA is not configured); the cron calls it too, to re-arm it. */
export async function startWatching(env: Bindings): Promise<void> {
  if (!readConfig(env).HWA_BASE_URL) return;
  await planWatcher(env).start(DEFAULT_ENGINE);
}
