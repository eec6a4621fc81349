/// <reference types="vite/client" />
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import wranglerToml from "../../wrangler.toml?raw";
import { MAX_RETRIES, retryDelaySeconds } from "../../src/audit/consumer";
import worker from "../../src/index";
import type { QueuedAuditEvent } from "../../src/platform/audit/event";
import { database } from "../../src/platform/db/client";
import { auditEvents } from "../../src/platform/db/schema";
import { readConfig } from "../../src/platform/env/config";
import { metrics } from "../../src/platform/observability/metrics";
import { bindings, CLOSED_URL } from "../helpers/worker";
import { captureLogs } from "../helpers/logs";

const consumerEvents = (result: string) => metrics.counter("resync_audit_consumer_events_total", "").value({ result });
const consumerBatches = (result: string) =>
  metrics.counter("resync_audit_consumer_batches_total", "").value({ result });

function eventsFor(target: string, count: number): QueuedAuditEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    id: crypto.randomUUID(),
    at: Date.now() + i,
    actor: "consumer-test",
    action: "job.hold",
    target,
    outcome: i % 2 ? "success" : "attempt",
    correlation_id: `corr-${i}`,
    ip: "192.0.2.1",
    metadata: { i },
  }));
}

/** What the queue is told about a batch (the workers-types of this project do not declare it). */
interface QueueResult {
  outcome: string;
  explicitAcks: string[];
  retryMessages: { msgId: string }[];
}

/**
 * Delivers `bodies` as one batch to the Worker's `queue()` handler, `attempts` being this delivery's number; also
 * returns the options of each `retry()` (the test harness's result leaves the delays out).
 */
async function deliver(bodies: unknown[], attempts = 1, env = bindings) {
  const batch = createMessageBatch(
    "resync-audit",
    bodies.map((body, i) => ({ id: `message-${i}-${crypto.randomUUID()}`, timestamp: new Date(), attempts, body })),
  );
  const retries = batch.messages.map((message) => vi.spyOn(message, "retry"));
  const ctx = createExecutionContext();
  await worker.queue(batch, env);
  const result = (await getQueueResult(batch, ctx)) as QueueResult;
  return { result, ids: batch.messages.map((m) => m.id), delays: retries.map((spy) => spy.mock.calls[0]?.[0]) };
}

async function rowsOf(target: string) {
  const db = await database(readConfig(bindings));
  return db.select().from(auditEvents).where(eq(auditEvents.target, target));
}

describe("audit consumer", () => {
  it("inserts a batch and acknowledges it; a redelivered batch is inserted once", async () => {
    const target = `consumer-${crypto.randomUUID()}`;
    const events = eventsFor(target, 5);
    const duplicatesBefore = consumerEvents("duplicate");

    const first = await deliver(events);
    expect(first.result.outcome).toBe("ok");
    expect(first.result.retryMessages).toEqual([]);
    expect([...first.result.explicitAcks].sort()).toEqual([...first.ids].sort());
    const rows = await rowsOf(target);
    expect(rows.map((r) => r.eventId).sort()).toEqual(events.map((e) => e.id).sort());
    expect(rows.find((r) => r.eventId === events[1]!.id)).toMatchObject({
      actor: "consumer-test",
      outcome: "success",
      correlationId: "corr-1",
      ip: "192.0.2.1",
      metadata: { i: 1 },
      at: new Date(events[1]!.at),
    });

    // The queue delivers at least once: the same events again, even mixed with a new one.
    const late = eventsFor(target, 1);
    const again = await deliver([...events, ...late], 2);
    expect(again.result.retryMessages).toEqual([]);
    expect(again.result.explicitAcks).toHaveLength(6);
    expect(await rowsOf(target)).toHaveLength(6);
    expect(consumerEvents("duplicate")).toBe(duplicatesBefore + 5);
  });

  it("retries every message with exponential backoff while libSQL fails, and inserts nothing", async () => {
    const logs = captureLogs();
    const target = `consumer-${crypto.randomUUID()}`;
    const retriedBefore = consumerBatches("retried");
    for (const attempts of [1, 2, 4]) {
      const down = { ...bindings, LIBSQL_URL: CLOSED_URL };
      const { result, ids, delays } = await deliver(eventsFor(target, 3), attempts, down);
      expect(result.explicitAcks).toEqual([]);
      expect(result.retryMessages.map((r) => r.msgId).sort()).toEqual([...ids].sort());
      expect(delays).toEqual(ids.map(() => ({ delaySeconds: retryDelaySeconds(attempts) })));
    }
    expect(consumerBatches("retried")).toBe(retriedBefore + 3);
    expect(await rowsOf(target)).toEqual([]);
    expect(logs.map((line) => line.message)).toContain("audit batch not inserted; retrying");
  });

  it("backs off 1, 2, 4 … seconds, capped at 5 minutes, over the 10 retries wrangler.toml allows", () => {
    expect(Array.from({ length: 11 }, (_, i) => retryDelaySeconds(i + 1))).toEqual([
      1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300,
    ]);
    expect(MAX_RETRIES).toBe(10);
    const consumer = /\[\[queues\.consumers\]\][^[]*/.exec(wranglerToml)![0];
    expect(consumer).toMatch(/max_retries = 10\b/);
    expect(consumer).toMatch(/dead_letter_queue = "resync-audit-dead-letter"/);
  });

  it("counts a message as dead-lettered when its last delivery fails (after 10 retries)", async () => {
    const logs = captureLogs();
    const target = `consumer-${crypto.randomUUID()}`;
    const deadBefore = consumerEvents("dead_lettered");
    const down = { ...bindings, LIBSQL_URL: CLOSED_URL };
    await deliver(eventsFor(target, 2), MAX_RETRIES, down);
    expect(consumerEvents("dead_lettered")).toBe(deadBefore);
    const last = await deliver(eventsFor(target, 2), MAX_RETRIES + 1, down);
    expect(last.result.retryMessages).toHaveLength(2);
    expect(consumerEvents("dead_lettered")).toBe(deadBefore + 2);
    expect(logs.map((line) => line.message)).toContain("audit batch not inserted; retrying");
  });

  it("inserts the readable messages of a batch and retries an unreadable one toward the dead-letter queue", async () => {
    const logs = captureLogs();
    const target = `consumer-${crypto.randomUUID()}`;
    const [good] = eventsFor(target, 1);
    const invalidBefore = consumerEvents("invalid");
    const { result, ids } = await deliver([good, { ...good, id: "not-a-uuid" }, "garbage"]);
    expect(result.explicitAcks).toEqual([ids[0]]);
    expect(result.retryMessages.map((r) => r.msgId).sort()).toEqual([ids[1], ids[2]].sort());
    expect(consumerEvents("invalid")).toBe(invalidBefore + 2);
    expect(await rowsOf(target)).toHaveLength(1);
    expect(logs.map((line) => line.message)).toContain("unreadable audit message");
  });
});
