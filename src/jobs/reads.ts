import type { Context } from "hono";
import { hwa } from "../hwa/connection";
import { hasMorePages } from "../hwa/paging";
import { cacheKeys, pageOf, readThrough, type Page, type Read } from "../platform/cache";
import type { AppEnv } from "../platform/http/app-env";
import { toJob, toJobDetail, type Job, type JobDetail } from "./job";

// Reads of jobs through the cache, shared by the jobs API and the chat so both see (and invalidate) the same entries.

/** A cached page of jobs, laid out as the jobs API answers from it (see platform/cache/page.ts). */
export type JobPage = Page<"jobs", Job>;

/** One page of the plan's jobs matching `oql`. */
export function readJobPage(c: Context<AppEnv>, oql: string, limit: number, offset: number): Promise<Read<JobPage>> {
  return readThrough(c, {
    resource: "jobs",
    key: cacheKeys.jobList(oql, limit, offset),
    load: async () => {
      const result = await hwa(c).listJobs({ oql, limit, offset });
      return pageOf("jobs", result.results.map(toJob), hasMorePages(result, offset, limit));
    },
  });
}

/** One job with its runs (status is fresh for about 10 s). */
export function readJob(c: Context<AppEnv>, id: string): Promise<Read<JobDetail>> {
  return readThrough(c, {
    resource: "job",
    key: cacheKeys.job(id),
    load: async () => toJobDetail(await hwa(c).job(id)),
  });
}

/** A run's log, or a line range of it; a finished run's log never changes again, a running one's grows. */
export function readJobLog(
  c: Context<AppEnv>,
  job: JobDetail,
  runId: string,
  lines: { fromLine?: number; toLine?: number } = {},
): Promise<Read<string>> {
  const run = job.runs.find((r) => r.run_id === runId);
  return readThrough(c, {
    resource: run?.ended_at ? "joblog" : "joblog-running",
    key: cacheKeys.jobLog(job.id, runId, lines),
    load: () => hwa(c).jobLog(runId, lines),
  });
}

/** What the job waits for (`predecessors`) and what waits for it (`successors`); not cached. */
export async function readRelatives(
  c: Context<AppEnv>,
  jobId: string,
  depth = 1,
): Promise<{ predecessors: Job[]; successors: Job[] }> {
  const client = hwa(c);
  const [before, after] = await Promise.all([
    client.relatives(jobId, "predecessors", depth),
    client.relatives(jobId, "successors", depth),
  ]);
  const jobsOf = (answer: typeof before) => (Array.isArray(answer) ? answer : answer.results).map(toJob);
  return { predecessors: jobsOf(before), successors: jobsOf(after) };
}
