import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../../src/platform/http/app-env";
import { onError } from "../../../src/platform/http/errors";
import { Problem } from "../../../src/platform/http/problem";
import { openapiWithRememberedQuery } from "../../../src/platform/http/remembered-query";
import { validationHook } from "../../../src/platform/http/validation";

/** A route whose schema counts how often it really ran, behind a middleware that may refuse the request. */
function appWithCountingRoute() {
  const runs = { count: 0 };
  const query = z.strictObject({
    status: z
      .string()
      .regex(/^[A-Z]+(,[A-Z]+)*$/)
      .transform((value) => {
        runs.count++;
        return value.split(",");
      })
      .optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  });
  const route = createRoute({
    method: "get",
    path: "/things",
    middleware: (async (c, next) => {
      if (c.req.header("X-Refuse"))
        throw new Problem({ status: 403, kind: "forbidden", detail: "refused before validation" });
      await next();
    }) as Parameters<typeof createRoute>[0]["middleware"],
    request: { query },
    responses: {
      200: {
        description: "the query as validated",
        content: { "application/json": { schema: z.object({ frozen: z.boolean() }) } },
      },
    },
  });
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  openapiWithRememberedQuery(app, route, (c) => {
    const filters = c.req.valid("query");
    return c.json(
      {
        ...filters,
        frozen: Object.isFrozen(filters) && (filters.status === undefined || Object.isFrozen(filters.status)),
      },
      200,
    );
  });
  app.onError(onError);
  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
  return { app, runs, get };
}

describe("Remembered query validation", () => {
  it("validates a query string once, then answers with the same (frozen) value", async () => {
    const { runs, get } = appWithCountingRoute();
    const first = await get("/things?status=ABEND,FAIL&limit=10");
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ status: ["ABEND", "FAIL"], limit: 10, frozen: true });
    const again = await get("/things?status=ABEND,FAIL&limit=10");
    expect(await again.json()).toEqual({ status: ["ABEND", "FAIL"], limit: 10, frozen: true });
    expect(runs.count).toBe(1);

    // Another string (even the same filters in another order) is validated on its own.
    expect(await (await get("/things?limit=10&status=ABEND,FAIL")).json()).toMatchObject({
      status: ["ABEND", "FAIL"],
      limit: 10,
    });
    expect(runs.count).toBe(2);
    expect(await (await get("/things")).json()).toEqual({ limit: 50, frozen: true });
  });

  it("answers an invalid query with 400 every time, without remembering it", async () => {
    const { runs, get } = appWithCountingRoute();
    for (let i = 0; i < 2; i++) {
      const response = await get("/things?status=ABEND&limit=0");
      expect(response.status).toBe(400);
      expect(response.headers.get("Content-Type")).toContain("application/problem+json");
      const problem = (await response.json()) as { errors: { path: string }[] };
      expect(problem.errors.map((e) => e.path)).toEqual(["query.limit"]);
    }
    expect(runs.count).toBe(2);
    expect((await get("/things?unknown=1")).status).toBe(400);
  });

  it("runs the route's own middleware first, as the standard validator does", async () => {
    const { get } = appWithCountingRoute();
    expect((await get("/things?limit=0", { "X-Refuse": "1" })).status).toBe(403);
  });

  it("remembers a bounded number of query strings: the least recently used is validated again", async () => {
    const { runs, get } = appWithCountingRoute();
    await get("/things?status=A");
    for (let i = 0; i < 256; i++) await get(`/things?status=A&limit=${i + 1}`);
    expect(runs.count).toBe(257);
    await get("/things?status=A");
    expect(runs.count).toBe(258);
  });

  it("documents the route with its query, as declared", async () => {
    const { app } = appWithCountingRoute();
    const doc = app.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "t", version: "1" } });
    const parameters = (doc.paths!["/things"]!.get!.parameters ?? []) as { name: string; in: string }[];
    expect(parameters.map((p) => `${p.in}:${p.name}`)).toEqual(["query:status", "query:limit"]);

    const api = (await (await SELF.fetch("http://resync.test/openapi.json")).json()) as {
      paths: Record<string, { get: { parameters?: { name: string; in: string }[] } }>;
    };
    const names = (path: string) => (api.paths[path]!.get.parameters ?? []).map((p) => `${p.in}:${p.name}`);
    expect(names("/api/v1/jobs")).toEqual(
      expect.arrayContaining(["query:status", "query:stream", "query:limit", "query:cursor"]),
    );
    expect(names("/api/v1/jobs/{id}/log")).toEqual(
      expect.arrayContaining(["path:id", "query:from_line", "query:run_id"]),
    );
    expect(names("/api/v1/jobstreams")).toEqual(expect.arrayContaining(["query:status", "query:limit"]));
  });
});
