import type { Context, MiddlewareHandler } from "hono";
import { keyScopePath } from "../idempotency/key-scope";
import type { StoredAnswer } from "../idempotency/records";
import { runOnce, type RunOnceOptions } from "../idempotency/run-once";
import type { AppEnv } from "./app-env";
import { Problem } from "./problem";
import { scopeOf } from "./scope";

/** 1–255 visible ASCII characters (API.md). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** Headers replayed with a stored answer; never cookies, CSRF tokens, correlation ids or caching decisions. */
const KEPT_HEADERS = ["content-type", "content-language", "content-location", "location", "etag", "last-modified"];

/** The request's `Idempotency-Key`, or a 400 problem saying what is wrong with it. */
export function idempotencyKeyOf(c: Context<AppEnv>): string {
  const key = c.req.header("Idempotency-Key");
  if (key === undefined || key === "") {
    throw new Problem({
      status: 400,
      kind: "idempotency-key-missing",
      detail: "This request changes state: send an Idempotency-Key header (1–255 visible ASCII characters)",
    });
  }
  if (!KEY_PATTERN.test(key)) {
    throw new Problem({
      status: 400,
      kind: "idempotency-key-invalid",
      detail: "Idempotency-Key must be 1–255 visible ASCII characters",
    });
  }
  return key;
}

async function answerOf(response: Response): Promise<StoredAnswer> {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { status: response.status, headers, body: new Uint8Array(await response.clone().arrayBuffer()) };
}

/** A stored answer as the response a replay sends, byte for byte, marked `Idempotency-Replayed: true`. */
export function replayOf(answer: StoredAnswer): Response {
  const response = new Response(answer.status === 204 ? null : answer.body, {
    status: answer.status,
    headers: answer.headers,
  });
  response.headers.set("Idempotency-Replayed", "true");
  return response;
}

/**
 * Declared on state-changing routes, after authentication: the IETF Idempotency-Key draft over `runOnce`. The
 * handler runs at most once per key; its response is replayed byte for byte for 24 hours.
 */
export function idempotency(options: RunOnceOptions = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = idempotencyKeyOf(c);
    const request = {
      user: c.get("identity")?.username ?? "anonymous",
      method: c.req.method,
      path: keyScopePath(c.req.path, scopeOf(c).engine),
      key,
      body: await c.req.text(),
    };
    const once = await runOnce(
      scopeOf(c),
      request,
      async () => {
        await next();
        return answerOf(c.res);
      },
      options,
    );
    if (once.replayed) return replayOf(once.answer);
  };
}
