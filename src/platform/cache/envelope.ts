import { z } from "zod";
import { lifetimeOf, type Freshness } from "./policy";

/** What KV holds for a key: the value and the times every reader judges it by (ms since the epoch). */
export const Envelope = z.object({
  v: z.unknown(),
  fresh_until: z.number(),
  stale_until: z.number(),
  fetched_at: z.number(),
  etag: z.string().optional(),
});
export type Envelope = z.infer<typeof Envelope>;

/**
 * A cached value as the memory tier and the Coalescer hold it: the envelope's times and the value as JSON text.
 * Each reader parses its own copy, so no request can change what another one reads.
 */
export interface Entry {
  json: string;
  fresh_until: number;
  stale_until: number;
  /** When the fetch that produced the value started: a value is never newer than this. */
  fetched_at: number;
  etag?: string;
}

export function entryOf(json: string, freshness: Freshness, fetchedAt: number): Entry {
  const { freshUntil, staleUntil } = lifetimeOf(freshness, fetchedAt);
  return { json, fresh_until: freshUntil, stale_until: staleUntil, fetched_at: fetchedAt };
}

/** The envelope's text, built around the JSON already made so the value is serialized once. */
export function envelopeText(entry: Entry): string {
  const times = {
    fresh_until: entry.fresh_until,
    stale_until: entry.stale_until,
    fetched_at: entry.fetched_at,
    etag: entry.etag,
  };
  return `{"v":${entry.json},${JSON.stringify(times).slice(1)}`;
}

/** The entry of an envelope read from KV, or undefined when the text is not one (an older format, a corrupt write). */
export function entryOfEnvelope(text: string): Entry | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const envelope = Envelope.safeParse(parsed);
  if (!envelope.success || envelope.data.v === undefined) return undefined;
  const { v, ...times } = envelope.data;
  return { json: JSON.stringify(v), ...times };
}

export function ageSecondsOf(entry: Entry, now: number): number {
  return Math.max(0, Math.floor((now - entry.fetched_at) / 1000));
}
