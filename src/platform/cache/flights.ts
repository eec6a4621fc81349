import type { Entry } from "./envelope";

/** A refresh in progress in this isolate, which other requests of the isolate may wait for instead of starting theirs. */
export interface Flight {
  startedAt: number;
  /** Plain data only: it is read by requests other than the one that started it. */
  entry: Promise<Entry>;
}

/** Refreshes in flight at once in one isolate; beyond it the oldest is forgotten (its waiters keep their promise). */
const MAX_FLIGHTS = 1_000;

/** In-isolate coalescing: concurrent misses for one key share one refresh. */
export class Flights {
  private readonly inFlight = new Map<string, Flight>();

  constructor(private readonly maxAgeMs: number) {}

  /**
   * The refresh of `key` worth waiting for: started strictly after `notBefore` (the key's last invalidation)
   * and recently enough to still be alive (a request that was cancelled may never settle its refresh).
   */
  find(key: string, now: number, notBefore: number): Flight | undefined {
    const flight = this.inFlight.get(key);
    if (!flight) return undefined;
    if (flight.startedAt > notBefore && now - flight.startedAt < this.maxAgeMs) return flight;
    return undefined;
  }

  start(key: string, startedAt: number, entry: Promise<Entry>): Flight {
    if (this.inFlight.size >= MAX_FLIGHTS) this.inFlight.delete(this.inFlight.keys().next().value!);
    const flight: Flight = { startedAt, entry };
    this.inFlight.set(key, flight);
    const forget = () => {
      if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
    };
    entry.then(forget, forget);
    return flight;
  }

  get size(): number {
    return this.inFlight.size;
  }
}
