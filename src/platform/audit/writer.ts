import type { Scope } from "../scope/scope";
import { auditEvents } from "../db/schema";
import { database, type Database } from "../db/client";
import { describeError } from "../observability/logger";
import { metrics } from "../observability/metrics";
import { redact } from "./redact";

export type AuditOutcome = "success" | "failure" | "denied";

/** One state change: who did what to which target, and how it ended. */
export interface AuditEvent {
  /** Default: the scope's actor, else "system". */
  actor?: string;
  action: string;
  target?: string;
  outcome: AuditOutcome;
  metadata?: Record<string, unknown>;
  correlationId?: string;
  ip?: string;
  at?: Date;
}

const written = metrics.counter(
  "resync_audit_events_total",
  "Audit events by outcome of the write (written or failed).",
);

/** Appends one event; secrets in metadata are redacted before they reach the database. */
export async function appendAuditEvent(db: Database, event: AuditEvent): Promise<void> {
  await db.insert(auditEvents).values({
    at: event.at ?? new Date(),
    actor: event.actor ?? "system",
    action: event.action,
    target: event.target ?? null,
    outcome: event.outcome,
    correlationId: event.correlationId ?? null,
    ip: event.ip ?? null,
    metadata: event.metadata ? redact(event.metadata) : null,
  });
}

/**
 * Records an event after the response is sent: a failed write is logged and counted,
 * and never delays or fails the request it describes.
 */
export function audit(scope: Scope, event: AuditEvent): Promise<void> {
  const log = scope.log;
  const full: AuditEvent = {
    actor: scope.actor?.username ?? "system",
    correlationId: scope.correlationId,
    ...(scope.ip ? { ip: scope.ip } : {}),
    ...event,
  };
  const write = (async () => {
    try {
      await appendAuditEvent(await database(scope.config), full);
      written.inc({ result: "written" });
    } catch (error) {
      written.inc({ result: "failed" });
      log?.error("audit write failed", { action: full.action, target: full.target, ...describeError(error) });
    }
  })();
  scope.waitUntil(write);
  return write;
}
