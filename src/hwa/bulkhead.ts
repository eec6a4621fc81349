import { HwaError } from "./errors";

// Our own, not cockatiel's: its queue starts a waiting call from the continuation of the call that freed the
// slot, i.e. from another request's context, which Workers forbid. Here each waiter resumes in its own request.

export interface BulkheadOptions {
  /** Upstream calls in flight at once in this isolate. */
  capacity: number;
  /** Calls allowed to wait for a slot; more are refused at once. */
  queueLength: number;
  /** How long a call may wait for a slot before it is refused. */
  queueTimeoutMs: number;
}

export class Bulkhead {
  private active = 0;
  private readonly waiting: { admit: () => void }[] = [];

  constructor(private readonly options: BulkheadOptions) {}

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await call();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.options.capacity) {
      this.active += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.options.queueLength) {
      return Promise.reject(new HwaError("bulkhead-full", "too many HWA calls in progress"));
    }
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        admit: () => {
          clearTimeout(timer);
          resolve();
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

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, which continues in its own request.
    if (next) next.admit();
    else this.active -= 1;
  }
}
