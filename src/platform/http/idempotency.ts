import type { Context, MiddlewareHandler } from "hono";
import { MAX_BODY_BYTES, type Claim, type StoredResponse } from "../../../durable-objects/idempotency-store";
import type { AppEnv } from "./app-env";
import { canonicalBody, sha256Hex } from "./canonical-json";
import { Problem } from "./problem";

export interface IdempotencyOptions {
  /**
   * How long a claim holds the key before a duplicate may run again (the request is presumed dead).
   * Longer than the handler can take. Default 60 s: a job action is two HWA calls of at most 20 s each.
   */
  leaseMs?: number;
}

/** 1–255 visible ASCII characters (API.md). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** Headers replayed with a stored response; never cookies, CSRF tokens, correlation ids or caching decisions. */
const KEPT_HEADERS = ["content-type", "content-language", "content-location", "location", "etag", "last-modified"];
const DEFAULT_LEASE_MS = 60_000;
/** A live request usually answers within a second or two; the lease end is only the worst case (a dead request). */
const MAX_RETRY_AFTER_SECONDS = 5;

/** The Durable Object name of a key scope: user + method + path + key, hashed so any key makes a valid name. */
export function scopeName(user: string, method: string, path: string, key: string): Promise<string> {
  return sha256Hex(JSON.stringify([user, method.toUpperCase(), path, key]));
}

function keyOf(c: Context<AppEnv>): string {
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

function replay(stored: StoredResponse): Response {
  const response = new Response(stored.status === 204 ? null : stored.body, {
    status: stored.status,
    headers: stored.headers,
  });
  response.headers.set("Idempotency-Replayed", "true");
  return response;
}

function answerTo(claim: Exclude<Claim, { kind: "claimed" }>): Response | never {
  switch (claim.kind) {
    case "completed":
      return replay(claim.response);
    case "mismatch":
      throw new Problem({
        status: 422,
        kind: "idempotency-key-reused",
        detail: "This Idempotency-Key was already used with a different request body",
      });
    case "in-flight":
      throw new Problem({
        status: 409,
        kind: "idempotency-request-in-flight",
        detail: "A request with this Idempotency-Key is still in progress; retry after it completes",
        headers: { "Retry-After": String(Math.min(claim.retryAfterSeconds, MAX_RETRY_AFTER_SECONDS)) },
      });
  }
}

/** One state-changing request as the idempotency store scopes it. */
export interface IdempotentRequest {
  user: string;
  method: string;
  path: string;
  key: string;
  /** The request body as sent ("" when none); its canonical SHA-256 is the fingerprint. */
  body: string;
}

/**
 * Runs `act` at most once for this request's key across isolates: the key's IdempotencyStore object is the single
 * writer. A completed key answers its stored response (`Idempotency-Replayed: true`); another body → 422; a key
 * still in flight → 409. `act`'s answer is stored unless it is a 5xx (the client may retry). Shared by the
 * middleware and the chat, whose confirmation token is the key.
 */
export async function runOnce(
  c: Context<AppEnv>,
  request: IdempotentRequest,
  act: () => Promise<Response>,
  leaseMs = DEFAULT_LEASE_MS,
): Promise<Response> {
  const fingerprint = await sha256Hex(canonicalBody(request.body));
  const namespace = c.env.IDEMPOTENCY_STORE;
  const store = namespace.get(
    namespace.idFromName(await scopeName(request.user, request.method, request.path, request.key)),
  );

  let claim: Claim;
  try {
    claim = await store.claim({ fingerprint, leaseMs });
  } catch (error) {
    c.get("log")?.error("idempotency store unavailable", { error: String(error) });
    throw new Problem({
      status: 503,
      kind: "idempotency-unavailable",
      detail: "The idempotency store is unavailable; try again shortly",
      headers: { "Retry-After": "5" },
    });
  }
  if (claim.kind !== "claimed") return answerTo(claim);

  let response: Response;
  try {
    response = await act();
  } catch (error) {
    // An error that escapes `act` is no answer to store: release the key so the client may retry it.
    await store
      .release(claim.claimId)
      .catch((failure) => c.get("log")?.warn("idempotency release failed", { error: String(failure) }));
    throw error;
  }
  if (response.status >= 500) {
    // Not stored: the client may retry the same key.
    await store
      .release(claim.claimId)
      .catch((error) => c.get("log")?.warn("idempotency release failed", { error: String(error) }));
    return response;
  }
  const body = new Uint8Array(await response.clone().arrayBuffer());
  if (body.byteLength > MAX_BODY_BYTES) {
    // The claim lapses after its lease; handlers behind this middleware answer small bodies.
    c.get("log")?.error("response too large to store for idempotency", {
      bytes: body.byteLength,
      limit: MAX_BODY_BYTES,
    });
    return response;
  }
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  try {
    const completion = await store.complete({
      claimId: claim.claimId,
      fingerprint,
      status: response.status,
      headers,
      body,
    });
    if (completion !== "stored") c.get("log")?.warn("idempotency record not stored", { completion });
  } catch (error) {
    // The answer still goes out; the key stays claimed until its lease ends, so no duplicate runs meanwhile.
    c.get("log")?.error("idempotency record not stored", { error: String(error) });
  }
  return response;
}

/**
 * Declared on state-changing routes, after authentication: the IETF Idempotency-Key draft. The handler runs at
 * most once per key (see `runOnce`); its response is replayed byte for byte for 24 hours.
 */
export function idempotency(options: IdempotencyOptions = {}): MiddlewareHandler<AppEnv> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  return async (c, next) => {
    const key = keyOf(c);
    const request = {
      user: c.get("identity")?.username ?? "anonymous",
      method: c.req.method,
      path: c.req.path,
      key,
      body: await c.req.text(),
    };
    const response = await runOnce(
      c,
      request,
      async () => {
        await next();
        return c.res;
      },
      leaseMs,
    );
    if (response !== c.res) return response;
  };
}
