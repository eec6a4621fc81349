import { canonicalBody, sha256Hex } from "../http/canonical-json";
import { Problem } from "../http/problem";
import type { Scope } from "../scope/scope";
import type { Claim, StoredAnswer } from "./records";

/** One state-changing request as the idempotency store scopes it: user + method + path + key. */
export interface IdempotentRequest {
  user: string;
  method: string;
  path: string;
  key: string;
  /** The request body as sent ("" when none); its canonical SHA-256 is the fingerprint. */
  body: string;
}

export interface RunOnceOptions {
  /**
   * How long a claim holds the key before a duplicate may run again (its holder is presumed dead). Longer than
   * `act` can take. Default 60 s: a job action is two HWA calls of at most 20 s each.
   */
  leaseMs?: number;
  /**
   * An earlier claim of this key lapsed without an answer: its holder may have died in the middle of acting.
   * "act" (default) acts again, as a client's retry asks; "refuse" throws `LapsedAttempt` instead (a workflow step
   * must never act twice).
   */
  afterLapse?: "act" | "refuse";
}

/** The answer of `runOnce`: `replayed` when it is the stored answer of an earlier request with this key. */
export interface Once {
  answer: StoredAnswer;
  replayed: boolean;
}

/** An earlier attempt with this key was cut off while it acted; whether it acted is unknown. */
export class LapsedAttempt extends Error {
  constructor() {
    super("an earlier attempt was interrupted while it acted; its outcome is unknown");
    this.name = "LapsedAttempt";
  }
}

const DEFAULT_LEASE_MS = 60_000;
/** A live request usually answers within a second or two; the lease end is only the worst case (a dead request). */
const MAX_RETRY_AFTER_SECONDS = 5;

/** The Durable Object name of a key scope: user + method + path + key, hashed so any key makes a valid name. */
export function scopeName(user: string, method: string, path: string, key: string): Promise<string> {
  return sha256Hex(JSON.stringify([user, method.toUpperCase(), path, key]));
}

function refusalOf(claim: Extract<Claim, { kind: "in-flight" | "mismatch" }>): Problem {
  if (claim.kind === "mismatch") {
    return new Problem({
      status: 422,
      kind: "idempotency-key-reused",
      detail: "This Idempotency-Key was already used with a different request body",
    });
  }
  return new Problem({
    status: 409,
    kind: "idempotency-request-in-flight",
    detail: "A request with this Idempotency-Key is still in progress; retry after it completes",
    headers: { "Retry-After": String(Math.min(claim.retryAfterSeconds, MAX_RETRY_AFTER_SECONDS)) },
  });
}

/**
 * Runs `act` at most once for this key across isolates: the key's IdempotencyStore object is the single writer.
 * A completed key gives its stored answer (`replayed`); another body → 422 Problem; a key still in flight → 409
 * Problem with Retry-After. `act`'s answer is stored unless it is a 5xx (the caller may retry); an error thrown
 * by `act` releases the key. Used by the HTTP middleware, the chat (the confirmation token is the key) and the
 * workflow runs (run id + step index).
 */
export async function runOnce(
  scope: Scope,
  request: IdempotentRequest,
  act: () => Promise<StoredAnswer>,
  options: RunOnceOptions = {},
): Promise<Once> {
  const fingerprint = await sha256Hex(canonicalBody(request.body));
  const namespace = scope.env.IDEMPOTENCY_STORE;
  const store = namespace.get(
    namespace.idFromName(await scopeName(request.user, request.method, request.path, request.key)),
  );
  const release = (claimId: string) =>
    store.release(claimId).catch((error) => scope.log.warn("idempotency release failed", { error: String(error) }));

  let claim: Claim;
  try {
    claim = await store.claim({ fingerprint, leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS });
  } catch (error) {
    scope.log.error("idempotency store unavailable", { error: String(error) });
    throw new Problem({
      status: 503,
      kind: "idempotency-unavailable",
      detail: "The idempotency store is unavailable; try again shortly",
      headers: { "Retry-After": "5" },
    });
  }
  if (claim.kind === "completed") return { answer: claim.answer, replayed: true };
  if (claim.kind !== "claimed") throw refusalOf(claim);
  // The claim is kept: it lapses again, so no later attempt with this key acts either.
  if (claim.lapsed && options.afterLapse === "refuse") throw new LapsedAttempt();

  let answer: StoredAnswer;
  try {
    answer = await act();
  } catch (error) {
    await release(claim.claimId);
    throw error;
  }
  if (answer.status >= 500) {
    await release(claim.claimId);
    return { answer, replayed: false };
  }
  try {
    const completion = await store.complete({ claimId: claim.claimId, fingerprint, ...answer });
    if (completion !== "stored") scope.log.warn("idempotency record not stored", { completion });
  } catch (error) {
    // The answer still goes out; the key stays claimed until its lease ends, so no duplicate runs meanwhile.
    scope.log.error("idempotency record not stored", { error: String(error) });
  }
  return { answer, replayed: false };
}

const encoder = new TextEncoder();

/** A JSON answer as it is stored and replayed. */
export function jsonAnswer(status: number, value: unknown, contentType = "application/json"): StoredAnswer {
  return { status, headers: { "content-type": contentType }, body: encoder.encode(JSON.stringify(value)) };
}
