import type { Bindings } from "../platform/env/bindings";
import { readConfig } from "../platform/env/config";
import { database } from "../platform/db/client";
import { createLogger } from "../platform/observability/logger";
import { runRetention } from "./retention";

/** Cron Triggers: retention of audit events and workflow runs. A failed job fails the invocation, after the others ran. */
export async function scheduled(controller: ScheduledController, env: Bindings): Promise<void> {
  const config = readConfig(env);
  const log = createLogger(config.LOG_LEVEL, { cron: controller.cron, correlation_id: crypto.randomUUID() });
  const report = await runRetention(await database(config), config, log, new Date(controller.scheduledTime));
  if (report.failed.length > 0) throw new Error(`retention failed for: ${report.failed.join(", ")}`);
}
