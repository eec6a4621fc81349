import type { ListedWorkflow, WorkflowRow } from "./store";
import type { Step } from "./steps";

/** A stored workflow in the API's words. */
export function workflowView(row: WorkflowRow) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    version: row.version,
    // Deleted rows never reach a view (store.ts filters them out).
    status: row.status as "active" | "disabled",
    steps: row.steps as Step[],
    created_by: row.createdBy,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function listedView({ workflow, latestRun }: ListedWorkflow) {
  return {
    ...workflowView(workflow),
    latest_run: latestRun
      ? {
          run_id: latestRun.id,
          status: latestRun.status,
          started_at: latestRun.startedAt.toISOString(),
          finished_at: latestRun.finishedAt?.toISOString() ?? null,
        }
      : null,
  };
}
