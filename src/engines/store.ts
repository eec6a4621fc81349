import { and, eq, ne, sql } from "drizzle-orm";
import type { Database } from "../platform/db/client";
import { engines, type EngineAuthKind } from "../platform/db/schema";

// The engine registry's rows. Names are unique without regard to case (`name_key`); at most one row is the default,
// kept so by clearing the others in the same batch as the change.

export type EngineRow = typeof engines.$inferSelect;

/** Engines the registry holds at most: each has a breaker, a bulkhead and a readiness check per isolate. */
export const MAX_ENGINES = 32;

export { ENGINE_NAME, nameKeyOf } from "./names";
import { nameKeyOf } from "./names";

export async function listEngineRows(db: Database): Promise<EngineRow[]> {
  return db.select().from(engines).orderBy(engines.nameKey).limit(MAX_ENGINES);
}

export async function findEngineRow(db: Database, name: string): Promise<EngineRow | undefined> {
  return db
    .select()
    .from(engines)
    .where(eq(engines.nameKey, nameKeyOf(name)))
    .get();
}

export interface NewEngine {
  name: string;
  baseUrl: string | null;
  authKind: EngineAuthKind;
  credentials: string | null;
  isDefault: boolean;
  enabled: boolean;
}

/** Inserts an engine; "exists" when the name is taken, "full" at MAX_ENGINES (the registry reads no more). */
export async function insertEngine(db: Database, input: NewEngine): Promise<EngineRow | "exists" | "full"> {
  const nameKey = nameKeyOf(input.name);
  const [count] = await db.select({ n: sql<number>`count(*)` }).from(engines);
  if ((count?.n ?? 0) >= MAX_ENGINES) return "full";
  const now = new Date();
  const insert = db
    .insert(engines)
    .values({
      name: input.name,
      nameKey,
      baseUrl: input.baseUrl,
      authKind: input.authKind,
      credentials: input.credentials,
      credentialsSetAt: input.credentials ? now : null,
      isDefault: input.isDefault,
      enabled: input.enabled,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: engines.nameKey })
    .returning();
  const [inserted] = await insert;
  if (!inserted) return "exists";
  // Then the others stop being the default (should this not happen, the registry takes the first default by name).
  if (input.isDefault) await db.update(engines).set({ isDefault: false }).where(ne(engines.id, inserted.id));
  return inserted;
}

export interface EngineChange {
  baseUrl?: string | null;
  authKind?: EngineAuthKind;
  credentials?: string | null;
  isDefault?: boolean;
  enabled?: boolean;
}

/** Applies a change; a new base URL bumps the revision (the engine's cache namespace). */
export async function updateEngine(
  db: Database,
  current: EngineRow,
  change: EngineChange,
): Promise<EngineRow | undefined> {
  const now = new Date();
  const movesUrl = change.baseUrl !== undefined && change.baseUrl !== current.baseUrl;
  const update = db
    .update(engines)
    .set({
      ...(change.baseUrl !== undefined ? { baseUrl: change.baseUrl } : {}),
      ...(change.authKind !== undefined ? { authKind: change.authKind } : {}),
      ...(change.credentials !== undefined
        ? { credentials: change.credentials, credentialsSetAt: change.credentials ? now : null }
        : {}),
      ...(change.isDefault !== undefined ? { isDefault: change.isDefault } : {}),
      ...(change.enabled !== undefined ? { enabled: change.enabled } : {}),
      ...(movesUrl ? { revision: sql`${engines.revision} + 1` } : {}),
      updatedAt: now,
    })
    .where(eq(engines.id, current.id))
    .returning();
  if (change.isDefault) {
    const clearOthers = db.update(engines).set({ isDefault: false }).where(ne(engines.id, current.id));
    const [, updated] = await db.batch([clearOthers, update] as const);
    return updated[0];
  }
  return (await update)[0];
}

/** Re-seals one row's credentials, unless they changed since they were read. */
export async function replaceCredentials(db: Database, row: EngineRow, sealed: string): Promise<boolean> {
  const updated = await db
    .update(engines)
    .set({ credentials: sealed })
    .where(and(eq(engines.id, row.id), eq(engines.credentials, row.credentials ?? "")))
    .returning({ id: engines.id });
  return updated.length > 0;
}

export async function deleteEngineRow(db: Database, row: EngineRow): Promise<boolean> {
  const deleted = await db.delete(engines).where(eq(engines.id, row.id)).returning({ id: engines.id });
  return deleted.length > 0;
}
