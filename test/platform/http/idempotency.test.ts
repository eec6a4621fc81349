import {
  createExecutionContext,
  env,
  runDurableObjectAlarm,
  runInDurableObject,
  waitOnExecutionContext,
} from "cloudflare:test";
import { type Context, Hono } from "hono";
import { describe, expect, it, vi } from "vitest";
import { RECORD_KEY } from "../../../durable-objects/idempotency-store";
import type { Bindings } from "../../../src/platform/env/bindings";
import type { AppEnv } from "../../../src/platform/http/app-env";
import { onError } from "../../../src/platform/http/errors";
import { idempotency } from "../../../src/platform/http/idempotency";
import { Problem } from "../../../src/platform/http/problem";
import { requestContext } from "../../../src/platform/http/request-context";
import {
  MAX_STORED_BODY_BYTES,
  RECORD_TTL_MS,
  type IdempotencyRecord,
} from "../../../src/platform/idempotency/records";
import { scopeName } from "../../../src/platform/idempotency/run-once";
import { captureLogs } from "../../helpers/logs";
import { problemOf } from "../../helpers/worker";

// The idempotency middleware on a tiny app whose handler counts its calls: what the middleware promises, whatever
// the route behind it does. What a job action makes of it (HWA acts once) is in test/jobs/job-actions-idempotency.test.ts.

interface Call {
  method: string;
  path: string;
  user: string;
  body: string;
}

/**
 * A tiny app behind `idempotency()`; `X-Test-User` stands in for authentication. `?fail` makes the handler answer 503
 * (the query is not part of the key's scope).
 */
function tinyApp() {
  const calls: Call[] = [];
  let gate: Promise<void> = Promise.resolve();
  const handler = async (c: Context<AppEnv>) => {
    const body = await c.req.text();
    calls.push({ method: c.req.method, path: c.req.path, user: c.get("identity")?.username ?? "anonymous", body });
    const call = calls.length;
    await gate;
    return c.json({ call, body }, c.req.query("fail") === undefined ? 201 : 503, {
      ETag: `"call-${call}"`,
      Location: `/things/${call}`,
      "Set-Cookie": `seen=${call}; Path=/; HttpOnly`,
      "X-Handler": String(call),
    });
  };
  const counted =
    (answer: (c: Context<AppEnv>) => Response | Promise<Response>) =>
    async (c: Context<AppEnv>): Promise<Response> => {
      calls.push({ method: c.req.method, path: c.req.path, user: "anonymous", body: await c.req.text() });
      return answer(c);
    };
  const app = new Hono<AppEnv>()
    .use(requestContext())
    .use(async (c, next) => {
      const username = c.req.header("X-Test-User");
      if (username) {
        const now = Math.floor(Date.now() / 1000);
        c.set("identity", { username, role: "operator", jti: username, iat: now, exp: now + 60, via: "bearer" });
      }
      await next();
    })
    .on(["POST", "PUT"], ["/x", "/y"], idempotency(), handler)
    .post("/short-lease", idempotency({ leaseMs: 2_000 }), handler)
    .post(
      "/status/:code",
      idempotency(),
      counted((c) => {
        const code = Number(c.req.param("code"));
        if (code === 204) return c.body(null, 204);
        if (code === 409) throw new Problem({ status: 409, kind: "conflict", detail: "refused by the handler" });
        return c.json({ code }, code as 200);
      }),
    )
    .post(
      "/crash",
      idempotency(),
      counted(() => {
        throw new Error("the handler crashed");
      }),
    )
    .post(
      "/large",
      idempotency({ leaseMs: 30_000 }),
      counted((c) => c.text("x".repeat(MAX_STORED_BODY_BYTES + 1))),
    );
  app.onError(onError);
  return {
    app,
    calls,
    /** Handlers wait from now until the function returned is called. */
    hold(): () => void {
      let release!: () => void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return release;
    },
  };
}

interface Send {
  method?: string;
  path?: string;
  key?: string | null;
  body?: string;
  user?: string;
  env?: Bindings;
}

