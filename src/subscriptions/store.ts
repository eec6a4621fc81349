import { and, asc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../platform/db/client";
import { notificationDeliveries, subscriptions } from "../platform/db/schema";
import type { EventKind } from "../notifications/events";
import type { Match, QuietHours, Target } from "./subscription";

export type SubscriptionRow = typeof subscriptions.$inferSelect;

/** A subscription as the services read it: its JSON columns typed. */
export interface Subscription extends Omit<SubscriptionRow, "events" | "match" | "target" | "quietHours"> {
  events: EventKind[];
  match: Match;
  target: Target;
  quietHours: QuietHours | null;
}

/** Active subscriptions a user may own; shared ones (owner null) count together against the same bound. */
export const MAX_SUBSCRIPTIONS_PER_OWNER = 50;

const typed = (row: SubscriptionRow) => row as Subscription;
const active = isNull(subscriptions.consumedAt);
const ownedBy = (owner: string | null): SQL =>
  owner === null ? isNull(subscriptions.owner) : eq(subscriptions.owner, owner);

/**
 * Inserts a subscription unless its owner (or the shared pool) already has `MAX_SUBSCRIPTIONS_PER_OWNER` active:
 * one statement, so concurrent creations cannot pass the bound. False when the bound refused it.
 */
export async function insertSubscription(
  db: Database,
  row: Omit<SubscriptionRow, "createdAt" | "updatedAt" | "consumedAt">,
): Promise<boolean> {
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  const result = await db.run(sql`
    INSERT INTO ${subscriptions} (id, owner, events, match, target, quiet_hours, language, one_shot, secret_nonce, created_by)
    SELECT ${row.id}, ${row.owner}, ${json(row.events)}, ${json(row.match)}, ${json(row.target)}, ${json(row.quietHours)},
           ${row.language}, ${row.oneShot ? 1 : 0}, ${row.secretNonce}, ${row.createdBy}
    WHERE (SELECT count(*) FROM ${subscriptions} WHERE ${ownedBy(row.owner)} AND ${active}) < ${MAX_SUBSCRIPTIONS_PER_OWNER}`);
  return result.rowsAffected === 1;
}

/** An active subscription by id. */
export async function findSubscription(db: Database, id: string): Promise<Subscription | undefined> {
  const [row] = await db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.id, id), active));
  return row && typed(row);
}

/** A user's active subscriptions, and the shared ones when `withShared` (admins). */
export async function listSubscriptions(db: Database, owner: string, withShared: boolean): Promise<Subscription[]> {
  const whose = withShared
    ? or(eq(subscriptions.owner, owner), isNull(subscriptions.owner))
    : eq(subscriptions.owner, owner);
  const rows = await db
    .select()
    .from(subscriptions)
    .where(and(whose, active))
    .orderBy(asc(subscriptions.createdAt), asc(subscriptions.id));
  return rows.map(typed);
}

/** Every active subscription: what an event is matched against. */
export async function activeSubscriptions(db: Database): Promise<Subscription[]> {
  return (await db.select().from(subscriptions).where(active)).map(typed);
}

/** Deletes a subscription and its deliveries (dead letters included); false when there was none. */
export async function deleteSubscription(db: Database, id: string): Promise<boolean> {
  const [, removed] = await db.batch([
    db.delete(notificationDeliveries).where(eq(notificationDeliveries.subscriptionId, id)),
    db.delete(subscriptions).where(eq(subscriptions.id, id)),
  ]);
  return removed.rowsAffected === 1;
}

/** Changes what an active subscription listens to, and when; false when there is none. */
export async function updateSubscription(
  db: Database,
  id: string,
  change: Pick<Subscription, "events" | "match" | "quietHours" | "language">,
): Promise<boolean> {
  const result = await db
    .update(subscriptions)
    .set({ ...change, updatedAt: new Date() })
    .where(and(eq(subscriptions.id, id), active));
  return result.rowsAffected === 1;
}

export async function replaceNonce(db: Database, id: string, nonce: string): Promise<boolean> {
  const result = await db
    .update(subscriptions)
    .set({ secretNonce: nonce, updatedAt: new Date() })
    .where(and(eq(subscriptions.id, id), active));
  return result.rowsAffected === 1;
}

/** Takes a one-shot subscription's only notification: true for the first caller, false for every later one. */
export async function consumeOneShot(db: Database, id: string, at: Date): Promise<boolean> {
  const result = await db
    .update(subscriptions)
    .set({ consumedAt: at })
    .where(and(eq(subscriptions.id, id), eq(subscriptions.oneShot, true), active));
  return result.rowsAffected === 1;
}

/** Exact job names that active `job.succeeded` subscriptions follow to their end. */
export async function followedJobNames(db: Database): Promise<string[]> {
  const rows = await db
    .select({ match: subscriptions.match })
    .from(subscriptions)
    .where(and(active, sql`${subscriptions.events} LIKE '%"job.succeeded"%'`));
  return [...new Set(rows.map((row) => (row.match as Match).job).filter((job): job is string => job !== undefined))];
}
