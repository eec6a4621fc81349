import type { RouteHandler } from "@hono/zod-openapi";
import type { z } from "zod";
import { hwa } from "../hwa/connection";
import { HwaError } from "../hwa/errors";
import { matches, oneOf, query } from "../hwa/oql";
import type { AppEnv } from "../platform/http/app-env";
import { decodeCursor, encodeCursor } from "../platform/http/cursor";
import { currentRun, toJob, toJobDetail, type Job } from "./job";
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

function since(job: Job, from: number): boolean {
  const started = job.started_at ? Date.parse(job.started_at) : NaN;
  const ended = job.ended_at ? Date.parse(job.ended_at) : NaN;
  return started >= from || ended >= from;
}

export const listJobs: RouteHandler<typeof list, AppEnv> = async (c) => {
  const filters = c.req.valid("query");
  const oql = jobsOql(filters);
  const offset = decodeCursor(filters.cursor, `${oql}|${filters.since ?? ""}`);
  const result = await hwa(c).listJobs({ oql, limit: filters.limit, offset });
  let items = result.results.map(toJob);
  // HWA's OQL has no run-time filter; `since` narrows each page, so a page may hold fewer than `limit`.
  if (filters.since) items = items.filter((job) => since(job, Date.parse(filters.since!)));
  const consumed = offset + result.results.length;
  const more = result.next ? true : result.count !== undefined ? consumed < result.count : result.results.length === filters.limit;
  const next_cursor = more && result.results.length > 0 ? encodeCursor({ offset: consumed, query: `${oql}|${filters.since ?? ""}` }) : null;
  return c.json({ items, next_cursor }, 200);
};

export const showJob: RouteHandler<typeof show, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  return c.json(toJobDetail(await hwa(c).job(id)), 200);
};

export const jobLog: RouteHandler<typeof log, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const range = c.req.valid("query");
  const client = hwa(c);
  const job = await client.job(id);
  const runs = job.jobruns ?? [];
  const run = range.run_id ? runs.find((r) => r.id === range.run_id) : currentRun(job);
  if (!run) {
    throw new HwaError("not-found", range.run_id ? `Job ${id} has no run ${range.run_id}` : `Job ${id} has not run yet, so it has no log`);
  }
  const text = await client.jobLog(run.id, { fromLine: range.from_line, toLine: range.to_line });
  return c.text(text, 200, { "Content-Type": "text/plain; charset=utf-8", "Resync-Run-Id": run.id });
};

export const jobDependencies: RouteHandler<typeof dependencies, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const { depth } = c.req.valid("query");
  const client = hwa(c);
  const [before, after] = await Promise.all([client.relatives(id, "predecessors", depth), client.relatives(id, "successors", depth)]);
  const jobsOf = (answer: typeof before) => (Array.isArray(answer) ? answer : answer.results).map(toJob);
  return c.json({ predecessors: jobsOf(before), successors: jobsOf(after) }, 200);
};
