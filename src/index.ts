import { createApp } from "./app";
import { consumeAuditEvents } from "./audit";
import { scheduled } from "./maintenance/scheduled";
import { consumeNotifications, isNotifyQueue, NOTIFICATIONS_CRON, notificationsCron } from "./notifications";
import type { Bindings } from "./platform/env/bindings";

export { ChatSession } from "../durable-objects/chat-session";
export { Coalescer } from "../durable-objects/coalescer";
export { IdempotencyStore } from "../durable-objects/idempotency-store";
export { LoginGuard } from "../durable-objects/login-guard";
export { WorkflowRun } from "../durable-objects/workflow-run";
export { Settings } from "../durable-objects/settings";
export { PlanWatcher } from "../durable-objects/plan-watcher";
export { ConsoleFeed } from "../durable-objects/console-feed";

const app = createApp();

export default {
  fetch: app.fetch,
  scheduled: (controller, env) =>
    controller.cron === NOTIFICATIONS_CRON ? notificationsCron(env) : scheduled(controller, env),
  queue: (batch, env) =>
    isNotifyQueue(batch.queue) ? consumeNotifications(batch, env) : consumeAuditEvents(batch, env),
} satisfies ExportedHandler<Bindings>;
