import type { z } from "@hono/zod-openapi";
import { database, databaseProblem } from "../platform/db/client";
import type { AppRouteHandler } from "../platform/http/router";
import { scopeOf } from "../platform/http/scope";
import { decodeCursor, encodeCursor } from "../platform/http/cursor";
import { describeError } from "../platform/observability/logger";
import type { AuditQuery, list } from "./audit.routes";
import { EXPORT_BATCH, exportStream } from "./export";
import { pageQuery, positionOf, type AuditFilters, type Position } from "./query";
import { eventView } from "./view";

function filtersOf(query: z.infer<typeof AuditQuery>): AuditFilters {
  return {
    actor: query.actor,
    action: query.action,
    target: query.target,
    outcome: query.outcome,
    since: query.since === undefined ? undefined : new Date(query.since),
    until: query.until === undefined ? undefined : new Date(query.until),
  };
}

/** The filters a cursor is bound to, in one canonical text (times as instants, whatever offset they were given in). */
const cursorQueryOf = (filters: AuditFilters) =>
  JSON.stringify([
    filters.actor ?? null,
    filters.action ?? null,
    filters.target ?? null,
    filters.outcome ?? null,
    filters.since?.getTime() ?? null,
    filters.until?.getTime() ?? null,
  ]);

/** A failed read is the database's unavailability (503 with Retry-After), as a failed connection is. */
const read = <T>(query: PromiseLike<T>): Promise<T> =>
  Promise.resolve(query).catch((error: unknown) => {
    throw databaseProblem(error);
  });

/** A page as JSON, or the whole filtered range streamed as CSV or NDJSON. */
export const listAuditEvents: AppRouteHandler<typeof list> = async (c) => {
  const query = c.req.valid("query");
  const scope = scopeOf(c);
  const filters = filtersOf(query);
  const db = await database(scope.config);

  if (query.format !== "json") {
    const first = await read(pageQuery(db, filters, EXPORT_BATCH));
    const onError = (error: unknown) => scope.log.error("audit export cut short", describeError(error));
    const stamp = new Date().toISOString().replace(/[-:]|\.\d+/g, "");
    return c.body(exportStream(db, filters, query.format, first, onError), 200, {
      "Content-Type": query.format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="resync-audit-${stamp}.${query.format}"`,
    });
  }

  const bound = cursorQueryOf(filters);
  // A cursor whose signature holds was made by `encodeCursor` below: its position is one of ours.
  const after = query.cursor ? ((await decodeCursor(scope.config, query.cursor, bound)) as Position) : undefined;
  const rows = await read(pageQuery(db, filters, query.limit + 1, after));
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const next_cursor =
    rows.length > query.limit && last ? await encodeCursor(scope.config, positionOf(last), bound) : null;
  return c.json({ items: page.map(eventView), next_cursor }, 200);
};
