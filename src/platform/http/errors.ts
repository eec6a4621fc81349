import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ConfigError } from "../env/config";
import { describeError } from "../observability/logger";
import { metrics } from "../observability/metrics";
import type { AppEnv } from "./app-env";
import { isConvertibleToProblem, Problem, problemResponse } from "./problem";

const unexpectedErrors = metrics.counter(
  "resync_unexpected_errors_total",
  "Errors that reached the last-resort handler.",
);

/** Translates anything thrown into problem+json; unexpected errors are logged and answered without internals. */
export const onError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof Problem) return problemResponse(c, error);
  if (isConvertibleToProblem(error)) return problemResponse(c, error.toProblem());
  if (error instanceof ConfigError) {
    c.get("log")?.error("configuration invalid", { problems: error.problems });
    const detail = `The service is misconfigured: ${error.problems.map((p) => `${p.variable} ${p.message}`).join("; ")}`;
    return problemResponse(c, new Problem({ status: 500, kind: "configuration-error", detail }));
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const detail =
      status === 400 && /JSON/i.test(error.message)
        ? "Malformed JSON in request body"
        : error.message || "Request failed";
    return problemResponse(c, new Problem({ status, kind: status === 400 ? "malformed-request" : undefined, detail }));
  }
  unexpectedErrors.inc();
  c.get("log")?.error("unexpected error", describeError(error));
  return problemResponse(
    c,
    new Problem({ status: 500, kind: "internal-error", detail: "An unexpected error occurred" }),
  );
};

/** Turns route patterns into matchers, to tell 404 (no such path) from 405 (path exists, other method). */
function compile(path: string): RegExp {
  const pattern = path
    .split("/")
    .map((segment) => {
      if (segment === "*") return ".*";
      if (segment.startsWith(":")) return "[^/]+";
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return new RegExp(`^${pattern}/?$`);
}

/** A not-found handler that answers 405 with `Allow` when the path exists under other methods. */
export function notFound(routes: () => { method: string; path: string }[]): NotFoundHandler<AppEnv> {
  let table: { method: string; matcher: RegExp }[] | undefined;
  return (c: Context<AppEnv>) => {
    table ??= routes()
      .filter((route) => route.method !== "ALL" && route.path !== "/*")
      .map((route) => ({ method: route.method, matcher: compile(route.path) }));
    const allowed = new Set(table.filter((route) => route.matcher.test(c.req.path)).map((route) => route.method));
    if (allowed.size > 0) {
      if (allowed.has("GET")) allowed.add("HEAD");
      const allow = [...allowed].sort().join(", ");
      return problemResponse(
        c,
        new Problem({
          status: 405,
          kind: "method-not-allowed",
          detail: `${c.req.method} is not allowed here; use ${allow}`,
          headers: { Allow: allow },
        }),
      );
    }
    return problemResponse(c, new Problem({ status: 404, kind: "not-found", detail: `No resource at ${c.req.path}` }));
  };
}
