import { QueuedAuditEventSchema, type QueuedAuditEvent } from "../platform/audit/event";
import { database, type Database } from "../platform/db/client";
import { auditEvents } from "../platform/db/schema";
import type { Bindings } from "../platform/env/bindings";
import { readConfig } from "../platform/env/config";
import { createLogger, describeError, logLevelOf } from "../platform/observability/logger";
import { metrics } from "../platform/observability/metrics";

/** As `max_retries` of the audit consumer in wrangler.toml: the delivery after this many retries is the last. */
export const MAX_RETRIES = 10;
const FIRST_RETRY_SECONDS = 1;
const LONGEST_RETRY_SECONDS = 300;

const batches = metrics.counter(
  "resync_audit_consumer_batches_total",
  "Audit batches taken from the queue, by result (inserted, or retried because libSQL failed).",
);
const events = metrics.counter(
  "resync_audit_consumer_events_total",
  "Audit events handled by the consumer, by result (inserted, duplicate, invalid, dead_lettered).",
);

/** Exponential backoff for the n-th delivery that failed (1, 2, 4 … seconds), capped at 5 minutes. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(LONGEST_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** (Math.max(1, attempts) - 1));
}

/** Inserts the events, ignoring any already there (a redelivered batch); returns how many were new. */
export async function insertEvents(db: Database, queued: QueuedAuditEvent[]): Promise<number> {
  if (queued.length === 0) return 0;
  const result = await db
    .insert(auditEvents)
    .values(
      queued.map((event) => ({
        eventId: event.id,
        at: new Date(event.at),
        actor: event.actor,
        action: event.action,
        target: event.target,
        outcome: event.outcome,
        correlationId: event.correlation_id,
        ip: event.ip,
        metadata: event.metadata,
      })),
    )
    .onConflictDoNothing({ target: auditEvents.eventId });
  return result.rowsAffected;
}

/** Later, with backoff; the retry of a message on its last delivery moves it to the dead-letter queue. */
function retryLater(message: Message<unknown>): void {
  if (message.attempts > MAX_RETRIES) events.inc({ result: "dead_lettered" });
  message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
}

/**
 * The AUDIT queue's consumer: one insert-or-ignore per batch, acknowledged once libSQL took it. While libSQL fails
 * every message is retried with backoff; a message that cannot be read is retried too, so it ends in the
 * dead-letter queue instead of vanishing.
 */
export async function consumeAuditEvents(batch: MessageBatch<unknown>, env: Bindings): Promise<void> {
  const log = createLogger(logLevelOf(env), { queue: batch.queue, correlation_id: crypto.randomUUID() });
  const readable: { message: Message<unknown>; event: QueuedAuditEvent }[] = [];
  for (const message of batch.messages) {
    const parsed = QueuedAuditEventSchema.safeParse(message.body);
    if (parsed.success) {
      readable.push({ message, event: parsed.data });
    } else {
      events.inc({ result: "invalid" });
      log.error("unreadable audit message", { message_id: message.id, attempts: message.attempts });
      retryLater(message);
    }
  }
  if (readable.length === 0) return;
  try {
    const inserted = await insertEvents(
      await database(readConfig(env)),
      readable.map((r) => r.event),
    );
    for (const { message } of readable) message.ack();
    batches.inc({ result: "inserted" });
    events.inc({ result: "inserted" }, inserted);
    events.inc({ result: "duplicate" }, readable.length - inserted);
  } catch (error) {
    batches.inc({ result: "retried" });
    log.warn("audit batch not inserted; retrying", { events: readable.length, ...describeError(error) });
    for (const { message } of readable) retryLater(message);
  }
}
