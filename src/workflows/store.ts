import { and, asc, eq, gt, gte, lt, ne, sql, type SQL } from "drizzle-orm";
import type { Database } from "../platform/db/client";
import { workflowRuns, workflows } from "../platform/db/schema";
import type { Step } from "./steps";

export type WorkflowRow = typeof workflows.$inferSelect;
export type VisibleStatus = "active" | "disabled";

export interface WorkflowInput {
  name: string;
  description?: string | null;
  steps: Step[];
  status?: VisibleStatus;
}

/** A deleted workflow is gone from the API: every read and change goes through this condition. */
const visible = ne(workflows.status, "deleted");

export async function createWorkflow(db: Database, input: WorkflowInput, createdBy: string): Promise<WorkflowRow> {
  const [row] = await db
    .insert(workflows)
    .values({
      name: input.name,
      description: input.description ?? null,
      steps: input.steps,
      status: input.status ?? "active",
      createdBy,
    })
    .returning();
  return row!;
}

export async function findWorkflow(db: Database, id: number): Promise<WorkflowRow | undefined> {
  const [row] = await db
    .select()
    .from(workflows)
    .where(and(eq(workflows.id, id), visible));
  return row;
}

/** Replaces name, description, steps (and status when given) and bumps the version, in one statement. */
export async function updateWorkflow(db: Database, id: number, input: WorkflowInput): Promise<WorkflowRow | undefined> {
  const [row] = await db
    .update(workflows)
    .set({
      name: input.name,
      description: input.description ?? null,
      steps: input.steps,
      ...(input.status ? { status: input.status } : {}),
      version: sql`${workflows.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(workflows.id, id), visible))
    .returning();
  return row;
}

/** Soft delete: the row and its runs stay for the record; the workflow is gone from reads and cannot run. */
export async function deleteWorkflow(db: Database, id: number): Promise<boolean> {
  const result = await db
    .update(workflows)
    .set({ status: "deleted", updatedAt: new Date() })
    .where(and(eq(workflows.id, id), visible));
  return result.rowsAffected > 0;
}

/**
 * The operator's name pattern as a GLOB: `*` is the only wildcard, every other character is literal
 * (GLOB's own `?` and `[` are bracketed). GLOB, not LIKE: it is case-sensitive like `=`, and SQLite
 * uses the name index for its literal prefix, which it does not for a case-insensitive LIKE.
 */
export function namePattern(name: string): string {
  return name.replace(/[?[]/g, (c) => `[${c}]`);
}

// Above every string that starts with a prefix (U+10FFFF is the last code point; UTF-8 keeps code point order).
const AFTER_PREFIX = "\u{10FFFF}";

/**
 * `name = ?` for a plain name; for a pattern, GLOB decides and a range on its literal prefix lets SQLite
 * search the name index (it cannot see a bound GLOB pattern's prefix itself).
 */
function nameConditions(name: string): SQL[] {
  const star = name.indexOf("*");
  if (star < 0) return [eq(workflows.name, name)];
  const glob = sql`${workflows.name} GLOB ${namePattern(name)}`;
  const prefix = name.slice(0, star);
  return prefix ? [gte(workflows.name, prefix), lt(workflows.name, prefix + AFTER_PREFIX), glob] : [glob];
}

export interface ListFilters {
  name?: string;
  status?: VisibleStatus;
  limit: number;
  /** Only workflows with a larger id (keyset paging). */
  after?: number;
}

export function listConditions(filters: ListFilters): SQL | undefined {
  // `<> 'deleted'` rather than IN (active, disabled): it leaves the choice of index to the name filter.
  const conditions: SQL[] = [filters.status ? eq(workflows.status, filters.status) : visible];
  if (filters.name !== undefined) {
    conditions.push(...nameConditions(filters.name));
  }
  if (filters.after !== undefined) conditions.push(gt(workflows.id, filters.after));
  return and(...conditions);
}

// The latest run of each listed workflow, as a correlated subquery on (workflow_id, started_at): one statement, no N+1.
const latestRunId = sql<
  string | null
>`(select ${workflowRuns.id} from ${workflowRuns} where ${workflowRuns.workflowId} = ${workflows.id} order by ${workflowRuns.startedAt} desc limit 1)`;

export function listQuery(db: Database, filters: ListFilters) {
  return db
    .select({
      workflow: workflows,
      latestRun: {
        id: workflowRuns.id,
        status: workflowRuns.status,
        startedAt: workflowRuns.startedAt,
        finishedAt: workflowRuns.finishedAt,
      },
    })
    .from(workflows)
    .leftJoin(workflowRuns, eq(workflowRuns.id, latestRunId))
    .where(listConditions(filters))
    .orderBy(asc(workflows.id))
    .limit(filters.limit);
}

export type ListedWorkflow = Awaited<ReturnType<typeof listQuery>>[number];

export function listWorkflows(db: Database, filters: ListFilters): Promise<ListedWorkflow[]> {
  return listQuery(db, filters);
}
