// Shape checks for decoded Hrana requests: a request of the wrong shape breaks the protocol.
import { ProtocolError } from "./errors.mjs";

/** @typedef {Record<string, unknown>} JsonObject */

/** @param {unknown} value @param {string} what @returns {JsonObject} */
export function asObject(value, what) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ProtocolError(`${what} must be an object`);
  }
  return /** @type {JsonObject} */ (value);
}

/** @param {unknown} value @param {string} what @returns {unknown[]} */
export function asArray(value, what) {
  if (!Array.isArray(value)) throw new ProtocolError(`${what} must be an array`);
  return value;
}
