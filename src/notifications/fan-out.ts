import type { Database } from "../platform/db/client";
import type { Bindings } from "../platform/env/bindings";
import { eventMatches } from "../subscriptions/match";
import { consumeOneShot, type Subscription } from "../subscriptions/store";
import { deliveriesOf } from "./deliveries";
import type { NotificationEvent } from "./events";
import { sendNotify } from "./messages";

/**
 * An event to every subscription that asked for it: one delivery record each (created once, however often the event
 * arrives), one queue message per delivery still pending, and only then a one-shot subscription marked used — so a
 * crash anywhere in between is repaired by the event's next arrival.
 */
export async function fanOut(
  env: Bindings,
  db: Database,
  subscriptions: readonly Subscription[],
  event: NotificationEvent,
  now: number,
): Promise<number> {
  const matching = subscriptions.filter(
    (subscription) => subscription.events.includes(event.kind) && eventMatches(subscription.match, event),
  );
  const deliveries = await deliveriesOf(db, event, matching);
  const pending = deliveries.filter((delivery) => delivery.status === "pending");
  await sendNotify(
    env,
    pending.map((delivery) => ({ kind: "delivery", delivery_id: delivery.id })),
  );
  const oneShots = new Set(matching.filter((s) => s.oneShot).map((s) => s.id));
  for (const delivery of deliveries)
    if (oneShots.has(delivery.subscriptionId)) await consumeOneShot(db, delivery.subscriptionId, new Date(now));
  return pending.length;
}
