import { Problem } from "../http/problem";
import { describeError } from "../observability/logger";
import { metrics } from "../observability/metrics";
import type { Scope } from "../scope/scope";
import type { AuditEvent, QueuedAuditEvent } from "./event";
import { redact } from "./redact";

export type { AuditEvent, AuditOutcome } from "./event";

// Rule: no state change without its event queued — `audit` the attempt first (503 if refused), `auditOutcome` after.

const queued = metrics.counter(
  "resync_audit_events_queued_total",
  "Audit events sent to the AUDIT queue, by result (sent or failed).",
);

/** Metadata above this many bytes of JSON is replaced by a note of its size (a queue message holds 128 KB). */
const MAX_METADATA_BYTES = 32 * 1024;
const RETRY_AFTER_SECONDS = 5;

const clip = (value: string, max: number) => (value.length > max ? value.slice(0, max) : value);

function boundedMetadata(metadata: Record<string, unknown> | undefined): Record<string, unknown> | null {
  if (!metadata) return null;
  const redacted = redact(metadata) as Record<string, unknown>;
  const bytes = new TextEncoder().encode(JSON.stringify(redacted)).byteLength;
  return bytes > MAX_METADATA_BYTES ? { truncated: true, bytes } : redacted;
}

/** The event as queued: a fresh id, the time, the scope's actor, correlation id and client IP, bounded fields. */
function queuedEvent(scope: Scope, event: AuditEvent, now = Date.now()): QueuedAuditEvent {
  const ip = event.ip ?? scope.ip;
  return {
    id: crypto.randomUUID(),
    at: now,
    actor: clip(event.actor ?? scope.actor?.username ?? "system", 200),
    action: clip(event.action, 100),
    target: event.target === undefined ? null : clip(event.target, 500),
    outcome: event.outcome,
    correlation_id: clip(event.correlationId ?? scope.correlationId, 200),
    ip: ip ? clip(ip, 100) : null,
    metadata: boundedMetadata(event.metadata),
  };
}

async function send(scope: Scope, event: AuditEvent): Promise<QueuedAuditEvent> {
  const message = queuedEvent(scope, event);
  try {
    await scope.env.AUDIT.send(message, { contentType: "json" });
  } catch (error) {
    queued.inc({ result: "failed" });
    scope.log.error("audit event not queued", {
      action: message.action,
      target: message.target,
      ...describeError(error),
    });
    throw error;
  }
  queued.inc({ result: "sent" });
  return message;
}

/**
 * Queues an event that must exist before what it describes happens (an attempt, a login's outcome): awaited, and
 * when the queue refuses it, a 503 problem (`audit-unavailable`) the caller lets through instead of acting.
 */
export async function audit(scope: Scope, event: AuditEvent): Promise<void> {
  try {
    await send(scope, event);
  } catch {
    throw new Problem({
      status: 503,
      kind: "audit-unavailable",
      detail: "The audit trail cannot record this action right now, so it was not performed; try again shortly",
      headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
    });
  }
}

/**
 * Queues what came of an attempt, or a refusal: awaited, but a failure is only logged and counted. The change is
 * done (its attempt is on record) or nothing changed; failing the answer would invite a retry that acts twice.
 */
export async function auditOutcome(scope: Scope, event: AuditEvent): Promise<void> {
  await send(scope, event).catch(() => undefined);
}
