import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { audit, appendAuditEvent } from "../../../src/platform/audit/writer";
import { database } from "../../../src/platform/db/client";
import { auditEvents } from "../../../src/platform/db/schema";
import { readConfig } from "../../../src/platform/env/config";
import type { AppEnv } from "../../../src/platform/http/app-env";
import { requestContext } from "../../../src/platform/http/request-context";
import { scopeOf } from "../../../src/platform/http/scope";
import { metrics } from "../../../src/platform/observability/metrics";
import { captureLogs } from "../../helpers/logs";
import { bindings, CLOSED_URL } from "../../helpers/worker";

const db = () => database(readConfig(bindings));

describe("audit writer", () => {
  it("appends an event with secrets redacted", async () => {
    const target = `job-${crypto.randomUUID()}`;
    await appendAuditEvent(await db(), {
      actor: "alice",
      action: "job.hold",
      target,
      outcome: "success",
      correlationId: "corr-1",
      ip: "203.0.113.9",
      metadata: { reason: "maintenance", password: "hunter2", nested: { apiKey: "k", token: "t", ok: 1 } },
    });
    const [row] = await (await db()).select().from(auditEvents).where(eq(auditEvents.target, target));
    expect(row).toMatchObject({
      actor: "alice",
      action: "job.hold",
      outcome: "success",
      correlationId: "corr-1",
      ip: "203.0.113.9",
    });
    expect(row!.metadata).toEqual({
      reason: "maintenance",
      password: "[redacted]",
      nested: { apiKey: "[redacted]", token: "[redacted]", ok: 1 },
    });
    expect(JSON.stringify(row)).not.toContain("hunter2");
  });

  it("writes after the response, with the request's correlation id and client IP", async () => {
    const target = `wf-${crypto.randomUUID()}`;
    const app = new Hono<AppEnv>().use(requestContext()).post("/act", (c) => {
      void audit(scopeOf(c), { actor: "bob", action: "workflow.delete", target, outcome: "success" });
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
    const [row] = await (await db()).select().from(auditEvents).where(eq(auditEvents.target, target));
    expect(row).toMatchObject({ actor: "bob", correlationId: "corr-audit", ip: "198.51.100.7" });
  });

  it("never fails the request when the database is down; counts the failure", async () => {
    const failures = metrics.counter("resync_audit_events_total", "").value({ result: "failed" });
    const logs = captureLogs();
    const app = new Hono<AppEnv>().use(requestContext()).post("/act", (c) => {
      void audit(scopeOf(c), { actor: "carol", action: "job.kill", target: "x", outcome: "success" });
      return c.text("done");
    });
    const ctx = createExecutionContext();
    const response = await app.fetch(
      new Request("http://resync.test/act", { method: "POST" }),
      { ...bindings, LIBSQL_URL: CLOSED_URL },
      ctx,
    );
    expect(response.status).toBe(200);
    await waitOnExecutionContext(ctx);
    expect(metrics.counter("resync_audit_events_total", "").value({ result: "failed" })).toBe(failures + 1);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: "error", message: "audit write failed", action: "job.kill", target: "x" }),
    );
  });
});
