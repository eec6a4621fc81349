import { database } from "../platform/db/client";
import type { Bindings } from "../platform/env/bindings";
import { readConfig } from "../platform/env/config";
import { purgeDeliveries } from "./deliveries";
import { startWatching } from "./watcher";

/**
 * The notifications' cron (wrangler.toml): re-arms the plan watcher of each enabled engine if it ever stopped, and
 * keeps deliveries bounded.
 */
export const NOTIFICATIONS_CRON = "*/5 * * * *";
/** Sent and missed deliveries are kept this long (dead letters until an admin retries them or their subscription goes). */
const KEEP_DELIVERIES_MS = 30 * 24 * 60 * 60_000;
/** Rows removed per run: a backlog shrinks over a few runs without holding the database. */
const PURGE_LIMIT = 1_000;

export async function notificationsCron(env: Bindings, now = Date.now()): Promise<void> {
  await startWatching(env);
  await purgeDeliveries(await database(readConfig(env)), new Date(now - KEEP_DELIVERIES_MS), PURGE_LIMIT);
}
