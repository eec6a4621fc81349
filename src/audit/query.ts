import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Database } from "../platform/db/client";
import { auditEvents } from "../platform/db/schema";
import type { AuditOutcome } from "../platform/audit/event";

export type AuditRow = typeof auditEvents.$inferSelect;

/** What an operator narrows the trail by; every filter is served by an index in time order. */
export interface AuditFilters {
  actor?: string;
  /** An exact action, or `prefix.*` for every action under a prefix. */
  action?: string;
  target?: string;
  outcome?: AuditOutcome;
  /** Inclusive lower and exclusive upper bound of the event time. */
  since?: Date;
  until?: Date;
}

/** Where a page ends in newest-first order: the last row's time (ms) and id. */
export type Position = [at: number, id: number];

/**
 * `prefix.*` searches the family index (the action's first word) in time order; the GLOB, bound and so never used
 * for an index, keeps deeper prefixes (`workflow.run.*`) exact and leaves out an action that is the prefix itself.
 * The route admits only letters, digits, `_`, `-` and dots in a prefix: nothing GLOB would read as a wildcard.
 */
function actionConditions(action: string): SQL[] {
  if (!action.endsWith(".*")) return [eq(auditEvents.action, action)];
  const prefix = action.slice(0, -2);
  const family = prefix.split(".")[0]!;
  return [eq(auditEvents.actionFamily, family), sql`${auditEvents.action} GLOB ${`${prefix}.*`}`];
}

export function filterConditions(filters: AuditFilters, after?: Position): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.actor !== undefined) conditions.push(eq(auditEvents.actor, filters.actor));
  if (filters.action !== undefined) conditions.push(...actionConditions(filters.action));
  if (filters.target !== undefined) conditions.push(eq(auditEvents.target, filters.target));
  if (filters.outcome !== undefined) conditions.push(eq(auditEvents.outcome, filters.outcome));
  if (filters.since !== undefined) conditions.push(gte(auditEvents.at, filters.since));
  if (filters.until !== undefined) conditions.push(lt(auditEvents.at, filters.until));
  // A row value: SQLite searches the (…, at) index from the cursor on, the rowid breaking ties.
  if (after) conditions.push(sql`(${auditEvents.at}, ${auditEvents.id}) < (${after[0]}, ${after[1]})`);
  return and(...conditions);
}

/** One page, newest first, after `after`. */
export function pageQuery(db: Database, filters: AuditFilters, limit: number, after?: Position) {
  return db
    .select()
    .from(auditEvents)
    .where(filterConditions(filters, after))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
}

export function positionOf(row: AuditRow): Position {
  return [row.at.getTime(), row.id];
}
