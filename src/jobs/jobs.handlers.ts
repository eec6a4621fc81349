import type { RouteHandler } from "@hono/zod-openapi";
import type { z } from "zod";
import { HwaError } from "../hwa/errors";
import { matches, oneOf, query } from "../hwa/oql";
import { jsonText, pageText, setCacheHeaders } from "../platform/cache";
import type { AppEnv } from "../platform/http/app-env";
import { decodeCursor, encodeCursor } from "../platform/http/cursor";
import type { Job, JobDetail } from "./job";
import { readJob, readJobLog, readJobPage, readRelatives } from "./reads";
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
  const read = await readJobPage(c, oql, filters.limit, offset);
  setCacheHeaders(c, read);
  const nextCursor = (more: boolean, count: number) =>
    more && count > 0 ? encodeCursor({ offset: offset + count, query: cursorQuery }) : null;
  // The common case answers from the cached text: the page's items as they are, and the cursor after them.
  const cached = filters.since ? undefined : pageText(read.json, "jobs");
  if (cached)
    return jsonText<JobPage>(
      c,
      `{"items":${cached.itemsJson},"next_cursor":${JSON.stringify(nextCursor(cached.more, cached.count))}}`,
    );
  // `since` narrows each page (HWA's OQL has no run-time filter), so a page may hold fewer than `limit`.
  const page = read.value;
  const items = filters.since ? page.jobs.filter((job) => since(job, Date.parse(filters.since!))) : page.jobs;
  return c.json({ items, next_cursor: nextCursor(page.more, page.jobs.length) }, 200);
};

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
    throw new HwaError(
      "not-found",
      range.run_id ? `Job ${id} has no run ${range.run_id}` : `Job ${id} has not run yet, so it has no log`,
    );
  }
  const read = await readJobLog(c, job, run.run_id, { fromLine: range.from_line, toLine: range.to_line });
  setCacheHeaders(c, read);
  return c.text(read.value, 200, { "Content-Type": "text/plain; charset=utf-8", "Resync-Run-Id": run.run_id });
};

export const jobDependencies: RouteHandler<typeof dependencies, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const { depth } = c.req.valid("query");
  return c.json(await readRelatives(c, id, depth), 200);
};
