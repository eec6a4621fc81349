import type { Bindings } from "../platform/env/bindings";
import type { Notification } from "./formats";

// The console's side of notifications: a WebSocket per signed-in browser, held by the user's ConsoleFeed object.

/** A server frame of `GET /api/v1/notifications/ws`. */
export type ConsoleFrame =
  | { type: "info"; state: "connected" }
  | {
      type: "notification";
      id: string;
      subscription_id: string;
      event: Notification["event"];
      title: string;
      text: string;
      language: Notification["language"];
    };

export function consoleFrame(notification: Notification): ConsoleFrame {
  return {
    type: "notification",
    id: notification.id,
    subscription_id: notification.subscriptionId,
    event: notification.event,
    title: notification.wording.title,
    text: notification.wording.text,
    language: notification.language,
  };
}

/** One object per user: every console socket the user has open. */
export function consoleFeed(env: Bindings, username: string) {
  return env.CONSOLE_FEED.get(env.CONSOLE_FEED.idFromName(username));
}
