import type { AuditRow } from "./query";

/** An audit row in the API's words. */
export function eventView(row: AuditRow) {
  return {
    id: row.eventId,
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    target: row.target,
    outcome: row.outcome,
    correlation_id: row.correlationId,
    ip: row.ip,
    metadata: row.metadata as Record<string, unknown> | null,
  };
}

export type EventView = ReturnType<typeof eventView>;
