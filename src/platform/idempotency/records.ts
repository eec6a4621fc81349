// What the IdempotencyStore Durable Object keeps and answers: shared by the object and the code that calls it.

/** A completed request's answer, kept to be replayed byte for byte. */
export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

export type Claim =
  /** `lapsed`: an earlier claim of this key ended without an answer (its holder died, maybe mid-action). */
  | { kind: "claimed"; claimId: string; lapsed: boolean }
  | { kind: "in-flight"; retryAfterSeconds: number }
  | { kind: "mismatch" }
  | { kind: "completed"; answer: StoredAnswer };

/** The one record a key scope keeps: in flight until its lease ends, then lapsed; or completed until it expires. */
export type IdempotencyRecord =
  | { state: "in-flight"; fingerprint: string; claimId: string; claimedAt: number; leaseUntil: number }
  | { state: "lapsed"; fingerprint: string; lapsedAt: number; expiresAt: number }
  | { state: "completed"; fingerprint: string; answer: StoredAnswer; completedAt: number; expiresAt: number };

/** How a completion ended: stored, refused for its size (the claim stays until its lease ends), or too late. */
export type Completion = "stored" | "too-large" | "not-held";

/** IETF draft's `Idempotency-Key-TTL`: a completed request is replayed for 24 hours. */
export const RECORD_TTL_MS = 24 * 60 * 60_000;
/** Answers larger than this are not stored (the handlers behind idempotency answer small bodies). */
export const MAX_STORED_BODY_BYTES = 256 * 1024;
