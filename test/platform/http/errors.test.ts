import { createRoute, z } from "@hono/zod-openapi";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../src/app";
import { captureLogs } from "../../helpers/logs";
import { bindings, problemOf } from "../../helpers/worker";

// The real application with two extra routes, so the error paths of request bodies can be exercised
// before any feature declares a body.
const app = createApp();
app.openapi(
  createRoute({
    method: "post",
    path: "/test/echo",
    request: {
      body: {
        required: true,
        content: {
          "application/json": { schema: z.strictObject({ name: z.string().min(1), count: z.number().int().max(10) }) },
        },
      },
    },
    responses: {
      200: { description: "echo", content: { "application/json": { schema: z.object({ name: z.string() }) } } },
    },
  }),
  (c) => c.json({ name: c.req.valid("json").name }, 200),
);
app.get("/test/explode", () => {
  throw new Error("secret internal detail at /srv/app.ts:42");
});

async function call(path: string, init?: RequestInit, env = bindings) {
  const ctx = createExecutionContext();
  const response = await app.fetch(new Request(`http://resync.test${path}`, init), env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

const json = (body: string, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "Content-Type": "application/json", ...headers },
  body,
});

describe("problem+json for every error", () => {
  it("404 for an unknown path", async () => {
    const response = await call("/nope");
    expect(response.status).toBe(404);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ title: "Not Found", instance: "/nope" });
  });

  it("405 with Allow when the path exists under another method", async () => {
    const response = await call("/health", { method: "DELETE" });
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("GET, HEAD");
    expect((await problemOf(response)).title).toBe("Method Not Allowed");
  });

  it("400 for malformed JSON", async () => {
    const response = await call("/test/echo", json("{not json"));
    expect(response.status).toBe(400);
    expect((await problemOf(response)).detail).toBe("Malformed JSON in request body");
  });

  it("400 with errors[] for invalid and unknown fields", async () => {
    const response = await call("/test/echo", json(JSON.stringify({ name: "", count: 11, extra: true })));
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.type).toBe("urn:resync:problem:validation-error");
    const paths = problem.errors!.map((e) => e.path).sort();
    expect(paths).toEqual(["body", "body.count", "body.name"]);
    expect(problem.errors!.find((e) => e.path === "body")!.message).toMatch(/extra/);
  });

  it("accepts a valid body", async () => {
    const response = await call("/test/echo", json(JSON.stringify({ name: "LOAD", count: 3 })));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: "LOAD" });
  });

  it("413 when Content-Length exceeds the limit", async () => {
    const big = JSON.stringify({ name: "x".repeat(2048), count: 1 });
    const response = await call("/test/echo", json(big), { ...bindings, MAX_BODY_BYTES: "1024" });
    expect(response.status).toBe(413);
    expect((await problemOf(response)).detail).toBe("Request body exceeds 1024 bytes");
  });

  it("413 when a streamed body without Content-Length exceeds the limit", async () => {
    const chunk = new TextEncoder().encode("x".repeat(600));
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await call(
      "/test/echo",
      {
        method: "POST",
        headers: { "Content-Type": "application/json", "Transfer-Encoding": "chunked" },
        body: stream,
        duplex: "half",
      } as RequestInit,
      { ...bindings, MAX_BODY_BYTES: "1024" },
    );
    expect(response.status).toBe(413);
    await problemOf(response);
  });

  it("415 for a body that is not JSON", async () => {
    const response = await call("/test/echo", {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: "name=x",
    });
    expect(response.status).toBe(415);
    expect((await problemOf(response)).detail).toBe("Content-Type must be application/json");
  });

  it("500 without internals for an unexpected error; the log keeps what the answer hides", async () => {
    const logs = captureLogs();
    const response = await call("/test/explode");
    expect(response.status).toBe(500);
    const text = await response.clone().text();
    expect(text).not.toContain("secret internal detail");
    expect(text).not.toContain("app.ts");
    expect((await problemOf(response)).detail).toBe("An unexpected error occurred");
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: "error",
        message: "unexpected error",
        error_message: "secret internal detail at /srv/app.ts:42",
        correlation_id: response.headers.get("X-Correlation-ID"),
      }),
    );
  });

  it("500 naming the variable, never its value, when a secret is malformed (in the answer and in the log)", async () => {
    const logs = captureLogs();
    const response = await call("/health/ready", undefined, { ...bindings, JWT_SECRET: "short-secret-value" });
    expect(response.status).toBe(500);
    const text = await response.clone().text();
    expect(text).not.toContain("short-secret-value");
    const problem = await problemOf(response);
    expect(problem.type).toBe("urn:resync:problem:configuration-error");
    expect(problem.detail).toContain("JWT_SECRET");
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: "error",
        message: "configuration invalid",
        problems: [expect.objectContaining({ variable: "JWT_SECRET" })],
      }),
    );
    expect(JSON.stringify(logs)).not.toContain("short-secret-value");
  });

  it("500 naming a missing secret, while liveness still answers", async () => {
    const logs = captureLogs();
    const broken = { ...bindings, CSRF_SECRET: undefined };
    const ready = await call("/health/ready", undefined, broken);
    expect(ready.status).toBe(500);
    expect((await problemOf(ready)).detail).toContain("CSRF_SECRET is required");
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: "error",
        message: "configuration invalid",
        problems: [{ variable: "CSRF_SECRET", message: "CSRF_SECRET is required" }],
      }),
    );
    const live = await call("/health", undefined, broken);
    expect(live.status).toBe(200);
  });

  it("401 problems carry WWW-Authenticate", async () => {
    const response = await call("/metrics", undefined, { ...bindings, METRICS_TOKEN: "m".repeat(40) });
    expect(response.status).toBe(401);
    expect(response.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    await problemOf(response);
  });
});

describe("headers on every response", () => {
  it("echoes a valid correlation id and replaces an invalid one", async () => {
    const echoed = await call("/health", { headers: { "X-Correlation-ID": "op-42.retry_1" } });
    expect(echoed.headers.get("X-Correlation-ID")).toBe("op-42.retry_1");
    const replaced = await call("/health", { headers: { "X-Correlation-ID": "bad id with spaces" } });
    expect(replaced.headers.get("X-Correlation-ID")).toMatch(/^[0-9a-f-]{36}$/);
    const problem = await call("/nope", { headers: { "X-Correlation-ID": "a".repeat(65) } });
    const id = problem.headers.get("X-Correlation-ID")!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await problemOf(problem)).correlation_id).toBe(id);
  });

  it("sends the security headers and no-store", async () => {
    for (const response of [await call("/health"), await call("/nope")]) {
      expect(response.headers.get("Strict-Transport-Security")).toContain("max-age=");
      expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
      expect(response.headers.get("X-Frame-Options")).toBe("DENY");
      expect(response.headers.get("Cache-Control")).toBe("no-store");
    }
  });
});
