/** Work in progress in this isolate for one key, which other requests of the isolate may wait for instead of repeating it. */
export interface Flight<T> {
  startedAt: number;
  /** Plain data only: it is read by requests other than the one that started it. */
  result: Promise<T>;
}

/** Keys in flight at once in one isolate; beyond it the oldest is forgotten (its waiters keep their promise). */
const MAX_FLIGHTS = 1_000;

/** In-isolate coalescing: concurrent misses for one key share one KV read and one refresh. */
export class Flights<T> {
  private readonly inFlight = new Map<string, Flight<T>>();

  /** @param maxAgeMs after this long a flight is presumed dead: a request that was cancelled may never settle it. */
  constructor(private readonly maxAgeMs: number) {}

  /** The flight of `key` worth waiting for: started strictly after `notBefore` (the key's last invalidation) and still alive. */
  find(key: string, now: number, notBefore: number): Flight<T> | undefined {
    const flight = this.inFlight.get(key);
    if (!flight) return undefined;
    if (flight.startedAt > notBefore && now - flight.startedAt < this.maxAgeMs) return flight;
    return undefined;
  }

  start(key: string, startedAt: number, result: Promise<T>): Flight<T> {
    if (this.inFlight.size >= MAX_FLIGHTS) this.inFlight.delete(this.inFlight.keys().next().value!);
    const flight: Flight<T> = { startedAt, result };
    this.inFlight.set(key, flight);
    const forget = () => {
      if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
    };
    result.then(forget, forget);
    return flight;
  }
}
