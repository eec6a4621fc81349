import { matches, oneOf, query } from "../hwa/oql";
import { jsonText, setCacheHeaders } from "../platform/http/cached-read";
import { decodeOffset, encodeCursor } from "../platform/http/cursor";
import { listPageAnswer } from "../platform/http/list-page";
import type { AppRouteHandler } from "../platform/http/router";
import { scopeOf } from "../platform/http/scope";
import { engineBound } from "../engines/links";
import type { JobStream } from "./jobstream";
import type { list, show } from "./jobstreams.routes";
import { readJobStream, readJobStreamPage } from "./reads";

export const listJobStreams: AppRouteHandler<typeof list> = async (c) => {
  const filters = c.req.valid("query");
  const conditions: string[] = [];
  if (filters.status) conditions.push(oneOf("compositeStatus.status", filters.status));
  if (filters.common_status) conditions.push(oneOf("commonStatus", [filters.common_status]));
  if (filters.workstation) conditions.push(matches("workstation", filters.workstation));
  if (filters.name) conditions.push(matches("name", filters.name));
  const oql = query(conditions);
  const scope = scopeOf(c);
  const cursorQuery = engineBound(scope, oql);
  const offset = await decodeOffset(scope.config, filters.cursor, cursorQuery);
  const read = await readJobStreamPage(scope, oql, filters.limit, offset);
  setCacheHeaders(c, read);
  return listPageAnswer(c, read, "items", (more, count) =>
    more && count > 0 ? encodeCursor(scope.config, offset + count, cursorQuery) : null,
  );
};

export const showJobStream: AppRouteHandler<typeof show> = async (c) => {
  const { id } = c.req.valid("param");
  const read = await readJobStream(scopeOf(c), id);
  setCacheHeaders(c, read);
  return jsonText<JobStream>(c, read.json);
};
