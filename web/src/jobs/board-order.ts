// The job board's order: what needs an operator first — failed (ABEND, FAIL), blocked, then running, held, waiting —
// then what is done. Pure, so the board's 500 rows cost one sort.
import type { Job } from "../api/types";

export const boardGroups = ["failed", "blocked", "running", "held", "waiting", "successful", "other"] as const;
export type BoardGroup = (typeof boardGroups)[number];

/** A run's group when only its internal status is known (a job's runs carry no common status). */
const byInternal: Record<string, BoardGroup> = {
  ABEND: "failed",
  FAIL: "failed",
  SUSP: "blocked",
  STUCK: "blocked",
  EXEC: "running",
  SUCCP: "running",
  ABENP: "running",
  HOLD: "waiting",
  WAIT: "waiting",
  READY: "waiting",
  SUCC: "successful",
};

/**
 * The board group of a job, from HWA's common status: HELD is a job an operator (or its stream, or priority 0)
 * holds; the internal status HOLD alone is a job waiting for its dependencies.
 */
export function groupOf(job: Pick<Job, "status" | "common_status">): BoardGroup {
  if (job.common_status === null) return byInternal[job.status ?? ""] ?? "other";
  switch (job.common_status) {
    case "HELD":
      return "held";
    case "ERROR":
      return "failed";
    case "BLOCKED":
    case "UNDECIDED":
      return "blocked";
    case "RUNNING":
      return "running";
    case "WAITING":
    case "READY":
      return "waiting";
    case "SUCCESSFUL":
      return "successful";
    default:
      return "other";
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const rank = new Map(boardGroups.map((group, index) => [group, index]));
const time = (iso: string | null) => (iso ? Date.parse(iso) : Number.POSITIVE_INFINITY);

/** Within a group: the latest failure first, the longest running first, the rest by schedule, then by name. */
function withinGroup(group: BoardGroup, a: Job, b: Job): number {
  let order = 0;
  if (group === "failed") order = time(b.ended_at) - time(a.ended_at);
  else if (group === "running") order = time(a.started_at) - time(b.started_at);
  else order = time(a.sched_time) - time(b.sched_time);
  if (!Number.isNaN(order) && order !== 0) return order;
  // HWA names are upper-case ASCII: code-unit order is their order, and far cheaper than a collator.
  return compare(a.name, b.name) || compare(a.id, b.id);
}

export interface Board {
  rows: { job: Job; group: BoardGroup }[];
  counts: Record<BoardGroup, number>;
}

/** The jobs in board order with the count of each group (counted before `only` narrows the rows). */
export function boardOf(jobs: readonly Job[], only?: BoardGroup): Board {
  const counts = Object.fromEntries(boardGroups.map((group) => [group, 0])) as Record<BoardGroup, number>;
  const rows = jobs.map((job) => ({ job, group: groupOf(job) }));
  for (const row of rows) counts[row.group] += 1;
  const shown = only ? rows.filter((row) => row.group === only) : rows;
  shown.sort((a, b) => rank.get(a.group)! - rank.get(b.group)! || withinGroup(a.group, a.job, b.job));
  return { rows: shown, counts };
}
