// The Protobuf wire format, as much of it as Hrana's messages use: a message is a list of fields, each
// a varint, a fixed 64-bit value or a length-delimited byte string (strings, bytes, nested messages).
import { ProtocolError } from "./errors.mjs";

const wireTypes = { varint: 0, fixed64: 1, lengthDelimited: 2, fixed32: 5 };

/**
 * One field as read from the wire: `varint` for varints, `data` for every other wire type.
 * @typedef {{ number: number, wireType: number, varint: bigint, data: Uint8Array }} WireField
 */

/** @param {Uint8Array} bytes @returns {WireField[]} */
export function readFields(bytes) {
  /** @type {WireField[]} */
  const fields = [];
  let position = 0;
  const varint = () => {
    let value = 0n;
    for (let shift = 0n; ; shift += 7n) {
      if (position >= bytes.length || shift > 63n) throw new ProtocolError("Malformed Protobuf: bad varint");
      const byte = bytes[position++] ?? 0;
      value |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return BigInt.asUintN(64, value);
    }
  };
  const take = (/** @type {bigint | number} */ length) => {
    const end = position + Number(length);
    if (end > bytes.length) throw new ProtocolError("Malformed Protobuf: a field runs past the end of its message");
    const data = bytes.subarray(position, end);
    position = end;
    return data;
  };
  while (position < bytes.length) {
    const key = varint();
    const number = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (number === 0) throw new ProtocolError("Malformed Protobuf: field number 0");
    /** @type {WireField} */
    const field = { number, wireType, varint: 0n, data: new Uint8Array() };
    if (wireType === wireTypes.varint) field.varint = varint();
    else if (wireType === wireTypes.fixed64) field.data = take(8);
    else if (wireType === wireTypes.lengthDelimited) field.data = take(varint());
    else if (wireType === wireTypes.fixed32) field.data = take(4);
    else throw new ProtocolError(`Malformed Protobuf: unsupported wire type ${wireType}`);
    fields.push(field);
  }
  return fields;
}

/** @param {WireField} field @param {number} wireType */
function expectWireType(field, wireType) {
  if (field.wireType !== wireType) {
    throw new ProtocolError(`Malformed Protobuf: field ${field.number} has wire type ${field.wireType}`);
  }
}

/** @param {WireField} field */
export function bytesOf(field) {
  expectWireType(field, wireTypes.lengthDelimited);
  return field.data;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** @param {WireField} field */
export function stringOf(field) {
  try {
    return utf8.decode(bytesOf(field));
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`Malformed Protobuf: field ${field.number} is not UTF-8`);
  }
}

/** @param {WireField} field */
export function int32Of(field) {
  expectWireType(field, wireTypes.varint);
  return Number(BigInt.asIntN(32, field.varint));
}

/** @param {WireField} field */
export function uint32Of(field) {
  expectWireType(field, wireTypes.varint);
  return Number(BigInt.asUintN(32, field.varint));
}

/** @param {WireField} field */
export function boolOf(field) {
  expectWireType(field, wireTypes.varint);
  return field.varint !== 0n;
}

// sint64 is zigzag encoded: 0, -1, 1, -2 … are sent as 0, 1, 2, 3 …
/** @param {WireField} field */
export function sint64Of(field) {
  expectWireType(field, wireTypes.varint);
  return (field.varint >> 1n) ^ -(field.varint & 1n);
}

/** @param {WireField} field */
export function doubleOf(field) {
  expectWireType(field, wireTypes.fixed64);
  return Buffer.from(field.data).readDoubleLE(0);
}

/** Builds one message field by field, in the order they are written. */
export class ProtobufWriter {
  /** @type {Uint8Array[]} */
  #parts = [];

  /** @param {number} number @param {number} wireType */
  #key(number, wireType) {
    this.#parts.push(varintBytes((number << 3) | wireType));
  }

  /** An unsigned varint field: uint32, uint64 or bool. @param {number} number @param {number | bigint | boolean} value */
  uint(number, value) {
    this.#key(number, wireTypes.varint);
    this.#parts.push(varintBytes(typeof value === "boolean" ? Number(value) : value));
    return this;
  }

  /** @param {number} number @param {bigint} value */
  sint64(number, value) {
    this.#key(number, wireTypes.varint);
    this.#parts.push(varintBytes(BigInt.asUintN(64, (value << 1n) ^ (value >> 63n))));
    return this;
  }

  /** @param {number} number @param {number} value */
  double(number, value) {
    this.#key(number, wireTypes.fixed64);
    const data = Buffer.alloc(8);
    data.writeDoubleLE(value);
    this.#parts.push(data);
    return this;
  }

  /** @param {number} number @param {Uint8Array} value */
  bytes(number, value) {
    this.#key(number, wireTypes.lengthDelimited);
    this.#parts.push(varintBytes(value.length), value);
    return this;
  }

  /** @param {number} number @param {string} value */
  string(number, value) {
    return this.bytes(number, Buffer.from(value, "utf8"));
  }

  /** @param {number} number @param {ProtobufWriter} message */
  message(number, message) {
    return this.bytes(number, message.toBuffer());
  }

  toBuffer() {
    return Buffer.concat(this.#parts);
  }

  /** The message prefixed with its length, as a stream of messages frames them. */
  toLengthDelimited() {
    const body = this.toBuffer();
    return Buffer.concat([varintBytes(body.length), body]);
  }
}

/** @param {number | bigint} value a value in 0 … 2^64 - 1 */
function varintBytes(value) {
  /** @type {number[]} */
  const bytes = [];
  if (typeof value === "number" && value <= 0xffffffff) {
    // The common case (lengths, counts, field keys) without BigInt arithmetic.
    let rest = value;
    for (; rest > 0x7f; rest >>>= 7) bytes.push((rest & 0x7f) | 0x80);
    bytes.push(rest);
    return Uint8Array.from(bytes);
  }
  let rest = BigInt(value);
  for (; rest > 0x7fn; rest >>= 7n) bytes.push(Number(rest & 0x7fn) | 0x80);
  bytes.push(Number(rest));
  return Uint8Array.from(bytes);
}
