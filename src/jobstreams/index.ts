import { OpenAPIHono, type RouteHandler } from "@hono/zod-openapi";
import { matches, oneOf, query } from "../hwa/oql";
import { jsonText, pageText, setCacheHeaders } from "../platform/cache";
import type { AppEnv } from "../platform/http/app-env";
import { decodeCursor, encodeCursor } from "../platform/http/cursor";
import { openapiWithRememberedQuery } from "../platform/http/remembered-query";
import { validationHook } from "../platform/http/validation";
import type { JobStream } from "./jobstream";
import { readJobStream, readJobStreamPage } from "./reads";
import { list, show } from "./jobstreams.routes";

/** The body of `GET /api/v1/jobstreams`. */
type JobStreamPage = { items: JobStream[]; next_cursor: string | null };

const listJobStreams: RouteHandler<typeof list, AppEnv> = async (c) => {
  const filters = c.req.valid("query");
  const conditions: string[] = [];
  if (filters.status) conditions.push(oneOf("compositeStatus.status", filters.status));
  if (filters.common_status) conditions.push(oneOf("commonStatus", [filters.common_status]));
  if (filters.workstation) conditions.push(matches("workstation", filters.workstation));
  if (filters.name) conditions.push(matches("name", filters.name));
  const oql = query(conditions);
  const offset = decodeCursor(filters.cursor, oql);
  const read = await readJobStreamPage(c, oql, filters.limit, offset);
  setCacheHeaders(c, read);
  const nextCursor = (more: boolean, count: number) =>
    more && count > 0 ? encodeCursor({ offset: offset + count, query: oql }) : null;
  // Answered from the cached text when it has the page layout (a page another reader cached may not).
  const cached = pageText(read.json, "items");
  if (cached)
    return jsonText<JobStreamPage>(
      c,
      `{"items":${cached.itemsJson},"next_cursor":${JSON.stringify(nextCursor(cached.more, cached.count))}}`,
    );
  const { items, more } = read.value;
  return c.json({ items, next_cursor: nextCursor(more, items.length) }, 200);
};

const showJobStream: RouteHandler<typeof show, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const read = await readJobStream(c, id);
  setCacheHeaders(c, read);
  return jsonText<JobStream>(c, read.json);
};

export const jobStreamRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
openapiWithRememberedQuery(jobStreamRoutes, list, listJobStreams);
jobStreamRoutes.openapi(show, showJobStream);
