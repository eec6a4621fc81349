import { HwaError } from "./errors";

// Our own, not cockatiel's: its queue starts a waiting call from the continuation of the call that freed the
// slot, i.e. from another request's context, which Workers forbid. Here each waiter resumes in its own request.
// Slots are leases: when a request's context ends before its call does (the client went away), Workers drop that
// call's continuations, so its `finally` never frees the slot; a lease past the call's deadline is taken back.

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

export class Bulkhead {
  private readonly slots = new Set<Slot>();
  private readonly waiting: { admit: (slot: Slot) => void }[] = [];

  constructor(
    private readonly options: BulkheadOptions,
    private readonly now: () => number = Date.now,
  ) {}

  get inFlight(): number {
    return this.slots.size;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    const slot = await this.acquire();
    try {
      return await call();
    } finally {
      this.release(slot);
    }
  }

  private lease(): Slot {
    const slot = { until: this.now() + this.options.leaseMs };
    this.slots.add(slot);
    return slot;
  }

  /** Takes back the slots of calls that cannot be running any more, and gives them to waiters first. */
  private reclaim(): void {
    const now = this.now();
    for (const slot of this.slots) {
      if (slot.until > now) continue;
      this.slots.delete(slot);
      this.waiting.shift()?.admit(this.lease());
    }
  }

  private acquire(): Promise<Slot> {
    if (this.slots.size >= this.options.capacity) this.reclaim();
    if (this.slots.size < this.options.capacity) return Promise.resolve(this.lease());
    if (this.waiting.length >= this.options.queueLength) {
      return Promise.reject(new HwaError("bulkhead-full", "too many HWA calls in progress"));
    }
    return new Promise<Slot>((resolve, reject) => {
      const waiter = {
        admit: (slot: Slot) => {
          clearTimeout(timer);
          resolve(slot);
        },
      };
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(new HwaError("bulkhead-full", "waited too long for an HWA call slot"));
      }, this.options.queueTimeoutMs);
      this.waiting.push(waiter);
    });
  }

  private release(slot: Slot): void {
    if (!this.slots.delete(slot)) return; // already taken back as abandoned
    // A new slot goes straight to the next waiter, which continues in its own request.
    this.waiting.shift()?.admit(this.lease());
  }
}
