import type { SQL } from "drizzle-orm";
import { expect, vi } from "vitest";
import type { QueuedAuditEvent } from "../../src/platform/audit/event";
import { database } from "../../src/platform/db/client";
import { auditEvents } from "../../src/platform/db/schema";
import { readConfig } from "../../src/platform/env/config";
import { bindings } from "./worker";

export type AuditRow = typeof auditEvents.$inferSelect;

/**
 * The audit rows matching `where` once at least `count` are there: events reach libSQL through the AUDIT queue,
 * a batch at most a second after they were sent.
 */
export async function auditRows(where: SQL | undefined, count = 1, timeout = 15_000): Promise<AuditRow[]> {
  const db = await database(readConfig(bindings));
  return vi.waitFor(
    async () => {
      const rows = await db.select().from(auditEvents).where(where).orderBy(auditEvents.id);
      expect(rows.length).toBeGreaterThanOrEqual(count);
      return rows;
    },
    { timeout, interval: 100 },
  );
}

/** An AUDIT binding that keeps what it is sent, or refuses every send (the queue is down). */
export function fakeAuditQueue(options: { refuse?: boolean } = {}) {
  const sent: { body: QueuedAuditEvent; contentType: string | undefined }[] = [];
  const queue = {
    async send(body: QueuedAuditEvent, send?: QueueSendOptions) {
      if (options.refuse) throw new Error("Queue send failed: the queue is unavailable");
      sent.push({ body, contentType: send?.contentType });
    },
  } as unknown as Queue<QueuedAuditEvent>;
  return { queue, sent };
}