/** One request through the app's fetch, as the Worker would call it, its background work awaited. */
async function send(app: Hono<AppEnv>, { method = "POST", path = "/x", key, body, user, env: bindings = env }: Send) {
  const headers = new Headers();
  if (key !== null && key !== undefined) headers.set("Idempotency-Key", key);
  if (body !== undefined) headers.set("Content-Type", "application/json");
  if (user) headers.set("X-Test-User", user);
  const ctx = createExecutionContext();
  const response = await app.fetch(new Request(`https://resync.test${path}`, { method, headers, body }), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

const newKey = () => crypto.randomUUID();
const bytesOf = async (response: Response) => [...new Uint8Array(await response.arrayBuffer())];

/** The IdempotencyStore of one key scope. */
async function storeOf(user: string, method: string, path: string, key: string) {
  const namespace = env.IDEMPOTENCY_STORE;
  return namespace.get(namespace.idFromName(await scopeName(user, method, path, key)));
}

describe("Idempotency-Key is required and well formed", () => {
  it("missing → 400 problem naming the header; the handler is not called", async () => {
    const { app, calls } = tinyApp();
    const response = await send(app, { key: null, body: "{}" });
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.type).toBe("urn:resync:problem:idempotency-key-missing");
    expect(problem.detail).toMatch(/Idempotency-Key/);
    expect(calls).toEqual([]);
  });

  it.each([
    ["empty", "", "idempotency-key-missing"],
    ["a space", "two words", "idempotency-key-invalid"],
    ["a control character", "tab\there", "idempotency-key-invalid"],
    ["non-ASCII", "clé", "idempotency-key-invalid"],
    ["256 characters", "k".repeat(256), "idempotency-key-invalid"],
  ])("%s → 400 %s; the handler is not called", async (_name, key, kind) => {
    const { app, calls } = tinyApp();
    const response = await send(app, { key });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).type).toBe(`urn:resync:problem:${kind}`);
    expect(calls).toEqual([]);
  });

  it("1 and 255 visible ASCII characters are valid keys", async () => {
    const { app, calls } = tinyApp();
    expect((await send(app, { key: `${"~!".repeat(127)}${crypto.randomUUID().slice(0, 1)}` })).status).toBe(201);
    expect((await send(app, { key: crypto.randomUUID().slice(0, 1), path: "/y" })).status).toBe(201);
    expect(calls).toHaveLength(2);
  });
});

describe("replays", () => {
  it("a replay is the stored answer byte for byte, marked Idempotency-Replayed, with this request's correlation id", async () => {
    const { app, calls } = tinyApp();
    const key = newKey();
    const first = await send(app, { key, body: JSON.stringify({ reason: "disk full", count: 2 }) });
    expect(first.status).toBe(201);
    expect(first.headers.get("Idempotency-Replayed")).toBeNull();
    const firstBytes = await bytesOf(first.clone());

    // The same body with other key order and spacing has the same fingerprint.
    const replay = await send(app, { key, body: '{ "count" : 2,   "reason": "disk full" }' });
    expect(calls).toHaveLength(1);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("Idempotency-Replayed")).toBe("true");
    expect(await bytesOf(replay.clone())).toEqual(firstBytes);
    for (const kept of ["Content-Type", "ETag", "Location"])
      expect(replay.headers.get(kept), kept).toBe(first.headers.get(kept));
    // Never another request's cookies, correlation id or the handler's other headers.
    expect(replay.headers.get("Set-Cookie")).toBeNull();
    expect(replay.headers.get("X-Handler")).toBeNull();
    expect(replay.headers.get("X-Correlation-ID")).toMatch(/^[0-9a-f-]{36}$/);
    expect(replay.headers.get("X-Correlation-ID")).not.toBe(first.headers.get("X-Correlation-ID"));
  });

  it("the same key with another body → 422, and the handler is not called again", async () => {
    const { app, calls } = tinyApp();
    const key = newKey();
    expect((await send(app, { key, body: JSON.stringify({ reason: "a" }) })).status).toBe(201);
    const other = await send(app, { key, body: JSON.stringify({ reason: "b" }) });
    expect(other.status).toBe(422);
    const problem = await problemOf(other);
    expect(problem.type).toBe("urn:resync:problem:idempotency-key-reused");
    expect(problem.detail).toMatch(/different request body/);
    expect((await send(app, { key })).status).toBe(422); // no body is another body too
    expect(calls).toHaveLength(1);
  });

  it("a 4xx answer is stored and replayed like any other", async () => {
    const { app, calls } = tinyApp();
    const key = newKey();
    const refused = await send(app, { key, path: "/status/409" });
    expect(refused.status).toBe(409);
    const refusedBytes = await bytesOf(refused);
    const replay = await send(app, { key, path: "/status/409" });
    expect(replay.status).toBe(409);
    expect(replay.headers.get("Idempotency-Replayed")).toBe("true");
    expect(replay.headers.get("Content-Type")).toBe("application/problem+json");
    expect(await bytesOf(replay)).toEqual(refusedBytes);
    expect(calls).toHaveLength(1);
  });

  it("a 204 is replayed without a body", async () => {
    const { app, calls } = tinyApp();
    const key = newKey();
    expect((await send(app, { key, path: "/status/204" })).status).toBe(204);
    const replay = await send(app, { key, path: "/status/204" });
    expect(replay.status).toBe(204);
    expect(replay.headers.get("Idempotency-Replayed")).toBe("true");
    expect(replay.body).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it("a 5xx is not stored: the same key runs the handler again", async () => {
    const { app, calls } = tinyApp();
    const key = newKey();
    for (let i = 0; i < 2; i++) {
      const response = await send(app, { key, path: "/status/503" });
      expect(response.status).toBe(503);
      expect(response.headers.get("Idempotency-Replayed")).toBeNull();
    }
    expect(calls).toHaveLength(2);
  });

  it("a handler that throws frees the key: the same key runs the handler again", async () => {
    const { app, calls } = tinyApp();
    const logs = captureLogs();
    const key = newKey();
    expect((await send(app, { key, path: "/crash" })).status).toBe(500);
    expect((await send(app, { key, path: "/crash" })).status).toBe(500);
    expect(calls).toHaveLength(2);
    expect(logs.filter((line) => line.message === "unexpected error")).toHaveLength(2);
  });

  it("an answer too large to store is not replayed: the key stays claimed until its lease ends", async () => {
    const { app, calls } = tinyApp();
    const logs = captureLogs();
    const key = newKey();
    const first = await send(app, { key, path: "/large" });
    expect(first.status).toBe(200);
    expect((await first.text()).length).toBe(MAX_STORED_BODY_BYTES + 1);
    const again = await send(app, { key, path: "/large" });
    expect(again.status).toBe(409);
    expect(Number(again.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    expect(calls).toHaveLength(1);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: "warn", message: "idempotency record not stored", completion: "too-large" }),
    );
  });
});

