import { DurableObject } from "cloudflare:workers";
import {
  MAX_STORED_BODY_BYTES,
  RECORD_TTL_MS,
  type Claim,
  type Completion,
  type IdempotencyRecord,
  type StoredAnswer,
} from "../src/platform/idempotency/records";

export const RECORD_KEY = "record";
const MAX_LEASE_MS = 30 * 60_000;

/**
 * The single writer of one idempotency key scope (user + method + path + key). Each method reads, decides and
 * writes through synchronous storage with no `await` in between, so concurrent duplicates — from any isolate —
 * are decided one after another: exactly one of them is "claimed".
 */
export class IdempotencyStore extends DurableObject<unknown> {
  /** Claims the key for a request with this fingerprint, or says what to answer instead. */
  async claim(request: { fingerprint: string; leaseMs: number }): Promise<Claim> {
    const now = Date.now();
    const record = this.current(now);
    if (record?.state === "in-flight" || record?.state === "completed") {
      if (record.fingerprint !== request.fingerprint) return { kind: "mismatch" };
      if (record.state === "completed") return { kind: "completed", answer: record.answer };
      return { kind: "in-flight", retryAfterSeconds: Math.max(1, Math.ceil((record.leaseUntil - now) / 1000)) };
    }
    const leaseMs = Math.min(Math.max(1, request.leaseMs), MAX_LEASE_MS);
    const claimId = crypto.randomUUID();
    const lapsed = record?.state === "lapsed";
    await this.save({
      state: "in-flight",
      fingerprint: request.fingerprint,
      claimId,
      claimedAt: now,
      leaseUntil: now + leaseMs,
    });
    return { kind: "claimed", claimId, lapsed };
  }

  /**
   * Stores the answer of the claim `claimId`: "not-held" when that claim is no longer the key's (its lease ended
   * and another request claimed the key), "too-large" for a body over 256 KiB.
   */
  async complete(request: { claimId: string; fingerprint: string } & StoredAnswer): Promise<Completion> {
    if (request.body.byteLength > MAX_STORED_BODY_BYTES) return "too-large";
    const now = Date.now();
    const record = this.current(now);
    if (
      record?.state !== "in-flight" ||
      record.claimId !== request.claimId ||
      record.fingerprint !== request.fingerprint
    )
      return "not-held";
    const answer: StoredAnswer = { status: request.status, headers: request.headers, body: request.body };
    await this.save({
      state: "completed",
      fingerprint: request.fingerprint,
      answer,
      completedAt: now,
      expiresAt: now + RECORD_TTL_MS,
    });
    return "stored";
  }

  /** Frees the key (a 5xx outcome is not stored: the client may retry); false when `claimId` no longer holds it. */
  async release(claimId: string): Promise<boolean> {
    const record = this.current(Date.now());
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

  /** A claim whose lease ended becomes "lapsed" (remembered for 24 h); a completed or lapsed record then expires. */
  override async alarm(): Promise<void> {
    const record = this.current(Date.now());
    if (record) await this.save(record);
    else await this.ctx.storage.deleteAll();
  }

  /** The record as of `now`: an in-flight claim past its lease reads as lapsed; an expired record as none. */
  private current(now: number): IdempotencyRecord | undefined {
    const record = this.ctx.storage.kv.get<IdempotencyRecord>(RECORD_KEY);
    if (!record) return undefined;
    if (record.state === "in-flight") {
      if (now < record.leaseUntil) return record;
      const lapsed: IdempotencyRecord = {
        state: "lapsed",
        fingerprint: record.fingerprint,
        lapsedAt: record.leaseUntil,
        expiresAt: record.claimedAt + RECORD_TTL_MS,
      };
      return now < lapsed.expiresAt ? lapsed : undefined;
    }
    return now < record.expiresAt ? record : undefined;
  }

  private save(record: IdempotencyRecord): Promise<void> {
    this.ctx.storage.kv.put(RECORD_KEY, record);
    return this.ctx.storage.setAlarm(record.state === "in-flight" ? record.leaseUntil : record.expiresAt);
  }
}
