// Hrana streams over HTTP: each owns a connection and is carried from one request to the next by a
// baton that is good for exactly one request. Idle streams expire and roll back, as in sqld.
import { randomBytes } from "node:crypto";
import { closeConnection, openConnection } from "./connection.mjs";
import { ProtocolError } from "./errors.mjs";

/** How long an expired baton is still recognised, to answer "expired" rather than "invalid". */
const expiredBatonMemoryMs = 5 * 60_000;
const expiredBatonMemoryCount = 10_000;

export class Stream {
  /** Settles when the work queued on this stream so far is done. @type {Promise<void>} */
  #queue = Promise.resolve();

  /** @param {import("./connection.mjs").LibsqlDatabase} db @param {number} busyTimeoutMs */
  constructor(db, busyTimeoutMs) {
    this.db = db;
    /** SQL texts stored with `store_sql`, by id. @type {Map<number, string>} */
    this.sqls = new Map();
    this.busyTimeoutMs = busyTimeoutMs;
    this.closed = false;
    this.working = false;
    this.idleSince = Date.now();
  }

  /**
   * Waits for the stream's earlier work to finish; the returned function ends this work. A cursor hands
   * out its baton before it has finished streaming, so the next request can arrive while it still runs.
   * @returns {Promise<() => void>}
   */
  async lock() {
    const earlier = this.#queue;
    /** @type {() => void} */
    let finish = () => {};
    this.#queue = new Promise((resolve) => {
      finish = resolve;
    });
    await earlier;
    this.working = true;
    return () => {
      this.working = false;
      this.idleSince = Date.now();
      finish();
    };
  }
}

export class StreamRegistry {
  /** @type {Set<Stream>} */
  #open = new Set();
  /** Streams waiting for their next request, by the baton that continues them. @type {Map<string, Stream>} */
  #waiting = new Map();
  /** @type {Map<string, number>} */
  #expiredBatons = new Map();
  #options;
  #sweepTimer;

  /** @param {{ file: string, idleMs: number, busyTimeoutMs: number, maxStreams: number }} options */
  constructor(options) {
    this.#options = options;
    const sweepEveryMs = Math.max(50, Math.min(1000, Math.floor(options.idleMs / 4)));
    this.#sweepTimer = setInterval(() => this.#expireIdle(), sweepEveryMs);
    this.#sweepTimer.unref(); // a dev server's sweep must not keep the process alive
  }

  get openCount() {
    return this.#open.size;
  }

  /** A new stream, for a request without a baton. */
  open() {
    const { file, busyTimeoutMs, maxStreams } = this.#options;
    if (this.#open.size >= maxStreams) {
      throw new ProtocolError(
        `Too many open streams (limit ${maxStreams}); close streams or let idle ones expire`,
        "STREAM_LIMIT_REACHED",
        503,
      );
    }
    const stream = new Stream(openConnection(file), busyTimeoutMs);
    this.#open.add(stream);
    return stream;
  }

  /** The stream a baton continues; the baton is spent. @param {unknown} baton */
  acquire(baton) {
    if (typeof baton !== "string") throw new ProtocolError("The baton must be a string");
    const stream = this.#waiting.get(baton);
    if (stream) {
      this.#waiting.delete(baton);
      return stream;
    }
    if (this.#expiredBatons.has(baton)) {
      throw new ProtocolError("The stream has expired due to inactivity", "STREAM_EXPIRED");
    }
    throw new ProtocolError("The baton is unknown or was already used", "BATON_INVALID");
  }

  /**
   * Puts a stream back to wait for its next request; returns its new baton, or null once closed.
   * @param {Stream} stream
   */
  release(stream) {
    if (stream.closed) return null;
    const baton = randomBytes(24).toString("base64url");
    stream.idleSince = Date.now();
    this.#waiting.set(baton, stream);
    return baton;
  }

  /** @param {Stream} stream */
  close(stream) {
    if (stream.closed) return;
    stream.closed = true;
    this.#open.delete(stream);
    closeConnection(stream.db);
  }

  closeAll() {
    clearInterval(this.#sweepTimer);
    for (const stream of this.#open) this.close(stream);
    this.#waiting.clear();
  }

  #expireIdle() {
    const now = Date.now();
    for (const [baton, stream] of this.#waiting) {
      if (stream.working || now - stream.idleSince < this.#options.idleMs) continue;
      this.#waiting.delete(baton);
      this.close(stream);
      this.#expiredBatons.set(baton, now);
    }
    for (const [baton, expiredAt] of this.#expiredBatons) {
      const tooMany = this.#expiredBatons.size > expiredBatonMemoryCount;
      if (!tooMany && now - expiredAt < expiredBatonMemoryMs) break; // oldest first
      this.#expiredBatons.delete(baton);
    }
  }
}
