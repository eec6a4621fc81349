import type { NotificationEvent } from "./events";
import type { Wording } from "./text";

// A notification's body in each webhook format: Resync's own JSON, a Microsoft Teams message holding an Adaptive
// Card, a Slack message in Block Kit. Every format carries the same wording; the JSON also the whole event.

export type WebhookFormat = "json" | "teams" | "slack";

export interface Notification {
  /** The delivery's id: the same on every retry, so a receiver can tell a repeat. */
  id: string;
  subscriptionId: string;
  event: NotificationEvent;
  wording: Wording;
  language: "en" | "pt";
}

function json(notification: Notification) {
  return {
    id: notification.id,
    subscription_id: notification.subscriptionId,
    event: notification.event,
    title: notification.wording.title,
    text: notification.wording.text,
    language: notification.language,
  };
}

/** A Teams incoming webhook (or Workflows) message with one Adaptive Card 1.4. */
function teams({ wording, event }: Notification) {
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            {
              type: "TextBlock",
              size: "Medium",
              weight: "Bolder",
              wrap: true,
              color: wording.tone === "bad" ? "Attention" : "Good",
              text: wording.title,
            },
            { type: "TextBlock", wrap: true, text: wording.text },
            { type: "FactSet", facts: wording.facts.map((fact) => ({ title: fact.name, value: fact.value })) },
            {
              type: "TextBlock",
              wrap: true,
              isSubtle: true,
              size: "Small",
              text: `${event.id} · ${event.detected_at}`,
            },
          ],
        },
      },
    ],
  };
}

/** Slack's mrkdwn treats &, < and > as markup. */
const escaped = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A Slack incoming webhook message: `text` for notifications and old clients, blocks for the rest. */
function slack({ wording, event }: Notification) {
  return {
    text: escaped(`${wording.title}: ${wording.text}`),
    blocks: [
      { type: "header", text: { type: "plain_text", text: wording.title.slice(0, 150) } },
      { type: "section", text: { type: "mrkdwn", text: escaped(wording.text) } },
      {
        type: "section",
        fields: wording.facts.slice(0, 10).map((fact) => ({
          type: "mrkdwn",
          text: `*${escaped(fact.name)}*\n${escaped(fact.value)}`,
        })),
      },
      { type: "context", elements: [{ type: "mrkdwn", text: escaped(`${event.id} · ${event.detected_at}`) }] },
    ],
  };
}

/** The request body for a format, as the exact text that is signed and sent. */
export function webhookBody(format: WebhookFormat, notification: Notification): string {
  const bodies = { json, teams, slack };
  return JSON.stringify(bodies[format](notification));
}
