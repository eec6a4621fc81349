import { createClient } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql/web";
import { afterAll, describe, expect, inject, it } from "vitest";
import { pageQuery, type AuditFilters, type Position } from "../../src/audit/query";
import type { Database } from "../../src/platform/db/client";
import * as schema from "../../src/platform/db/schema";

const client = createClient({ url: inject("libsqlUrl") });
const db = drizzle(client, { schema }) as unknown as Database;
afterAll(() => client.close());

async function planOf(filters: AuditFilters, after?: Position): Promise<string> {
  const query = pageQuery(db, filters, 101, after).toSQL();
  const plan = await client.execute({ sql: `EXPLAIN QUERY PLAN ${query.sql}`, args: query.params as never });
  return plan.rows.map((row) => String(row.detail)).join("\n");
}

const cursor: Position = [Date.now(), 12345];
const since = new Date("2026-01-01T00:00:00Z");
const until = new Date("2026-02-01T00:00:00Z");

describe("audit queries use an index in time order (EXPLAIN QUERY PLAN)", () => {
  const cases: [string, AuditFilters, string, string][] = [
    ["actor", { actor: "alice" }, "audit_events_actor_at_idx (actor=?", "audit_events_actor_at_idx (actor=? AND at<?"],
    [
      "exact action",
      { action: "job.hold" },
      "audit_events_action_at_idx (action=?",
      "audit_events_action_at_idx (action=? AND at<?",
    ],
    [
      "action prefix",
      { action: "job.*" },
      "audit_events_action_family_at_idx (action_family=?",
      "audit_events_action_family_at_idx (action_family=? AND at<?",
    ],
    [
      "target",
      { target: "JOB1" },
      "audit_events_target_at_idx (target=?",
      "audit_events_target_at_idx (target=? AND at<?",
    ],
    [
      "outcome",
      { outcome: "denied" },
      "audit_events_outcome_at_idx (outcome=?",
      "audit_events_outcome_at_idx (outcome=? AND at<?",
    ],
    ["time range", { since, until }, "audit_events_at_idx (at>? AND at<?", "audit_events_at_idx (at>? AND at<?"],
  ];
  it.each(cases)("%s: searches its index (from the cursor on), no scan, no sort", async (_, filters, first, next) => {
    expect(await planOf(filters)).toBe(`SEARCH audit_events USING INDEX ${first})`);
    expect(await planOf(filters, cursor)).toBe(`SEARCH audit_events USING INDEX ${next})`);
  });

  it("with several filters, still one index and no sort", async () => {
    const plan = await planOf({ actor: "alice", action: "job.*", outcome: "attempt", since, until }, cursor);
    expect(plan).toMatch(/SEARCH audit_events USING INDEX audit_events_\w+_idx/);
    expect(plan).not.toMatch(/SCAN audit_events\b|TEMP B-TREE/);
  });

  it("without filters, reads the time index backwards and stops at the page", async () => {
    expect(await planOf({})).toMatch(/^SCAN audit_events USING INDEX audit_events_at_idx$/);
    expect(await planOf({}, cursor)).toMatch(/^SEARCH audit_events USING INDEX audit_events_at_idx \(at<\?\)$/);
  });
});
