import { metrics } from "../platform/observability/metrics";

/** Per isolate, like every metric here: the consumer's counts are in the isolate that ran the batch. */
export const notificationsCounted = metrics.counter(
  "resync_notifications_total",
  "Notifications by target (webhook format or console) and result: sent, failed (dead letter), retried, held (quiet hours), missed (no console connected), dropped (subscription gone).",
);
export const eventsEmitted = metrics.counter(
  "resync_notification_events_total",
  "Plan events the watcher emitted, by kind.",
);
export const watcherLooks = metrics.counter(
  "resync_plan_watcher_looks_total",
  "Looks of the plan watcher at HWA, by result (ok, unreachable).",
);
export const queueMessages = metrics.counter(
  "resync_notify_queue_messages_total",
  "NOTIFY queue messages handled, by kind (event, delivery) and result (done, retried, invalid).",
);
