import type { Observation } from "../../durable-objects/plan-watcher-rules";
import type { HwaClient } from "../hwa/client";
import { HwaError } from "../hwa/errors";
import { oneOf, query } from "../hwa/oql";
import { hasMorePages } from "../hwa/paging";
import type { JobInPlan } from "../hwa/schemas";

// One look of the plan watcher at HWA: the jobs whose status may be news (failed, or running and maybe late), the
// jobs it follows (failures awaiting a recovery, names followed to their end) by id and name, and the workstations.
// Some looks also read the jobs that have not started, to find those HWA flags past their deadline. Fresh from HWA
// through the resilient client, never from the cache.

/** The statuses read on every look; a job in any other status is news only if followed. */
export const WATCHED_STATUSES = ["ABEND", "FAIL", "CANCL", "EXEC"];
/** Not started yet (HWA.md's internal statuses that map to WAITING and READY): late once past their deadline. */
export const NOT_STARTED_STATUSES = ["ADD", "PEND", "WAIT", "WAITD", "INTRO", "HOLD", "READY"];
const PAGE = 500;
/** At most this many jobs in the watched statuses per look (20 pages). */
const MAX_JOBS = 10_000;
/** Values per `IN` list, so a query stays short. */
const CHUNK = 50;

export interface LookReport {
  observation: Observation;
  /** HWA calls made. */
  calls: number;
}

const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

const pastDeadline = (job: JobInPlan) =>
  (job.jobStatusFlags as { deadlineHasPassed?: boolean } | undefined)?.deadlineHasPassed === true;

/**
 * Reads the plan once. `openFailures`: ids of jobs awaiting a recovery; `followedNames`: names followed to their end;
 * `notStarted`: also read the jobs not started yet, keeping those past their deadline.
 */
export async function observePlan(
  client: HwaClient,
  follow: { openFailures: string[]; followedNames: string[]; notStarted?: boolean },
): Promise<LookReport> {
  let calls = 0;
  const list = async (oql: string, offset = 0) => {
    calls += 1;
    return client.listJobs({ oql, limit: PAGE, offset });
  };
  const eachPage = async (statuses: string[], keep: (job: JobInPlan) => void) => {
    const byStatus = query([oneOf("jobruns.compositeStatus.status", statuses)]);
    for (let offset = 0; offset < MAX_JOBS; offset += PAGE) {
      const page = await list(byStatus, offset);
      for (const job of page.results) keep(job);
      if (!hasMorePages(page, offset, PAGE)) break;
    }
  };
  try {
    const jobs = new Map<string, JobInPlan>();
    await eachPage(WATCHED_STATUSES, (job) => jobs.set(job.id, job));
    if (follow.notStarted)
      await eachPage(NOT_STARTED_STATUSES, (job) => {
        if (pastDeadline(job)) jobs.set(job.id, job);
      });
    const unseen = follow.openFailures.filter((id) => !jobs.has(id));
    for (const ids of chunks(unseen))
      for (const job of (await list(query([oneOf("id", ids)]))).results) jobs.set(job.id, job);
    for (const names of chunks(follow.followedNames))
      for (const job of (await list(query([oneOf("name", names)]))).results) jobs.set(job.id, job);
    calls += 1;
    const workstations = (await client.listWorkstations({ limit: PAGE, offset: 0 })).results;
    return {
      calls,
      observation: {
        ok: true,
        jobs: [...jobs.values()],
        gone: unseen.filter((id) => !jobs.has(id)),
        followedNames: follow.followedNames,
        workstations,
      },
    };
  } catch (error) {
    if (!(error instanceof HwaError)) throw error;
    return { calls, observation: { ok: false, reason: error.message } };
  }
}
