import { z } from "zod";

export const auditOutcomes = ["attempt", "success", "failure", "denied"] as const;
/** `attempt`: queued before a change is acted on; then one of the others says how it ended. */
export type AuditOutcome = (typeof auditOutcomes)[number];

/** One state change as a service reports it: who did what to which target, and how it ended. */
export interface AuditEvent {
  /** Default: the scope's actor, else "system". */
  actor?: string;
  action: string;
  target?: string;
  outcome: AuditOutcome;
  metadata?: Record<string, unknown>;
  correlationId?: string;
  ip?: string;
}

/** An event as it travels through the AUDIT queue: complete, with the id that makes its insert idempotent. */
export const QueuedAuditEventSchema = z.strictObject({
  id: z.uuid(),
  /** When the writer queued it, in ms since the epoch. */
  at: z.number().int().nonnegative(),
  actor: z.string().min(1).max(200),
  action: z.string().min(1).max(100),
  target: z.string().max(500).nullable(),
  outcome: z.enum(auditOutcomes),
  correlation_id: z.string().max(200).nullable(),
  ip: z.string().max(100).nullable(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
});

export type QueuedAuditEvent = z.infer<typeof QueuedAuditEventSchema>;
