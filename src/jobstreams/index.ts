import { OpenAPIHono, type RouteHandler } from "@hono/zod-openapi";
import { hwa } from "../hwa/connection";
import { matches, oneOf, query } from "../hwa/oql";
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
  const result = await hwa(c).listJobStreams({ oql, limit: filters.limit, offset });
  const consumed = offset + result.results.length;
  const more = result.next ? true : result.count !== undefined ? consumed < result.count : result.results.length === filters.limit;
  return c.json({ items: result.results.map(toJobStream), next_cursor: more && result.results.length > 0 ? encodeCursor({ offset: consumed, query: oql }) : null }, 200);
};

const showJobStream: RouteHandler<typeof show, AppEnv> = async (c) => {
  return c.json(toJobStream(await hwa(c).jobStream(c.req.valid("param").id)), 200);
};

export const jobStreamRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(list, listJobStreams).openapi(show, showJobStream);
