import type { OpenAPIHono, RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { LRUCache } from "lru-cache";
import type { ZodType } from "zod";
import type { AppEnv } from "./app-env";
import { validationHook } from "./validation";

/** Distinct query strings remembered per route and isolate; longer strings are validated every time. */
const REMEMBERED_QUERIES = 256;
const MAX_REMEMBERED_LENGTH = 1024;

type QueryRoute = RouteConfig & { request: { query: ZodType } };

/** What follows `?` in the request's URL, as the client sent it ("" when there is none). */
function rawQuery(c: Context): string {
  const url = c.req.url;
  const start = url.indexOf("?");
  return start < 0 ? "" : url.slice(start + 1);
}

/** The query as @hono/zod-validator hands it to the schema: one value as a string, a repeated key as an array. */
function queryValues(c: Context): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(c.req.queries()).map(([key, values]) => [key, values.length === 1 ? values[0]! : values]),
  );
}

function frozen<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Validates the query string once per distinct string and isolate (operators' consoles poll the same filters, and
 * parsing plus zod cost more than the cached answer itself). Only for schemas that are pure functions of the string
 * (no clock, no randomness); the remembered value is frozen, so no request can change another's.
 */
function rememberedQuery(schema: ZodType): MiddlewareHandler<AppEnv> {
  const remembered = new LRUCache<string, object>({ max: REMEMBERED_QUERIES });
  return async (c, next) => {
    const raw = rawQuery(c);
    let value = remembered.get(raw);
    if (!value) {
      const result = await schema.safeParseAsync(queryValues(c));
      validationHook({ ...result, target: "query" } as Parameters<typeof validationHook>[0], c as never);
      value = frozen(result.data as object);
      if (raw.length <= MAX_REMEMBERED_LENGTH) remembered.set(raw, value);
    }
    c.req.addValidatedData("query", value);
    await next();
  };
}

/**
 * `app.openapi(route, handler)` for a GET route whose query strings repeat: the OpenAPI document shows the route
 * exactly as declared, and the query is validated by `rememberedQuery` (after the route's own middleware, as the
 * standard validator would be) instead of on every request.
 */
export function openapiWithRememberedQuery<R extends QueryRoute>(
  app: OpenAPIHono<AppEnv>,
  route: R,
  handler: RouteHandler<R, AppEnv>,
) {
  const { middleware, hide: _hide, ...documented } = route;
  app.openAPIRegistry.registerPath(documented);
  const { query, ...request } = route.request;
  const before = middleware ? [middleware].flat() : [];
  app.openapi(
    { ...documented, request, hide: true, middleware: [...before, rememberedQuery(query)] } as RouteConfig,
    handler as never,
  );
  return app;
}
