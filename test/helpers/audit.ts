import { eq, type SQL } from "drizzle-orm";
import { expect, vi } from "vitest";
import type { QueuedAuditEvent } from "../../src/platform/audit/event";
import { audit } from "../../src/platform/audit/writer";
import { database } from "../../src/platform/db/client";
import { auditEvents } from "../../src/platform/db/schema";
import { readConfig } from "../../src/platform/env/config";
import { withScope } from "./scope";
import { bindings } from "./worker";

export type AuditRow = typeof auditEvents.$inferSelect;

/**
 * The audit rows matching `where`, once every event queued before the call is in libSQL: a marker event is queued
 * behind them and awaited (the local queue delivers in order, a batch at most a second after its first event).
 */
export async function auditRows(where: SQL | undefined, timeout = 15_000): Promise<AuditRow[]> {
  const marker = `marker-${crypto.randomUUID()}`;
  await withScope((scope) => audit(scope, { action: "test.marker", target: marker, outcome: "success" }));
  const db = await database(readConfig(bindings));
  await vi.waitFor(
    async () => expect(await db.select().from(auditEvents).where(eq(auditEvents.target, marker))).toHaveLength(1),
    { timeout, interval: 100 },
  );
  return db.select().from(auditEvents).where(where).orderBy(auditEvents.at, auditEvents.id);
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
