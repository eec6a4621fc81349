import type { RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { z } from "zod";
import { hwa } from "../hwa/connection";
import { hasMorePages } from "../hwa/paging";
import { HwaError } from "../hwa/errors";
import { matches, oneOf, query } from "../hwa/oql";
import { cacheKeys, jsonText, pageOf, pageText, readThrough, setCacheHeaders } from "../platform/cache";
import type { AppEnv } from "../platform/http/app-env";
import { decodeCursor, encodeCursor } from "../platform/http/cursor";
import { toJob, toJobDetail, type Job, type JobDetail } from "./job";
import type { dependencies, list, ListQuery, log, show } from "./jobs.routes";

/** The operator's filters as OQL; every value is a literal (see hwa/oql.ts). */
export function jobsOql(filters: z.infer<typeof ListQuery>): string {
  const conditions: string[] = [];
  if (filters.status) conditions.push(oneOf("jobruns.compositeStatus.status", filters.status));
  if (filters.common_status) conditions.push(oneOf("lastRunCommonStatus", [filters.common_status]));
  if (filters.stream) conditions.push(matches("jobStreamName", filters.stream));
  if (filters.workstation) conditions.push(matches("workstation", filters.workstation));
  if (filters.name) conditions.push(matches("name", filters.name));
  return query(conditions, "jobStreamName ASC, name ASC");
}

/** The body of `GET /api/v1/jobs`. */
type JobPage = { items: Job[]; next_cursor: string | null };

function since(job: Job, from: number): boolean {
  const started = job.started_at ? Date.parse(job.started_at) : NaN;
  const ended = job.ended_at ? Date.parse(job.ended_at) : NaN;
  return started >= from || ended >= from;
}

export const listJobs: RouteHandler<typeof list, AppEnv> = async (c) => {
  const filters = c.req.valid("query");
  const oql = jobsOql(filters);
  const cursorQuery = `${oql}|${filters.since ?? ""}`;
  const offset = decodeCursor(filters.cursor, cursorQuery);
  const read = await readThrough(c, {
    resource: "jobs",
    key: cacheKeys.jobList(oql, filters.limit, offset),
    load: async () => {
      const result = await hwa(c).listJobs({ oql, limit: filters.limit, offset });
      return pageOf("jobs", result.results.map(toJob), hasMorePages(result, offset, filters.limit));
    },
  });
  setCacheHeaders(c, read);
  const nextCursor = (more: boolean, count: number) => (more && count > 0 ? encodeCursor({ offset: offset + count, query: cursorQuery }) : null);
  // The common case answers from the cached text: the page's items as they are, and the cursor after them.
  const cached = filters.since ? undefined : pageText(read.json, "jobs");
  if (cached) return jsonText<JobPage>(c, `{"items":${cached.itemsJson},"next_cursor":${JSON.stringify(nextCursor(cached.more, cached.count))}}`);
  // `since` narrows each page (HWA's OQL has no run-time filter), so a page may hold fewer than `limit`.
  const page = read.value;
  const items = filters.since ? page.jobs.filter((job) => since(job, Date.parse(filters.since!))) : page.jobs;
  return c.json({ items, next_cursor: nextCursor(page.more, page.jobs.length) }, 200);
};

/** One job with its runs, through the cache (status is fresh for about 10 s). */
function readJob(c: Context<AppEnv>, id: string) {
  return readThrough(c, { resource: "job", key: cacheKeys.job(id), load: async () => toJobDetail(await hwa(c).job(id)) });
}

export const showJob: RouteHandler<typeof show, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const read = await readJob(c, id);
  setCacheHeaders(c, read);
  return jsonText<JobDetail>(c, read.json);
};

export const jobLog: RouteHandler<typeof log, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const range = c.req.valid("query");
  const job = (await readJob(c, id)).value;
  const run = job.runs.find((r) => (range.run_id ? r.run_id === range.run_id : r.last_in_rerun_chain));
  if (!run) {
    throw new HwaError("not-found", range.run_id ? `Job ${id} has no run ${range.run_id}` : `Job ${id} has not run yet, so it has no log`);
  }
  const lines = { fromLine: range.from_line, toLine: range.to_line };
  const read = await readThrough(c, {
    // A finished run's log never changes again; a running one's grows.
    resource: run.ended_at ? "joblog" : "joblog-running",
    key: cacheKeys.jobLog(id, run.run_id, lines),
    load: () => hwa(c).jobLog(run.run_id, lines),
  });
  setCacheHeaders(c, read);
  return c.text(read.value, 200, { "Content-Type": "text/plain; charset=utf-8", "Resync-Run-Id": run.run_id });
};

export const jobDependencies: RouteHandler<typeof dependencies, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const { depth } = c.req.valid("query");
  const client = hwa(c);
  const [before, after] = await Promise.all([client.relatives(id, "predecessors", depth), client.relatives(id, "successors", depth)]);
  const jobsOf = (answer: typeof before) => (Array.isArray(answer) ? answer : answer.results).map(toJob);
  return c.json({ predecessors: jobsOf(before), successors: jobsOf(after) }, 200);
};
