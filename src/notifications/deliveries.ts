import { and, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../platform/db/client";
import { notificationDeliveries, subscriptions } from "../platform/db/schema";
import type { Subscription } from "../subscriptions/store";
import type { NotificationEvent } from "./events";

// Delivery records: one per event and subscription (unique), so a redelivered event is one notification.

export type DeliveryRow = typeof notificationDeliveries.$inferSelect;
export type DeliveryStatus = DeliveryRow["status"];

/** How long one try holds its delivery: longer than a webhook's timeout. */
const CLAIM_MS = 30_000;

/**
 * The deliveries of an event to these subscriptions, created once: a repeated call returns the same rows. A one-shot
 * subscription gets a delivery only if it has none for another event (its first event wins).
 */
export async function deliveriesOf(
  db: Database,
  event: NotificationEvent,
  targets: { id: string; oneShot: boolean }[],
): Promise<{ id: string; subscriptionId: string; status: DeliveryStatus }[]> {
  if (targets.length === 0) return [];
  const regular = targets.filter((target) => !target.oneShot);
  if (regular.length > 0) {
    await db
      .insert(notificationDeliveries)
      .values(
        regular.map((target) => ({
          id: crypto.randomUUID(),
          eventId: event.id,
          subscriptionId: target.id,
          event,
          status: "pending" as const,
        })),
      )
      .onConflictDoNothing();
  }
  for (const target of targets.filter((t) => t.oneShot)) {
    await db.run(sql`
      INSERT INTO ${notificationDeliveries} (id, event_id, subscription_id, event, status)
      SELECT ${crypto.randomUUID()}, ${event.id}, ${target.id}, ${JSON.stringify(event)}, 'pending'
      WHERE NOT EXISTS (SELECT 1 FROM ${notificationDeliveries}
                        WHERE subscription_id = ${target.id} AND event_id != ${event.id})
      ON CONFLICT DO NOTHING`);
  }
  return db
    .select({
      id: notificationDeliveries.id,
      subscriptionId: notificationDeliveries.subscriptionId,
      status: notificationDeliveries.status,
    })
    .from(notificationDeliveries)
    .where(
      and(
        eq(notificationDeliveries.eventId, event.id),
        inArray(
          notificationDeliveries.subscriptionId,
          targets.map((target) => target.id),
        ),
      ),
    );
}

/** A delivery with its subscription (undefined when the subscription was deleted or used up). */
export async function deliveryWithSubscription(
  db: Database,
  id: string,
): Promise<{ delivery: DeliveryRow; subscription: Subscription | undefined } | undefined> {
  const [row] = await db
    .select()
    .from(notificationDeliveries)
    .leftJoin(subscriptions, eq(subscriptions.id, notificationDeliveries.subscriptionId))
    .where(eq(notificationDeliveries.id, id));
  if (!row) return undefined;
  return {
    delivery: row.notification_deliveries,
    subscription: (row.subscriptions ?? undefined) as Subscription | undefined,
  };
}

/**
 * Takes a pending delivery for one try, counting it: true for one caller at a time (a copy of its message that
 * comes meanwhile finds it held).
 */
export async function claimDelivery(db: Database, id: string, now: number): Promise<boolean> {
  const result = await db
    .update(notificationDeliveries)
    .set({ claimedUntil: new Date(now + CLAIM_MS), attempts: sql`${notificationDeliveries.attempts} + 1` })
    .where(
      and(
        eq(notificationDeliveries.id, id),
        eq(notificationDeliveries.status, "pending"),
        or(isNull(notificationDeliveries.claimedUntil), lt(notificationDeliveries.claimedUntil, new Date(now))),
      ),
    );
  return result.rowsAffected === 1;
}

/** After a try: done (sent, missed, failed), or still pending for the next try. */
export async function settleDelivery(
  db: Database,
  id: string,
  status: DeliveryStatus,
  lastError: string | null,
  now: number,
): Promise<void> {
  await db
    .update(notificationDeliveries)
    .set({ status, lastError, claimedUntil: null, finishedAt: status === "pending" ? null : new Date(now) })
    .where(eq(notificationDeliveries.id, id));
}

/** Dead letters, newest event first (on the status and creation index). */
export function failedDeliveries(db: Database, limit: number, offset: number): Promise<DeliveryRow[]> {
  return db
    .select()
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.status, "failed"))
    .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id))
    .limit(limit)
    .offset(offset);
}

/** A dead letter back to pending with its tries counted from zero; false when it is not a dead letter. */
export async function reviveDelivery(db: Database, id: string): Promise<boolean> {
  const result = await db
    .update(notificationDeliveries)
    .set({ status: "pending", attempts: 0, lastError: null, finishedAt: null, claimedUntil: null })
    .where(and(eq(notificationDeliveries.id, id), eq(notificationDeliveries.status, "failed")));
  return result.rowsAffected === 1;
}

/** Removes up to `limit` finished deliveries (sent or missed) created before `before`; dead letters stay. */
export async function purgeDeliveries(db: Database, before: Date, limit: number): Promise<number> {
  const old = db
    .select({ id: notificationDeliveries.id })
    .from(notificationDeliveries)
    .where(
      and(inArray(notificationDeliveries.status, ["sent", "missed"]), lt(notificationDeliveries.createdAt, before)),
    )
    .limit(limit);
  const result = await db.delete(notificationDeliveries).where(inArray(notificationDeliveries.id, old));
  return result.rowsAffected;
}
