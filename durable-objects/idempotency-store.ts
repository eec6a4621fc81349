import { DurableObject } from "cloudflare:workers";

/** The response a completed request gave, kept to be replayed byte for byte. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

export type Claim =
  | { kind: "claimed"; claimId: string }
  | { kind: "in-flight"; retryAfterSeconds: number }
  | { kind: "mismatch" }
  | { kind: "completed"; response: StoredResponse };

/** The one record a key scope keeps: in flight until its lease ends, or completed until it expires. */
export type IdempotencyRecord =
  | { state: "in-flight"; fingerprint: string; claimId: string; claimedAt: number; leaseUntil: number }
  | { state: "completed"; fingerprint: string; response: StoredResponse; completedAt: number; expiresAt: number };

export const RECORD_KEY = "record";
/** IETF draft's `Idempotency-Key-TTL`: a completed request is replayed for 24 hours. */
export const RECORD_TTL_MS = 24 * 60 * 60_000;
export const MAX_BODY_BYTES = 256 * 1024;
const MAX_LEASE_MS = 30 * 60_000;

/** How a completion ended: stored, refused for its size (the claim stays until its lease ends), or too late. */
export type Completion = "stored" | "too-large" | "not-held";

/**
 * The single writer of one idempotency key scope (user + method + path + key). Each method reads, decides and
 * writes through synchronous storage with no `await` in between, so concurrent duplicates — from any isolate —
 * are decided one after another: exactly one of them is "claimed".
 */
export class IdempotencyStore extends DurableObject<unknown> {
  /** Claims the key for a request with this fingerprint, or says what to answer instead. */
  async claim(request: { fingerprint: string; leaseMs: number }): Promise<Claim> {
    const now = Date.now();
    const record = this.live(now);
    if (record && record.fingerprint !== request.fingerprint) return { kind: "mismatch" };
    if (record?.state === "completed") return { kind: "completed", response: record.response };
    if (record?.state === "in-flight")
      return { kind: "in-flight", retryAfterSeconds: Math.max(1, Math.ceil((record.leaseUntil - now) / 1000)) };
    const leaseMs = Math.min(Math.max(1, request.leaseMs), MAX_LEASE_MS);
    const claimId = crypto.randomUUID();
    await this.save(
      { state: "in-flight", fingerprint: request.fingerprint, claimId, claimedAt: now, leaseUntil: now + leaseMs },
      now + leaseMs,
    );
    return { kind: "claimed", claimId };
  }

  /**
   * Stores the response of the claim `claimId`: "not-held" when that claim is no longer the key's (its lease ended
   * and another request claimed the key), "too-large" for a body over 256 KiB.
   */
  async complete(request: { claimId: string; fingerprint: string } & StoredResponse): Promise<Completion> {
    if (request.body.byteLength > MAX_BODY_BYTES) return "too-large";
    const now = Date.now();
    const record = this.live(now);
    if (
      record?.state !== "in-flight" ||
      record.claimId !== request.claimId ||
      record.fingerprint !== request.fingerprint
    )
      return "not-held";
    const response: StoredResponse = { status: request.status, headers: request.headers, body: request.body };
    await this.save(
      {
        state: "completed",
        fingerprint: request.fingerprint,
        response,
        completedAt: now,
        expiresAt: now + RECORD_TTL_MS,
      },
      now + RECORD_TTL_MS,
    );
    return "stored";
  }

  /** Frees the key (a 5xx outcome is not stored: the client may retry); false when `claimId` no longer holds it. */
  async release(claimId: string): Promise<boolean> {
    const record = this.live(Date.now());
    if (record?.state !== "in-flight" || record.claimId !== claimId) return false;
    this.ctx.storage.kv.delete(RECORD_KEY);
    await this.ctx.storage.deleteAlarm();
    return true;
  }

  /** Readiness: one round trip through this object's storage; returns Date.now(). */
  async ping(): Promise<number> {
    this.ctx.storage.kv.get(RECORD_KEY);
    return Date.now();
  }

  /** Expiry: a completed record after 24 h, a lapsed claim after its lease. */
  override async alarm(): Promise<void> {
    const record = this.ctx.storage.kv.get<IdempotencyRecord>(RECORD_KEY);
    const until = record && endOf(record);
    if (until !== undefined && Date.now() < until) return this.ctx.storage.setAlarm(until);
    await this.ctx.storage.deleteAll();
  }

  /** The record, unless it has ended (a lapsed lease frees the key even before the alarm runs). */
  private live(now: number): IdempotencyRecord | undefined {
    const record = this.ctx.storage.kv.get<IdempotencyRecord>(RECORD_KEY);
    return record && now < endOf(record) ? record : undefined;
  }

  private save(record: IdempotencyRecord, until: number): Promise<void> {
    this.ctx.storage.kv.put(RECORD_KEY, record);
    return this.ctx.storage.setAlarm(until);
  }
}

function endOf(record: IdempotencyRecord): number {
  return record.state === "in-flight" ? record.leaseUntil : record.expiresAt;
}
