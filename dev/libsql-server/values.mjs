// Hrana values <-> the JavaScript values the `libsql` package binds and returns (with safe integers on).
import { ProtocolError } from "./errors.mjs";

/**
 * @typedef {{ type: "null" }
 *   | { type: "integer", value: string }
 *   | { type: "float", value: number }
 *   | { type: "text", value: string }
 *   | { type: "blob", base64: string }} HranaValue
 * @typedef {null | bigint | number | string | Buffer} SqlValue
 */

const minInteger = -(2n ** 63n);
const maxInteger = 2n ** 63n - 1n;

/** @param {unknown} value @returns {SqlValue} */
export function valueFromHrana(value) {
  if (typeof value !== "object" || value === null) throw new ProtocolError("A value must be an object");
  const { type } = /** @type {{ type?: unknown }} */ (value);
  const field = (/** @type {string} */ name) => /** @type {Record<string, unknown>} */ (value)[name];
  switch (type) {
    case "null":
      return null;
    case "integer":
      return integerFromText(field("value"));
    case "float": {
      const number = field("value");
      if (typeof number !== "number") throw new ProtocolError("A float value must be a JSON number");
      return number;
    }
    case "text": {
      const text = field("value");
      if (typeof text !== "string") throw new ProtocolError("A text value must be a JSON string");
      return text;
    }
    case "blob": {
      const base64 = field("base64");
      if (typeof base64 !== "string") throw new ProtocolError("A blob value must carry a base64 string");
      return Buffer.from(base64, "base64");
    }
    default:
      throw new ProtocolError(`Unknown value type ${JSON.stringify(type)}`);
  }
}

/** @param {unknown} text */
function integerFromText(text) {
  if (typeof text !== "string" || !/^-?[0-9]+$/.test(text)) {
    throw new ProtocolError("An integer value must be a decimal string");
  }
  const integer = BigInt(text);
  if (integer < minInteger || integer > maxInteger) {
    throw new ProtocolError("An integer value must fit in 64 bits");
  }
  return integer;
}

/** @param {unknown} value @returns {HranaValue} */
export function valueToHrana(value) {
  if (value === null || value === undefined) return { type: "null" };
  if (typeof value === "bigint") return { type: "integer", value: value.toString() };
  if (typeof value === "number") return { type: "float", value };
  if (typeof value === "string") return { type: "text", value };
  if (value instanceof Uint8Array) return { type: "blob", base64: Buffer.from(value).toString("base64") };
  throw new Error(`The database returned a value of unexpected type ${typeof value}`);
}
