import type { z } from "zod";
import { HwaError } from "../hwa/errors";
import { matches, oneOf, query } from "../hwa/oql";
import { jsonText, setCacheHeaders } from "../platform/http/cached-read";
import { decodeOffset, encodeCursor } from "../platform/http/cursor";
import { listPageAnswer } from "../platform/http/list-page";
import type { AppRouteHandler } from "../platform/http/router";
import { scopeOf } from "../platform/http/scope";
import { engineBound } from "../engines/links";
import { performJobAction } from "./actions";
import type { Job, JobDetail } from "./job";
import type { dependencies, list, ListQuery, log, performAction, show } from "./jobs.routes";
import { readJob, readJobLog, readJobPage, readRelatives } from "./reads";

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

function since(job: Job, from: number): boolean {
  const started = job.started_at ? Date.parse(job.started_at) : NaN;
  const ended = job.ended_at ? Date.parse(job.ended_at) : NaN;
  return started >= from || ended >= from;
}

export const listJobs: AppRouteHandler<typeof list> = async (c) => {
  const filters = c.req.valid("query");
  const oql = jobsOql(filters);
  const scope = scopeOf(c);
  const cursorQuery = engineBound(scope, `${oql}|${filters.since ?? ""}`);
  const offset = await decodeOffset(scope.config, filters.cursor, cursorQuery);
  const read = await readJobPage(scope, oql, filters.limit, offset);
  setCacheHeaders(c, read);
  const nextCursor = (more: boolean, count: number) =>
    more && count > 0 ? encodeCursor(scope.config, offset + count, cursorQuery) : null;
  if (!filters.since) return listPageAnswer(c, read, "jobs", nextCursor);
  // `since` narrows each page (HWA's OQL has no run-time filter), so a page may hold fewer than `limit`.
  const page = read.value;
  const from = Date.parse(filters.since);
  return c.json(
    { items: page.jobs.filter((job) => since(job, from)), next_cursor: await nextCursor(page.more, page.jobs.length) },
    200,
  );
};

export const showJob: AppRouteHandler<typeof show> = async (c) => {
  const { id } = c.req.valid("param");
  const read = await readJob(scopeOf(c), id);
  setCacheHeaders(c, read);
  return jsonText<JobDetail>(c, read.json);
};

export const jobLog: AppRouteHandler<typeof log> = async (c) => {
  const scope = scopeOf(c);
  const { id } = c.req.valid("param");
  const range = c.req.valid("query");
  const job = (await readJob(scope, id)).value;
  const run = job.runs.find((r) => (range.run_id ? r.run_id === range.run_id : r.last_in_rerun_chain));
  if (!run) {
    throw new HwaError(
      "not-found",
      range.run_id ? `Job ${id} has no run ${range.run_id}` : `Job ${id} has not run yet, so it has no log`,
    );
  }
  const read = await readJobLog(scope, job, run.run_id, { fromLine: range.from_line, toLine: range.to_line });
  setCacheHeaders(c, read);
  return c.text(read.value, 200, { "Content-Type": "text/plain; charset=utf-8", "Resync-Run-Id": run.run_id });
};

export const jobDependencies: AppRouteHandler<typeof dependencies> = async (c) => {
  const { id } = c.req.valid("param");
  const { depth } = c.req.valid("query");
  return c.json(await readRelatives(scopeOf(c), id, depth), 200);
};

export const jobAction: AppRouteHandler<typeof performAction> = async (c) => {
  const { id, action } = c.req.valid("param");
  const body = c.req.valid("json") as { reason?: string } | undefined;
  return c.json(await performJobAction(scopeOf(c), id, action, { reason: body?.reason }), 200);
};
