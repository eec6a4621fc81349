import { OpenAPIHono, type RouteHandler } from "@hono/zod-openapi";
import { hwa } from "../hwa/connection";
import { hasMorePages } from "../hwa/paging";
import { matches, oneOf, query } from "../hwa/oql";
import { cacheKeys, readThrough, setCacheHeaders } from "../platform/cache";
import type { AppEnv } from "../platform/http/app-env";
import { decodeCursor, encodeCursor } from "../platform/http/cursor";
import { validationHook } from "../platform/http/validation";
import { toJobStream } from "./jobstream";
import { list, show } from "./jobstreams.routes";

const listJobStreams: RouteHandler<typeof list, AppEnv> = async (c) => {
  const filters = c.req.valid("query");
  const conditions: string[] = [];
  if (filters.status) conditions.push(oneOf("compositeStatus.status", filters.status));
  if (filters.common_status) conditions.push(oneOf("commonStatus", [filters.common_status]));
  if (filters.workstation) conditions.push(matches("workstation", filters.workstation));
  if (filters.name) conditions.push(matches("name", filters.name));
  const oql = query(conditions);
  const offset = decodeCursor(filters.cursor, oql);
  const read = await readThrough(c, {
    resource: "jobstreams",
    key: cacheKeys.jobStreamList(oql, filters.limit, offset),
    load: async () => {
      const result = await hwa(c).listJobStreams({ oql, limit: filters.limit, offset });
      const more = hasMorePages(result, offset, filters.limit);
      return { items: result.results.map(toJobStream), more };
    },
  });
  const { items, more } = read.value;
  setCacheHeaders(c, read);
  return c.json({ items, next_cursor: more && items.length > 0 ? encodeCursor({ offset: offset + items.length, query: oql }) : null }, 200);
};

const showJobStream: RouteHandler<typeof show, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const read = await readThrough(c, { resource: "jobstream", key: cacheKeys.jobStream(id), load: async () => toJobStream(await hwa(c).jobStream(id)) });
  setCacheHeaders(c, read);
  return c.json(read.value, 200);
};

export const jobStreamRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(list, listJobStreams).openapi(show, showJobStream);
