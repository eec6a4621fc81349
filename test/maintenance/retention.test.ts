import { createScheduledController } from "cloudflare:test";
import { inArray, lt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { runRetention } from "../../src/maintenance/retention";
import { database } from "../../src/platform/db/client";
import { auditEvents, workflowRuns, workflows } from "../../src/platform/db/schema";
import { readConfig } from "../../src/platform/env/config";
import { createLogger } from "../../src/platform/observability/logger";
import { bindings, CLOSED_URL } from "../helpers/worker";

const DAY = 24 * 60 * 60 * 1000;
const config = readConfig(bindings);
const log = createLogger("error");

async function seed(now: number) {
  const db = await database(config);
  const actor = `retention-${crypto.randomUUID()}`;
  const ages = [200, 120, 91, 89, 10, 0];
  const events = await db
    .insert(auditEvents)
    .values(
      ages.map((days) => ({
        at: new Date(now - days * DAY),
        actor,
        action: `test.age.${days}`,
        outcome: "success" as const,
      })),
    )
    .returning({ id: auditEvents.id, action: auditEvents.action });
  const [workflow] = await db
    .insert(workflows)
    .values({ name: actor, steps: [], createdBy: actor })
    .returning({ id: workflows.id });
  const runs = [40, 31, 29, 1].map((days) => ({
    id: crypto.randomUUID(),
    workflowId: workflow!.id,
    workflowVersion: 1,
    status: "succeeded" as const,
    requestedBy: actor,
    steps: [],
    startedAt: new Date(now - days * DAY),
    finishedAt: new Date(now - days * DAY + 1000),
  }));
  await db.insert(workflowRuns).values(runs);
  return { db, eventIds: events.map((e) => e.id), runIds: runs.map((r) => r.id) };
}

describe("retention", () => {
  it("deletes only what is older than the retention, in bounded batches", async () => {
    const now = Date.now() + 1000 * DAY; // far in the future, so other tests' fresh rows are old too
    const { db, eventIds, runIds } = await seed(now);
    // Every row of the shared database is old by then: batches large enough to reach this test's rows too.
    const report = await runRetention(db, config, log, new Date(now), { batchSize: 100 });
    expect(report.failed).toEqual([]);
    const events = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(inArray(auditEvents.id, eventIds));
    expect(events.map((e) => e.action).sort()).toEqual(["test.age.0", "test.age.10", "test.age.89"]);
    const runs = await db.select({ id: workflowRuns.id }).from(workflowRuns).where(inArray(workflowRuns.id, runIds));
    expect(runs.map((r) => r.id).sort()).toEqual([runIds[2], runIds[3]].sort());
    expect(report.deleted.audit_events).toBeGreaterThanOrEqual(3);
    expect(report.deleted.workflow_runs).toBeGreaterThanOrEqual(2);
  });

  it("stops after maxBatches and leaves the rest for the next run", async () => {
    const now = Date.now() + 2000 * DAY;
    const { db } = await seed(now);
    const cutoff = new Date(now - config.AUDIT_RETENTION_DAYS * DAY);
    const old = async () =>
      (await db.select({ id: auditEvents.id }).from(auditEvents).where(lt(auditEvents.at, cutoff))).length;
    const before = await old();
    expect(before).toBeGreaterThanOrEqual(3);
    const report = await runRetention(db, config, log, new Date(now), { batchSize: 1, maxBatches: 1 });
    expect(report.deleted.audit_events).toBe(1);
    expect(await old()).toBe(before - 1);
  });

  it("runs from the cron trigger", async () => {
    const now = Date.now() + 3000 * DAY;
    const { db, eventIds } = await seed(now);
    const controller = createScheduledController({ scheduledTime: new Date(now), cron: "17 * * * *" });
    await worker.scheduled(controller, bindings);
    const left = await db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(inArray(auditEvents.id, eventIds));
    expect(left.map((e) => e.action).sort()).toEqual(["test.age.0", "test.age.10", "test.age.89"]);
  });

  it("fails the cron invocation, not silently, when the database is unreachable", async () => {
    const controller = createScheduledController({ scheduledTime: new Date(), cron: "17 * * * *" });
    await expect(worker.scheduled(controller, { ...bindings, LIBSQL_URL: CLOSED_URL })).rejects.toThrow();
  });
});
