import { createRouter } from "../platform/http/router";
import { listFailedHandler, openSocket, retryFailedHandler, watcherHandler } from "./notifications.handlers";
import { failed, retry, socket, watcher } from "./notifications.routes";

export const notificationRoutes = createRouter()
  .openapi(failed, listFailedHandler)
  .openapi(retry, retryFailedHandler)
  .openapi(watcher, watcherHandler)
  .openapi(socket, openSocket);

export { consumeNotifications } from "./consumer";
export { isNotifyQueue } from "./messages";
export { notificationsCron, NOTIFICATIONS_CRON } from "./scheduled";
