import { SELF } from "cloudflare:test";
import { createClient } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql/web";
import { describe, expect, inject, it } from "vitest";
import type { Database } from "../../src/platform/db/client";
import { database } from "../../src/platform/db/client";
import * as schema from "../../src/platform/db/schema";
import { readConfig } from "../../src/platform/env/config";
import { listQuery, listWorkflows, type ListFilters } from "../../src/workflows/store";
import { bearer, createUser, ORIGIN, tokenFor } from "../helpers/accounts";
import { bindings } from "../helpers/worker";
import { createWorkflow, type WorkflowBody } from "./helpers";

const steps = [{ action: "hold", job: "list-test-job" }];

/** A database whose client records every statement that reaches libSQL. */
function countingDatabase() {
  const client = createClient({ url: inject("libsqlUrl"), concurrency: Number.MAX_SAFE_INTEGER });
  const statements: string[] = [];
  const counted = new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== "function") return value;
      if (["execute", "batch", "executeMultiple", "migrate", "transaction"].includes(String(property))) {
        return (...args: unknown[]) => {
          const first = args[0] as string | { sql: string } | unknown[];
          statements.push(
            `${String(property)}: ${typeof first === "string" ? first : Array.isArray(first) ? `${first.length} statements` : first.sql}`,
          );
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
  return { db: drizzle(counted, { schema }) as unknown as Database, statements, client };
}

async function listOf(
  token: string,
  query: Record<string, string>,
): Promise<{ items: WorkflowBody[]; next_cursor: string | null }> {
  const response = await SELF.fetch(`${ORIGIN}/api/v1/workflows?${new URLSearchParams(query)}`, {
    headers: bearer(token),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { items: WorkflowBody[]; next_cursor: string | null };
}

describe("workflow list", () => {
  it("returns every workflow's latest run in one SQL statement (no N+1)", async () => {
    const token = await tokenFor(await createUser("admin"));
    const prefix = `list-${crypto.randomUUID()}`;
    const stored = [];
    for (let i = 0; i < 6; i++) stored.push(await createWorkflow(token, { name: `${prefix}-${i}`, steps }));
    const db = await database(readConfig(bindings));
    const now = Date.now();
    // Workflows 0..3 have runs; the latest is the one started last, whatever the insertion order.
    const latest: Record<number, string> = {};
    for (const [i, workflow] of stored.slice(0, 4).entries()) {
      const runs = [0, 2, 1].map((k) => ({
        id: crypto.randomUUID(),
        workflowId: workflow.id,
        workflowVersion: 1,
        status: k === 2 ? ("failed" as const) : ("succeeded" as const),
        requestedBy: "list-test",
        steps: [],
        startedAt: new Date(now - (10 - k) * 60_000 - i),
        finishedAt: new Date(now - (10 - k) * 60_000 + 1000),
      }));
      await db.insert(schema.workflowRuns).values(runs);
      latest[workflow.id] = runs[1]!.id;
    }

    const counting = countingDatabase();
    try {
      const rows = await listWorkflows(counting.db, { name: `${prefix}-*`, limit: 50 });
      expect(counting.statements).toHaveLength(1);
      expect(counting.statements[0]).toMatch(/^execute: select /);
      expect(rows.map((r) => r.workflow.id)).toEqual(stored.map((w) => w.id));
      for (const row of rows) {
        expect(row.latestRun?.id ?? null).toBe(latest[row.workflow.id] ?? null);
        if (latest[row.workflow.id]) expect(row.latestRun?.status).toBe("failed");
      }
    } finally {
      counting.client.close();
    }

    const page = await listOf(token, { name: `${prefix}-*` });
    expect(page.items.map((w) => w.name)).toEqual(stored.map((w) => w.name));
    expect(page.items[0]!.latest_run).toMatchObject({ run_id: latest[stored[0]!.id], status: "failed" });
    expect(page.items[5]!.latest_run).toBeNull();
  });

  it("pages with a cursor bound to its filters, and filters by status", async () => {
    const token = await tokenFor(await createUser("admin"));
    const prefix = `page-${crypto.randomUUID()}`;
    const ids = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        (await createWorkflow(token, { name: `${prefix}-${i}`, steps, status: i % 2 ? "disabled" : "active" })).id,
      );
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await listOf(token, { name: `${prefix}-*`, limit: "2", ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((w) => w.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(ids);
    const first = await listOf(token, { name: `${prefix}-*`, limit: "2" });
    const foreign = await SELF.fetch(`${ORIGIN}/api/v1/workflows?name=other&cursor=${first.next_cursor}`, {
      headers: bearer(token),
    });
    expect(foreign.status).toBe(400);

    expect((await listOf(token, { name: `${prefix}-*`, status: "disabled" })).items.map((w) => w.id)).toEqual([
      ids[1],
      ids[3],
    ]);
    expect((await listOf(token, { name: `${prefix}-*`, status: "active" })).items.map((w) => w.id)).toEqual([
      ids[0],
      ids[2],
      ids[4],
    ]);
    expect((await SELF.fetch(`${ORIGIN}/api/v1/workflows?status=deleted`, { headers: bearer(token) })).status).toBe(
      400,
    );
    expect((await SELF.fetch(`${ORIGIN}/api/v1/workflows?owner=me`, { headers: bearer(token) })).status).toBe(400);
  });

  it("uses the name and status indexes, and the runs index for the latest run (EXPLAIN QUERY PLAN)", async () => {
    const { db, client } = countingDatabase();
    try {
      const planOf = async (filters: ListFilters) => {
        const query = listQuery(db, filters).toSQL();
        const plan = await client.execute({ sql: `EXPLAIN QUERY PLAN ${query.sql}`, args: query.params as never });
        return plan.rows.map((row) => String(row.detail)).join("\n");
      };
      const byName = await planOf({ name: "NIGHTLY_RECOVERY", limit: 50 });
      expect(byName).toMatch(/SEARCH workflows USING INDEX workflows_name(_status)?_idx \(name=/);
      expect(byName).toMatch(/workflow_runs USING (COVERING )?INDEX workflow_runs_workflow_started_idx \(workflow_id=/);
      expect(byName).not.toMatch(/SCAN workflows\b/);

      const byPrefix = await planOf({ name: "NIGHTLY_*", limit: 50 });
      expect(byPrefix).toMatch(/SEARCH workflows USING INDEX workflows_name(_status)?_idx \(name>\? AND name<\?\)/);

      const byBoth = await planOf({ name: "NIGHTLY_RECOVERY", status: "active", limit: 50 });
      expect(byBoth).toMatch(/SEARCH workflows USING INDEX workflows_name_status_idx \(name=\? AND status=\?\)/);

      const byStatus = await planOf({ status: "disabled", limit: 50 });
      expect(byStatus).toMatch(/SEARCH workflows USING INDEX workflows_status_idx \(status=\?\)/);
      expect(byStatus).not.toMatch(/SCAN workflows\b/);
    } finally {
      client.close();
    }
  });

  it("stores and matches injection strings and wildcard characters literally", async () => {
    const token = await tokenFor(await createUser("admin"));
    const prefix = `inj-${crypto.randomUUID()}`;
    const suffixes = [
      "'; DROP TABLE workflows; --",
      "%",
      "_x",
      "Ax",
      "*star",
      `"double"`,
      "it's",
      "?q",
      "[b]",
      "\\back",
      "50% off",
    ];
    const byName = new Map<string, WorkflowBody>();
    for (const suffix of suffixes) {
      const name = `${prefix}${suffix}`;
      const created = await createWorkflow(token, { name, description: suffix, steps });
      expect(created.name).toBe(name);
      byName.set(name, created);
    }
    const names = async (name: string) => (await listOf(token, { name })).items.map((w) => w.name).sort();

    for (const suffix of suffixes.filter((s) => !s.includes("*"))) {
      const name = `${prefix}${suffix}`;
      expect(await names(name), name).toEqual([name]);
      const shown = await SELF.fetch(`${ORIGIN}/api/v1/workflows/${byName.get(name)!.id}`, { headers: bearer(token) });
      expect(((await shown.json()) as WorkflowBody).name).toBe(name);
    }
    // `%` and `_` are not wildcards; `*` is the only one; GLOB's own `?` and `[` are literal.
    expect(await names(`${prefix}%`)).toEqual([`${prefix}%`]);
    expect(await names(`${prefix}_x`)).toEqual([`${prefix}_x`]);
    expect(await names(`${prefix}*star`)).toEqual([`${prefix}*star`]);
    expect(await names(`${prefix}*`)).toEqual(suffixes.map((s) => `${prefix}${s}`).sort());
    expect(await names(`${prefix}?*`)).toEqual([`${prefix}?q`]);
    expect(await names(`${prefix}[*`)).toEqual([`${prefix}[b]`]);
    expect(await names(`${prefix}*%*`)).toEqual([`${prefix}%`, `${prefix}50% off`].sort());
    expect(await names(`${prefix}*'*`)).toEqual([`${prefix}'; DROP TABLE workflows; --`, `${prefix}it's`].sort());
    expect(await names(`${prefix.toUpperCase()}*`)).toEqual([]);
    expect(await names(`'; DROP TABLE workflows; --`)).toEqual([]);
    // The table is still there, with everything in it.
    expect((await listOf(token, { name: `${prefix}*` })).items).toHaveLength(suffixes.length);
  });
});
