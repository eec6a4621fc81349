import { HwaError } from "./errors";

// Our own, not cockatiel's. Every wait happens inside the waiting request: a waiter polls for a free slot with its
// own timer, and nothing ever resolves a promise of one request from another. Handing a freed slot to a waiter from
// the releasing request (cockatiel's queue, and this class's first version) hung all calls in flight of an isolate
// after ≈ 16,700 contended calls in workerd. Slots are leases: when a request's context ends before its call does,
// Workers drop that call's continuations, so its `finally` never frees the slot; a lease past the call's deadline is
// taken back.

export interface BulkheadOptions {
  /** Upstream calls in flight at once in this isolate. */
  capacity: number;
  /** Calls allowed to wait for a slot; more are refused at once. */
  queueLength: number;
  /** How long a call may wait for a slot before it is refused. */
  queueTimeoutMs: number;
  /** How long a slot may be held: longer than any call can run (its deadline); then it is presumed abandoned. */
  leaseMs: number;
}

interface Slot {
  until: number;
}

/** How often a waiting call looks for a free slot. */
const POLL_MS = 5;
/** A waiter not seen polling for this long belongs to a request that ended: it no longer counts in the queue. */
const WAITER_GONE_MS = 1_000;

export class Bulkhead {
  private readonly slots = new Set<Slot>();
  /** Waiting calls and when each last looked for a slot. */
  private readonly waiters = new Map<object, number>();

  constructor(
    private readonly options: BulkheadOptions,
    private readonly now: () => number = Date.now,
  ) {}

  get inFlight(): number {
    return this.slots.size;
  }

  get queued(): number {
    return this.waiters.size;
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    const slot = await this.acquire();
    try {
      return await call();
    } finally {
      this.slots.delete(slot);
    }
  }

  /** A slot when one is free, taking back first the slots of calls that cannot be running any more. */
  private take(): Slot | undefined {
    const now = this.now();
    if (this.slots.size >= this.options.capacity)
      for (const slot of this.slots) if (slot.until <= now) this.slots.delete(slot);
    if (this.slots.size >= this.options.capacity) return undefined;
    const slot = { until: now + this.options.leaseMs };
    this.slots.add(slot);
    return slot;
  }

  private async acquire(): Promise<Slot> {
    const now = this.now();
    for (const [waiter, seen] of this.waiters) if (now - seen > WAITER_GONE_MS) this.waiters.delete(waiter);
    // Those already waiting go first: a newcomer takes a free slot only when nobody waits.
    const slot = this.waiters.size === 0 ? this.take() : undefined;
    if (slot) return slot;
    if (this.waiters.size >= this.options.queueLength)
      throw new HwaError("bulkhead-full", "too many HWA calls in progress");
    const waiter = {};
    const giveUpAt = now + this.options.queueTimeoutMs;
    this.waiters.set(waiter, now);
    try {
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        this.waiters.set(waiter, this.now());
        const slot = this.take();
        if (slot) return slot;
        if (this.now() >= giveUpAt) throw new HwaError("bulkhead-full", "waited too long for an HWA call slot");
      }
    } finally {
      this.waiters.delete(waiter);
    }
  }
}
