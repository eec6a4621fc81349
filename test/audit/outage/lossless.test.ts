import { SELF } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, inject, it, vi } from "vitest";
import type { Job } from "../../../src/jobs/job";
import { database } from "../../../src/platform/db/client";
import { auditEvents } from "../../../src/platform/db/schema";
import { readConfig } from "../../../src/platform/env/config";
import { metrics } from "../../../src/platform/observability/metrics";
import { bearer, createUser, ORIGIN, tokenFor } from "../../helpers/accounts";
import { simulator } from "../../helpers/hwa";
import { bindings } from "../../helpers/worker";

// This project's Worker and its queue consumer use a libSQL server of their own (test/helpers/outage-stack-setup.ts).

const ACTIONS = 50;

async function libsql(action: "stop" | "start") {
  const response = await fetch(`${inject("libsqlControlUrl")}/${action}`, { method: "POST" });
  expect(response.status).toBe(204);
}

const libsqlAnswers = () =>
  fetch(`${inject("libsqlUrl")}/health`).then(
    (response) => response.ok,
    () => false,
  );

const retriedBatches = () => metrics.counter("resync_audit_consumer_batches_total", "").value({ result: "retried" });

describe("audit events survive a libSQL outage", () => {
  it(`${ACTIONS} job actions answer 2xx while libSQL is down; afterwards each has its attempt and outcome, once`, async () => {
    const operator = await createUser("operator");
    const token = await tokenFor(operator);
    const admin = await tokenFor(await createUser("admin"));
    const readTrail = () => SELF.fetch(`${ORIGIN}/api/v1/audit?actor=${operator.username}`, { headers: bearer(admin) });
    expect((await readTrail()).status).toBe(200);
    const listed = await SELF.fetch(`${ORIGIN}/api/v1/jobs?limit=${ACTIONS}`, { headers: bearer(token) });
    const jobs = ((await listed.json()) as { items: Job[] }).items;
    expect(jobs).toHaveLength(ACTIONS);
    await Promise.all(jobs.map((job) => simulator.forceStatus(job.id, "READY")));
    const retriedBefore = retriedBatches();

    await libsql("stop");
    try {
      expect(await libsqlAnswers()).toBe(false);
      const correlationIds: string[] = [];
      for (let i = 0; i < jobs.length; i += 10) {
        const answers = await Promise.all(
          jobs.slice(i, i + 10).map((job) =>
            SELF.fetch(`${ORIGIN}/api/v1/jobs/${encodeURIComponent(job.id)}/actions/hold`, {
              method: "POST",
              headers: { ...bearer(token), "Idempotency-Key": crypto.randomUUID() },
            }),
          ),
        );
        for (const answer of answers) {
          expect(answer.status, await answer.clone().text()).toBe(200);
          correlationIds.push(answer.headers.get("X-Correlation-ID")!);
        }
      }
      // Reading the trail needs the database: a 503 problem that says when to retry.
      const unavailable = await readTrail();
      expect(unavailable.status).toBe(503);
      expect(unavailable.headers.get("Retry-After")).toMatch(/^\d+$/);
      expect(((await unavailable.json()) as { type: string }).type).toBe("urn:resync:problem:database-unavailable");
      // The consumer met the outage: its batches went back to the queue to be retried later.
      await vi.waitFor(() => expect(retriedBatches()).toBeGreaterThan(retriedBefore), { timeout: 30_000 });

      await libsql("start");
      const db = await database(readConfig(bindings));
      const ofOperator = and(eq(auditEvents.actor, operator.username), eq(auditEvents.action, "job.hold"));
      const rows = await vi.waitFor(
        async () => {
          const found = await db.select().from(auditEvents).where(ofOperator).orderBy(auditEvents.at, auditEvents.id);
          expect(found).toHaveLength(2 * ACTIONS);
          return found;
        },
        { timeout: 150_000, interval: 500 },
      );
      expect(new Set(rows.map((row) => row.eventId)).size).toBe(2 * ACTIONS);
      const outcomesByRequest = new Map<string, string[]>();
      for (const row of rows) {
        outcomesByRequest.set(row.correlationId!, [...(outcomesByRequest.get(row.correlationId!) ?? []), row.outcome]);
      }
      expect([...outcomesByRequest.keys()].sort()).toEqual([...correlationIds].sort());
      for (const outcomes of outcomesByRequest.values()) expect(outcomes.sort()).toEqual(["attempt", "success"]);
    } finally {
      await libsql("start");
    }
  });
});
