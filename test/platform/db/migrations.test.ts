import { createClient } from "@libsql/client/web";
import { describe, expect, inject, it } from "vitest";
import journal from "../../../migrations/meta/_journal.json";

// The stack setup applied migrations/ to an empty database with `npm run db:migrate`'s code.
const db = createClient({ url: inject("libsqlUrl") });

describe("migrations", () => {
  it("created every table and index of the schema", async () => {
    const rows = await db.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name");
    const names = rows.rows.map((r) => `${r.type}:${r.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        "table:users",
        "table:workflows",
        "table:workflow_runs",
        "table:audit_events",
        "index:users_username_unique",
        "index:workflows_name_idx",
        "index:workflows_status_idx",
        "index:workflows_created_at_idx",
        "index:workflows_name_status_idx",
        "index:audit_events_at_idx",
        "index:audit_events_actor_at_idx",
        "index:audit_events_action_at_idx",
        "index:workflow_runs_workflow_started_idx",
        "index:workflow_runs_started_idx",
        "trigger:audit_events_no_update",
      ]),
    );
  });

  it("recorded each migration of the journal once", async () => {
    const applied = await db.execute("SELECT count(*) AS n FROM __drizzle_migrations");
    expect(Number(applied.rows[0]!.n)).toBe(journal.entries.length);
  });

  it("keeps audit events append-only", async () => {
    const inserted = await db.execute({
      sql: "INSERT INTO audit_events (at, actor, action, outcome) VALUES (?, 'tester', 'test.append_only', 'success')",
      args: [Date.now()],
    });
    await expect(
      db.execute({
        sql: "UPDATE audit_events SET outcome = 'failure' WHERE id = ?",
        args: [inserted.lastInsertRowid!],
      }),
    ).rejects.toThrow(/append-only/);
  });

  it("enforces unique usernames", async () => {
    const name = `unique-${crypto.randomUUID()}`;
    const insert = {
      sql: "INSERT INTO users (username, role, password_hash, password_salt, password_iterations) VALUES (?, 'viewer', 'h', 's', 100000)",
      args: [name],
    };
    await db.execute(insert);
    await expect(db.execute(insert)).rejects.toThrow(/UNIQUE/);
  });
});