describe("key scope", () => {
  it("a key is scoped to the user, the method and the path", async () => {
    const { app, calls } = tinyApp();
    const key = newKey();
    const answers = [
      await send(app, { key, user: "alice" }),
      await send(app, { key, user: "bob" }),
      await send(app, { key }),
      await send(app, { key, user: "alice", method: "PUT" }),
      await send(app, { key, user: "alice", path: "/y" }),
    ];
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(answers.map((r) => r.headers.get("Idempotency-Replayed"))).toEqual([null, null, null, null, null]);
    expect(calls.map(({ user, method, path }) => `${user} ${method} ${path}`)).toEqual([
      "alice POST /x",
      "bob POST /x",
      "anonymous POST /x",
      "alice PUT /x",
      "alice POST /y",
    ]);
    // Within one scope the key replays.
    expect((await send(app, { key, user: "alice" })).headers.get("Idempotency-Replayed")).toBe("true");
    expect(calls).toHaveLength(5);
  });
});

describe("in flight and expiry", () => {
  it("while the first request is in flight: 409 with Retry-After; once it answers, its answer is replayed", async () => {
    const { app, calls, hold } = tinyApp();
    const key = newKey();
    const release = hold();
    const first = send(app, { key, user: "alice" });
    await vi.waitFor(() => expect(calls).toHaveLength(1), { timeout: 5_000, interval: 10 });

    const busy = await send(app, { key, user: "alice" });
    expect(busy.status).toBe(409);
    // The lease has 60 s left, but a live request usually answers sooner: retry within 5 s.
    expect(busy.headers.get("Retry-After")).toBe("5");
    const problem = await problemOf(busy);
    expect(problem.type).toBe("urn:resync:problem:idempotency-request-in-flight");
    expect(problem.detail).toMatch(/still in progress/);

    release();
    const answered = await first;
    expect(answered.status).toBe(201);
    const replay = await send(app, { key, user: "alice" });
    expect(replay.headers.get("Idempotency-Replayed")).toBe("true");
    expect(await bytesOf(replay)).toEqual(await bytesOf(answered));
    expect(calls).toHaveLength(1);
  });

  it("Retry-After is never later than the claim's lease", async () => {
    const { app, calls, hold } = tinyApp();
    const key = newKey();
    const release = hold();
    const first = send(app, { key, path: "/short-lease" });
    await vi.waitFor(() => expect(calls).toHaveLength(1), { timeout: 5_000, interval: 10 });
    const busy = await send(app, { key, path: "/short-lease" });
    expect(busy.status).toBe(409);
    expect(busy.headers.get("Retry-After")).toBe("2");
    release();
    expect((await first).status).toBe(201);
  });

  it("an in-flight request that fails (5xx) frees the key for the retry that waited on it", async () => {
    const { app, calls, hold } = tinyApp();
    const key = newKey();
    const release = hold();
    const first = send(app, { key, path: "/x?fail" });
    await vi.waitFor(() => expect(calls).toHaveLength(1), { timeout: 5_000, interval: 10 });
    expect((await send(app, { key })).status).toBe(409);
    release();
    expect((await first).status).toBe(503);
    const retried = await send(app, { key });
    expect(retried.status).toBe(201);
    expect(retried.headers.get("Idempotency-Replayed")).toBeNull();
    expect(calls).toHaveLength(2);
  });

  it("after 24 h the record expires through the alarm and the key runs the handler again", async () => {
    const { app, calls } = tinyApp();
    const key = newKey();
    expect((await send(app, { key, user: "alice" })).status).toBe(201);
    expect((await send(app, { key, user: "alice" })).headers.get("Idempotency-Replayed")).toBe("true");
    const store = await storeOf("alice", "POST", "/x", key);
    await runInDurableObject(store, (_instance, state) => {
      const record = state.storage.kv.get<Extract<IdempotencyRecord, { state: "completed" }>>(RECORD_KEY)!;
      expect(record.state).toBe("completed");
      state.storage.kv.put(RECORD_KEY, {
        ...record,
        completedAt: record.completedAt - RECORD_TTL_MS,
        expiresAt: record.expiresAt - RECORD_TTL_MS,
      });
    });
    expect(await runDurableObjectAlarm(store)).toBe(true);
    expect(await runInDurableObject(store, (_instance, state) => state.storage.kv.get(RECORD_KEY))).toBeUndefined();

    const again = await send(app, { key, user: "alice" });
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotency-Replayed")).toBeNull();
    expect(calls).toHaveLength(2);
  });
});

