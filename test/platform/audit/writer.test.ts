import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { audit, auditOutcome } from "../../../src/platform/audit/writer";
import { auditEvents } from "../../../src/platform/db/schema";
import type { AppEnv } from "../../../src/platform/http/app-env";
import { Problem } from "../../../src/platform/http/problem";
import { requestContext } from "../../../src/platform/http/request-context";
import { scopeOf } from "../../../src/platform/http/scope";
import { metrics } from "../../../src/platform/observability/metrics";
import { auditRows, fakeAuditQueue } from "../../helpers/audit";
import { withScope } from "../../helpers/scope";
import { bindings } from "../../helpers/worker";
import { captureLogs } from "../../helpers/logs";

const queuedTotal = (result: string) => metrics.counter("resync_audit_events_queued_total", "").value({ result });

describe("audit writer", () => {
  it("queues a complete event before returning: an id, the scope's actor, correlation id and IP, secrets redacted", async () => {
    const { queue, sent } = fakeAuditQueue();
    await withScope(
      async (scope) => {
        await audit(scope, {
          action: "job.hold",
          target: "JOB1",
          outcome: "attempt",
          metadata: { reason: "maintenance", password: "hunter2", nested: { apiKey: "k", token: "t", ok: 1 } },
        });
        // Awaited: the event is queued when `audit` returns, not in the background.
        expect(sent).toHaveLength(1);
      },
      {
        actor: { username: "alice", role: "operator" },
        correlationId: "corr-1",
        ip: "203.0.113.9",
        overrides: { AUDIT: queue },
      },
    );
    const [{ body, contentType }] = sent as [(typeof sent)[number]];
    expect(contentType).toBe("json");
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(body.at - Date.now())).toBeLessThan(60_000);
    expect(body).toMatchObject({
      actor: "alice",
      action: "job.hold",
      target: "JOB1",
      outcome: "attempt",
      correlation_id: "corr-1",
      ip: "203.0.113.9",
    });
    expect(body.metadata).toEqual({
      reason: "maintenance",
      password: "[redacted]",
      nested: { apiKey: "[redacted]", token: "[redacted]", ok: 1 },
    });
    expect(JSON.stringify(body)).not.toContain("hunter2");
  });

  it("gives every event its own id and bounds what it carries", async () => {
    const { queue, sent } = fakeAuditQueue();
    await withScope(
      async (scope) => {
        await audit(scope, { action: "x.y", target: "t".repeat(2_000), outcome: "success" });
        await audit(scope, { action: "x.y", outcome: "success", metadata: { rows: Array(50).fill("z".repeat(999)) } });
      },
      { overrides: { AUDIT: queue } },
    );
    expect(sent[0]!.body.id).not.toBe(sent[1]!.body.id);
    expect(sent[0]!.body.actor).toBe("system");
    expect(sent[0]!.body.target).toHaveLength(500);
    expect(sent[1]!.body.metadata).toEqual({ truncated: true, bytes: expect.any(Number) });
  });

  it("throws a 503 audit-unavailable problem with Retry-After when the queue refuses, and counts it", async () => {
    const logs = captureLogs();
    const { queue } = fakeAuditQueue({ refuse: true });
    const failedBefore = queuedTotal("failed");
    const error = await withScope((scope) => audit(scope, { action: "job.kill", outcome: "attempt" }), {
      overrides: { AUDIT: queue },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Problem);
    expect(error).toMatchObject({ status: 503, kind: "audit-unavailable", headers: { "Retry-After": "5" } });
    expect(queuedTotal("failed")).toBe(failedBefore + 1);
    expect(logs.map((line) => line.message)).toContain("audit event not queued");
  });

  it("auditOutcome never throws: a refused outcome is logged and counted (the action already happened)", async () => {
    const logs = captureLogs();
    const { queue } = fakeAuditQueue({ refuse: true });
    const failedBefore = queuedTotal("failed");
    await withScope((scope) => auditOutcome(scope, { action: "job.kill", outcome: "success" }), {
      overrides: { AUDIT: queue },
    });
    expect(queuedTotal("failed")).toBe(failedBefore + 1);
    expect(logs.map((line) => line.message)).toContain("audit event not queued");
  });

  it("through the real queue: the consumer inserts the event with the request's correlation id and client IP", async () => {
    const target = `wf-${crypto.randomUUID()}`;
    const sentBefore = queuedTotal("sent");
    const app = new Hono<AppEnv>().use(requestContext()).post("/act", async (c) => {
      await audit(scopeOf(c), { actor: "bob", action: "workflow.delete", target, outcome: "success" });
      return c.text("done");
    });
    const ctx = createExecutionContext();
    const response = await app.fetch(
      new Request("http://resync.test/act", {
        method: "POST",
        headers: { "X-Correlation-ID": "corr-audit", "CF-Connecting-IP": "198.51.100.7" },
      }),
      bindings,
      ctx,
    );
    expect(await response.text()).toBe("done");
    await waitOnExecutionContext(ctx);
    expect(queuedTotal("sent")).toBe(sentBefore + 1);
    const [row] = await auditRows(eq(auditEvents.target, target));
    expect(row).toMatchObject({
      actor: "bob",
      action: "workflow.delete",
      actionFamily: "workflow",
      outcome: "success",
      correlationId: "corr-audit",
      ip: "198.51.100.7",
    });
    expect(row!.eventId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
