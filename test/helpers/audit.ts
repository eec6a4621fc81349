import type { SQL } from "drizzle-orm";
import { expect, vi } from "vitest";
import { database } from "../../src/platform/db/client";
import { auditEvents } from "../../src/platform/db/schema";
import { readConfig } from "../../src/platform/env/config";
import { bindings } from "./worker";

export type AuditRow = typeof auditEvents.$inferSelect;

/** The audit events matching `where`, read again until they pass `check`: audit writes finish after the response. */
export async function auditedUntil(
  where: SQL | undefined,
  check: (rows: AuditRow[]) => void,
  timeoutMs = 5_000,
): Promise<AuditRow[]> {
  const db = await database(readConfig(bindings));
  return vi.waitFor(
    async () => {
      const rows = await db.select().from(auditEvents).where(where);
      check(rows);
      return rows;
    },
    { timeout: timeoutMs, interval: 50 },
  );
}

/** The audit events matching `where`, once at least one is written. */
export function audited(where: SQL | undefined): Promise<AuditRow[]> {
  return auditedUntil(where, (rows) => expect(rows.length, "audit events written").toBeGreaterThan(0));
}
