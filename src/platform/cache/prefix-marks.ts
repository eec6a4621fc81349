import { describeError } from "../observability/logger";
import { kvWrites } from "./metrics";
import type { CacheIo } from "./refresh";
import { storageKey } from "./storage-key";

// What KV remembers of prefix invalidations ("jobs:*"), so that every isolate stops trusting the KV envelopes of
// a whole family of keys, not only the isolate that invalidated them. A family's mark is one small KV key holding
// a time: an envelope of the family fetched at or before it is not served from KV. One key per family, written at
// most once a second (KV allows one write per second per key), read beside the envelope (no added round trip).
// Deleting the family's keys instead would need KV's list, which is eventually consistent and may miss the newest.

const MARK_PREFIX = "invalidated:";
/** Marks remembered by this isolate at most; beyond it, those already in the past are dropped. */
const MAX_WRITTEN = 1_000;

/** The KV key of a family's mark (hashed like any key too long for KV). */
export const markKey = (family: string) => storageKey(`${MARK_PREFIX}${family}`);

/** A family's mark as KV holds it, or undefined when there is none (or it is unreadable). */
export async function readMark(io: CacheIo, family: string): Promise<number | undefined> {
  try {
    const text = await io.kv.get(await markKey(family), "text");
    const mark = text === null ? NaN : Number(text);
    return Number.isFinite(mark) ? mark : undefined;
  } catch (error) {
    io.log?.warn("cache KV mark read failed", describeError(error));
    return undefined;
  }
}

/** Marks written by this isolate, by family: a mark already covering `now` is not written again. */
export class PrefixMarks {
  private readonly written = new Map<string, number>();

  /**
   * @param families patterns matching each family's prefix, e.g. `/^jobs:/`
   * @param ttlSeconds how long a mark lives: at least as long as any envelope it may have to refuse
   */
  constructor(
    private readonly families: readonly RegExp[],
    private readonly ttlSeconds: number,
  ) {}

  /** The family of a key or of a prefix target (without its `*`), when it has one. */
  familyOf(keyOrPrefix: string): string | undefined {
    for (const family of this.families) {
      const match = family.exec(keyOrPrefix);
      if (match) return match[0];
    }
    return undefined;
  }

  /**
   * Marks `family` invalidated at `now` in KV. The mark is rounded up to the next whole second, so every further
   * invalidation within that second is already covered and costs no write; envelopes fetched in the rest of that
   * second are refused too, which only costs a refresh.
   */
  async mark(io: CacheIo, family: string, now: number): Promise<void> {
    if ((this.written.get(family) ?? 0) >= now) return;
    const mark = Math.floor(now / 1000) * 1000 + 1000;
    if (this.written.size >= MAX_WRITTEN)
      for (const [known, at] of this.written) if (at < now) this.written.delete(known);
    this.written.set(family, mark);
    try {
      await io.kv.put(await markKey(family), String(mark), { expirationTtl: this.ttlSeconds });
      kvWrites.inc({ operation: "mark", outcome: "ok" });
    } catch (error) {
      if (this.written.get(family) === mark) this.written.delete(family);
      kvWrites.inc({ operation: "mark", outcome: "failed" });
      io.log?.warn("cache KV mark write failed", { family, ...describeError(error) });
    }
  }
}