describe("concurrency and failure of the store", () => {
  it("100 concurrent identical requests: the handler runs once; every answer is it, a byte-identical replay or 409", async () => {
    const { app, calls } = tinyApp();
    const key = newKey();
    const body = JSON.stringify({ reason: "double-clicked" });
    const responses = await Promise.all(Array.from({ length: 100 }, () => send(app, { key, body, user: "alice" })));
    expect(calls).toHaveLength(1);
    const statuses = responses.map((r) => r.status);
    expect(
      statuses.every((s) => s === 201 || s === 409),
      JSON.stringify(statuses),
    ).toBe(true);
    const original = responses.filter((r) => r.status === 201 && r.headers.get("Idempotency-Replayed") === null);
    expect(original).toHaveLength(1);
    const originalBytes = await bytesOf(original[0]!);
    for (const replay of responses.filter((r) => r.headers.get("Idempotency-Replayed") === "true"))
      expect(await bytesOf(replay)).toEqual(originalBytes);
    for (const busy of responses.filter((r) => r.status === 409)) {
      expect(Number(busy.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
      expect((await problemOf(busy)).type).toBe("urn:resync:problem:idempotency-request-in-flight");
    }
  });

  it("a store that cannot be reached → 503 with Retry-After, and the handler is not called", async () => {
    const { app, calls } = tinyApp();
    const logs = captureLogs();
    const unreachable = {
      idFromName: (name: string) => env.IDEMPOTENCY_STORE.idFromName(name),
      get: () => ({ claim: () => Promise.reject(new Error("the object could not be reached")) }),
    } as unknown as Bindings["IDEMPOTENCY_STORE"];
    const response = await send(app, { key: newKey(), env: { ...env, IDEMPOTENCY_STORE: unreachable } });
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("5");
    expect((await problemOf(response)).type).toBe("urn:resync:problem:idempotency-unavailable");
    expect(calls).toEqual([]);
    expect(logs).toContainEqual(expect.objectContaining({ level: "error", message: "idempotency store unavailable" }));
  });
});
