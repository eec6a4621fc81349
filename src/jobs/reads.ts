import { hwa } from "../hwa/connection";
import { hasMorePages } from "../hwa/paging";
import { cacheKeys, readThrough } from "../hwa/cache";
import { pageOf, type Page, type Read } from "../platform/cache";
import type { Scope } from "../platform/scope/scope";
import { toJob, toJobDetail, type Job, type JobDetail } from "./job";

// Reads of jobs through the cache, shared by the jobs API and the chat so both see (and invalidate) the same entries.

/** A cached page of jobs, laid out as the jobs API answers from it (see platform/cache/page.ts). */
export type JobPage = Page<"jobs", Job>;

/** One page of the plan's jobs matching `oql`. */
export function readJobPage(scope: Scope, oql: string, limit: number, offset: number): Promise<Read<JobPage>> {
  return readThrough(scope, {
    resource: "jobs",
    key: cacheKeys.jobList(oql, limit, offset),
    load: async () => {
      const result = await hwa(scope).listJobs({ oql, limit, offset });
      return pageOf("jobs", result.results.map(toJob), hasMorePages(result, offset, limit));
    },
  });
}

/** One job with its runs (status is fresh for about 10 s). */
export function readJob(scope: Scope, id: string): Promise<Read<JobDetail>> {
  return readThrough(scope, {
    resource: "job",
    key: cacheKeys.job(id),
    load: async () => toJobDetail(await hwa(scope).job(id)),
  });
}

/** A run's log, or a line range of it; a finished run's log never changes again, a running one's grows. */
export function readJobLog(
  scope: Scope,
  job: JobDetail,
  runId: string,
  lines: { fromLine?: number; toLine?: number } = {},
): Promise<Read<string>> {
  const run = job.runs.find((r) => r.run_id === runId);
  return readThrough(scope, {
    resource: run?.ended_at ? "joblog" : "joblog-running",
    key: cacheKeys.jobLog(job.id, runId, lines),
    load: () => hwa(scope).jobLog(runId, lines),
  });
}

/** What the job waits for (`predecessors`) and what waits for it (`successors`); not cached. */
export async function readRelatives(
  scope: Scope,
  jobId: string,
  depth = 1,
): Promise<{ predecessors: Job[]; successors: Job[] }> {
  const client = hwa(scope);
  const [before, after] = await Promise.all([
    client.relatives(jobId, "predecessors", depth),
    client.relatives(jobId, "successors", depth),
  ]);
  const jobsOf = (answer: typeof before) => (Array.isArray(answer) ? answer : answer.results).map(toJob);
  return { predecessors: jobsOf(before), successors: jobsOf(after) };
}
