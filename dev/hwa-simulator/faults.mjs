// Fault injection, so that clients and benchmarks can watch the engine break on purpose: added latency, a
// share of failed requests, a fixed number of 429s or failures, a slow job log, an engine that hangs, or one
// that is down (connections reset).
import { injectedFailure, invalidParameter } from "./errors.mjs";
import { engineError, writeResponse } from "./http.mjs";

/**
 * @typedef {{ latencyMs?: number, errorRate?: number, errorStatus?: number, down?: boolean,
 *   rateLimit?: { retryAfter: number, count: number }, failNext?: { status: number, count: number },
 *   hang?: boolean, slowJoblogMs?: number }} FaultSettings
 */

export class Faults {
  constructor() {
    /** @type {FaultSettings} */
    this.settings = {};
    /** @type {Set<import("node:http").ServerResponse>} requests left hanging, ended when faults are cleared */
    this.hanging = new Set();
  }

  /**
   * Adds to the current faults (a key given replaces the same key); 400 on a value that makes no sense.
   * @param {Record<string, unknown>} body
   */
  set(body) {
    /** @type {FaultSettings} */
    const next = { ...this.settings };
    for (const [key, value] of Object.entries(body)) {
      switch (key) {
        case "latencyMs":
        case "slowJoblogMs":
          next[key] = number(key, value, 0, 600_000);
          break;
        case "errorRate":
          next.errorRate = number(key, value, 0, 1);
          break;
        case "errorStatus":
          next.errorStatus = status(key, value);
          break;
        case "down":
        case "hang":
          if (typeof value !== "boolean") throw invalidParameter(`"${key}" must be true or false.`);
          next[key] = value;
          break;
        case "rateLimit": {
          const { retryAfter, count = 1 } = object(key, value);
          next.rateLimit = {
            retryAfter: number("rateLimit.retryAfter", retryAfter, 0, 86_400),
            count: number("rateLimit.count", count, 1, 1_000_000),
          };
          break;
        }
        case "failNext": {
          const { status: code, count = 1 } = object(key, value);
          next.failNext = {
            status: status("failNext.status", code),
            count: number("failNext.count", count, 1, 1_000_000),
          };
          break;
        }
        default:
          throw invalidParameter(`Unknown fault "${key}".`);
      }
    }
    this.settings = next;
    if (!next.hang) this.releaseHanging();
    return this.settings;
  }

  clear() {
    this.settings = {};
    this.releaseHanging();
    return this.settings;
  }

  /** Hung requests end with a reset connection: by then their client has given up or is about to. */
  releaseHanging() {
    for (const response of this.hanging) response.socket?.destroy();
    this.hanging.clear();
  }

  /**
   * Applies the faults to one request; true when the fault answered it (or never will).
   * @param {import("node:http").IncomingMessage} request
   * @param {import("node:http").ServerResponse} response
   * @param {boolean} isJobLog
   */
  async apply(request, response, isJobLog) {
    const settings = this.settings;
    if (settings.down) {
      request.socket.destroy();
      return true;
    }
    if (settings.hang) {
      this.hanging.add(response);
      response.once("close", () => this.hanging.delete(response));
      return true;
    }
    const delay = (settings.latencyMs ?? 0) + (isJobLog ? (settings.slowJoblogMs ?? 0) : 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (settings.rateLimit) {
      const { retryAfter, count } = settings.rateLimit;
      if (count <= 1) delete settings.rateLimit;
      else settings.rateLimit = { retryAfter, count: count - 1 };
      writeResponse(response, engineError(injectedFailure(429), { "retry-after": String(retryAfter) }));
      return true;
    }
    if (settings.failNext) {
      const { status: code, count } = settings.failNext;
      if (count <= 1) delete settings.failNext;
      else settings.failNext = { status: code, count: count - 1 };
      writeResponse(response, engineError(injectedFailure(code)));
      return true;
    }
    if (settings.errorRate && Math.random() < settings.errorRate) {
      writeResponse(response, engineError(injectedFailure(settings.errorStatus ?? 500)));
      return true;
    }
    return false;
  }
}

/** @param {string} key @param {unknown} value @param {number} min @param {number} max */
function number(key, value, min, max) {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    throw invalidParameter(`"${key}" must be a number from ${min} to ${max}.`);
  }
  return value;
}

/** @param {string} key @param {unknown} value */
function status(key, value) {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 400 || value > 599) {
    throw invalidParameter(`"${key}" must be an HTTP error status (400-599).`);
  }
  return value;
}

/** @param {string} key @param {unknown} value @returns {Record<string, unknown>} */
function object(key, value) {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw invalidParameter(`"${key}" must be an object.`);
  return /** @type {Record<string, unknown>} */ (value);
}
