import { and, eq, not, or, sql } from "drizzle-orm";
import type { Database } from "../platform/db/client";
import { users, type EngineRole, type Role } from "../platform/db/schema";
import { hashPassword } from "../platform/auth/password";

export type Account = typeof users.$inferSelect;

/** What the API shows of an account: never the hash or the salt. */
export interface AccountView {
  username: string;
  role: Role;
  disabled: boolean;
  /** The engine this user's HWA requests go to when they name none (null: the registry's default). */
  default_engine: string | null;
  /** Roles per engine (by name in lower case) that replace `role` on that engine's HWA routes. */
  engine_roles: Record<string, EngineRole>;
  created_at: string;
  updated_at: string;
}

export function viewOf(account: Account): AccountView {
  return {
    username: account.username,
    role: account.role,
    disabled: account.disabled,
    default_engine: account.defaultEngine ?? null,
    engine_roles: account.engineRoles ?? {},
    created_at: account.createdAt.toISOString(),
    updated_at: account.updatedAt.toISOString(),
  };
}

/** Usernames are case-insensitive: stored and looked up in lower case. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export async function findAccount(db: Database, username: string): Promise<Account | undefined> {
  return db
    .select()
    .from(users)
    .where(eq(users.username, normalizeUsername(username)))
    .get();
}

export async function listAccounts(db: Database): Promise<Account[]> {
  return db.select().from(users).orderBy(users.username);
}

/** Inserts an account; returns undefined when the username is taken. */
export async function createAccount(
  db: Database,
  input: { username: string; password: string; role: Role },
): Promise<Account | undefined> {
  const password = await hashPassword(input.password);
  const now = new Date();
  const [created] = await db
    .insert(users)
    .values({
      username: normalizeUsername(input.username),
      role: input.role,
      passwordHash: password.hash,
      passwordSalt: password.salt,
      passwordIterations: password.iterations,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: users.username })
    .returning();
  return created;
}

export interface AccountChange {
  role?: Role;
  password?: string;
  disabled?: boolean;
  /** null clears it. */
  defaultEngine?: string | null;
  /** Replaces every grant; {} or null clears them. Engine names are kept in lower case. */
  engineRoles?: Record<string, EngineRole> | null;
}

/**
 * The condition under which a change may leave its account without admin rights: another enabled admin remains.
 * Checked inside the same statement as the change, so two admins disabling each other at once cannot both succeed.
 */
const anotherEnabledAdmin = (id: number) =>
  sql`exists (select 1 from ${users} as other where other.role = 'admin' and other.disabled = 0 and other.id != ${id})`;

/** Whether the account is an enabled admin now: demoting, disabling or deleting it must leave another one. */
const isEnabledAdmin = and(eq(users.role, "admin"), eq(users.disabled, false));

/** Applies a change; refuses (returns "last-admin") to leave the system without an enabled admin. */
export async function changeAccount(
  db: Database,
  username: string,
  change: AccountChange,
): Promise<Account | "not-found" | "last-admin"> {
  const current = await findAccount(db, username);
  if (!current) return "not-found";
  const losesAdmin = (change.role !== undefined && change.role !== "admin") || change.disabled === true;
  const password = change.password ? await hashPassword(change.password) : undefined;
  const [updated] = await db
    .update(users)
    .set({
      ...(change.role ? { role: change.role } : {}),
      ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
      ...(change.defaultEngine !== undefined ? { defaultEngine: change.defaultEngine } : {}),
      ...(change.engineRoles !== undefined
        ? {
            engineRoles:
              change.engineRoles && Object.keys(change.engineRoles).length > 0
                ? Object.fromEntries(Object.entries(change.engineRoles).map(([k, v]) => [k.toLowerCase(), v]))
                : null,
          }
        : {}),
      ...(password
        ? { passwordHash: password.hash, passwordSalt: password.salt, passwordIterations: password.iterations }
        : {}),
      updatedAt: new Date(),
    })
    .where(
      and(eq(users.id, current.id), losesAdmin ? or(not(isEnabledAdmin!), anotherEnabledAdmin(current.id)) : undefined),
    )
    .returning();
  if (updated) return updated;
  return (await findAccount(db, username)) ? "last-admin" : "not-found";
}

/** Deletes an account; the last enabled admin cannot be deleted. */
export async function deleteAccount(db: Database, username: string): Promise<"deleted" | "not-found" | "last-admin"> {
  const current = await findAccount(db, username);
  if (!current) return "not-found";
  const deleted = await db
    .delete(users)
    .where(and(eq(users.id, current.id), or(not(isEnabledAdmin!), anotherEnabledAdmin(current.id))))
    .returning({ id: users.id });
  if (deleted.length > 0) return "deleted";
  return (await findAccount(db, username)) ? "last-admin" : "not-found";
}

/** Creates the configured admin when no admin exists yet (first deployment); concurrent isolates insert at most one. */
export async function bootstrapAdmin(
  db: Database,
  username: string | undefined,
  password: string | undefined,
): Promise<boolean> {
  if (!username || !password) return false;
  // Disabled admins do not count: with none enabled, the configured one is created.
  const admin = await db.select({ id: users.id }).from(users).where(isEnabledAdmin).limit(1).get();
  if (admin) return false;
  return (await createAccount(db, { username, password, role: "admin" })) !== undefined;
}
