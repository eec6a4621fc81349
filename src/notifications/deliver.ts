import type { Database } from "../platform/db/client";
import type { Bindings } from "../platform/env/bindings";
import { readConfig } from "../platform/env/config";
import type { Logger } from "../platform/observability/logger";
import { webhookSecret } from "../subscriptions/secret";
import type { Subscription } from "../subscriptions/store";
import type { Target } from "../subscriptions/subscription";
import { consoleFeed, consoleFrame } from "./console";
import { claimDelivery, deliveryWithSubscription, settleDelivery } from "./deliveries";
import type { NotificationEvent } from "./events";
import { webhookBody, type Notification } from "./formats";
import { sendNotify } from "./messages";
import { notificationsCounted } from "./metrics";
import { quietSecondsLeft } from "./quiet-hours";
import { notificationSettings } from "./settings";
import { signatureHeader } from "./signature";
import { wordingOf } from "./text";
import { postWebhook, type WebhookOutcome } from "./webhook";
import { dnsOverHttps, ResolverUnavailable, webhookUrlProblem, type Resolver } from "./webhook-url";

/** Tries of one delivery before it becomes a dead letter. */
export const MAX_TRIES = 10;
const FIRST_RETRY_SECONDS = 1;
const LONGEST_RETRY_SECONDS = 300;
/** The longest delay asked of the queue at a time (it allows more): quiet hours longer than this look again then. */
const LONGEST_DELAY_SECONDS = 43_200;

/**
 * The wait after the n-th failed try: exponential (1, 2, 4 … s, capped at 5 minutes) with jitter (between half and
 * all of it), or the receiver's Retry-After when that is longer.
 */
export function retryDelaySeconds(tries: number, retryAfterSeconds = 0, random = Math.random): number {
  const backoff = Math.min(LONGEST_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** (Math.max(1, tries) - 1));
  return Math.max(Math.ceil(backoff * (0.5 + random() / 2)), retryAfterSeconds);
}

/** What the queue should do with a delivery's message. */
export type DeliveryStep = { kind: "done" } | { kind: "retry"; delaySeconds: number };

export interface DeliveryContext {
  env: Bindings;
  db: Database;
  log: Logger;
  now: number;
  resolve?: Resolver;
}

type TryOutcome = WebhookOutcome | { kind: "missed" };

async function sendToWebhook(
  context: DeliveryContext,
  subscription: Subscription,
  { url, format }: Extract<Target, { kind: "webhook" }>,
  notification: Notification,
): Promise<TryOutcome> {
  const allowLoopback = notificationSettings(context.env).WEBHOOK_ALLOW_LOOPBACK;
  try {
    const problem = await webhookUrlProblem(url, allowLoopback, context.resolve ?? dnsOverHttps);
    if (problem) return { kind: "refused", reason: `the webhook URL ${problem}` };
  } catch (error) {
    if (error instanceof ResolverUnavailable) return { kind: "retry", reason: error.message };
    throw error;
  }
  const body = webhookBody(format, notification);
  const secret = await webhookSecret(readConfig(context.env), subscription.id, subscription.secretNonce ?? "");
  return postWebhook(url, body, {
    "Resync-Signature": await signatureHeader(secret, body, Date.now()),
    "Resync-Event": notification.event.kind,
    "Resync-Event-Id": notification.event.id,
    "Resync-Delivery": notification.id,
  });
}

async function sendToConsole(context: DeliveryContext, subscription: Subscription, notification: Notification) {
  const sockets = await consoleFeed(context.env, subscription.owner ?? "").deliver(consoleFrame(notification));
  return sockets > 0 ? { kind: "sent" as const, status: 200 } : { kind: "missed" as const };
}

/**
 * One try of one delivery: nothing when it is done already (a repeated message) or its subscription is gone; held
 * back during the subscription's quiet hours; else sent, and on failure retried with backoff until `MAX_TRIES`,
 * after which it is a dead letter for admins.
 */
export async function deliver(context: DeliveryContext, deliveryId: string): Promise<DeliveryStep> {
  const { db, now, log } = context;
  const found = await deliveryWithSubscription(db, deliveryId);
  if (found?.delivery.status !== "pending") return { kind: "done" };
  const { delivery, subscription } = found;
  if (!subscription) {
    notificationsCounted.inc({ target: "unknown", result: "dropped" });
    await settleDelivery(db, delivery.id, "missed", "the subscription no longer exists", now);
    return { kind: "done" };
  }
  const target = subscription.target.kind === "webhook" ? subscription.target.format : "console";
  const quiet = quietSecondsLeft(subscription.quietHours, now);
  if (quiet > 0) {
    // A new message, not a retry: waiting for quiet hours to end is not a failed try.
    await sendNotify(
      context.env,
      [{ kind: "delivery", delivery_id: delivery.id }],
      Math.min(quiet, LONGEST_DELAY_SECONDS),
    );
    notificationsCounted.inc({ target, result: "held" });
    return { kind: "done" };
  }
  if (!(await claimDelivery(db, delivery.id, now))) return { kind: "retry", delaySeconds: 30 };

  const tries = delivery.attempts + 1;
  const language = subscription.language === "pt" ? "pt" : "en";
  const event = delivery.event as NotificationEvent;
  const notification = {
    id: delivery.id,
    subscriptionId: subscription.id,
    event,
    wording: wordingOf(event, language),
    language,
  } as const;
  let outcome: TryOutcome;
  try {
    outcome =
      subscription.target.kind === "webhook"
        ? await sendToWebhook(context, subscription, subscription.target, notification)
        : await sendToConsole(context, subscription, notification);
  } catch (error) {
    log.error("notification delivery failed unexpectedly", { delivery_id: delivery.id, error: String(error) });
    outcome = { kind: "retry", reason: "an unexpected error" };
  }

  if (outcome.kind === "sent" || outcome.kind === "missed") {
    const status = outcome.kind === "sent" ? "sent" : "missed";
    await settleDelivery(db, delivery.id, status, status === "missed" ? "no console was connected" : null, Date.now());
    notificationsCounted.inc({ target, result: status });
    return { kind: "done" };
  }
  if (outcome.kind === "refused" || tries >= MAX_TRIES) {
    const reason = outcome.kind === "refused" ? outcome.reason : `${outcome.reason}, after ${tries} tries`;
    await settleDelivery(db, delivery.id, "failed", reason, Date.now());
    notificationsCounted.inc({ target, result: "failed" });
    log.warn("notification dead-lettered", { delivery_id: delivery.id, subscription_id: subscription.id, reason });
    return { kind: "done" };
  }
  await settleDelivery(db, delivery.id, "pending", outcome.reason, Date.now());
  notificationsCounted.inc({ target, result: "retried" });
  return { kind: "retry", delaySeconds: retryDelaySeconds(tries, outcome.retryAfterSeconds) };
}
