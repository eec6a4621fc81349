// Hrana 3 requests in Protobuf (`hrana.http` and `hrana` packages of the spec's schema), decoded into
// the same shapes as their JSON form, so that one executor serves both encodings.
import { ProtocolError } from "./errors.mjs";
import { boolOf, bytesOf, doubleOf, int32Of, readFields, sint64Of, stringOf, uint32Of } from "./protobuf-wire.mjs";

/**
 * @typedef {import("./protobuf-wire.mjs").WireField} WireField
 * @typedef {Record<string, unknown>} JsonObject
 */

// Conditions nest (not, and, or); deeper than this is no batch a client builds.
const maxConditionDepth = 100;

/** @param {Uint8Array} bytes */
export function decodePipelineReqBody(bytes) {
  /** @type {{ baton: string | null, requests: JsonObject[] }} */
  const body = { baton: null, requests: [] };
  for (const field of readFields(bytes)) {
    if (field.number === 1) body.baton = stringOf(field);
    else if (field.number === 2) body.requests.push(decodeStreamRequest(bytesOf(field)));
  }
  return body;
}

/** @param {Uint8Array} bytes */
export function decodeCursorReqBody(bytes) {
  /** @type {{ baton: string | null, batch: JsonObject | null }} */
  const body = { baton: null, batch: null };
  for (const field of readFields(bytes)) {
    if (field.number === 1) body.baton = stringOf(field);
    else if (field.number === 2) body.batch = decodeBatch(bytesOf(field));
  }
  return body;
}

// StreamRequest is a oneof: the field number says the request type (the last one sent wins).
/** @type {Record<number, { type: string, decode(bytes: Uint8Array): JsonObject }>} */
const requestDecoders = {
  1: { type: "close", decode: () => ({}) },
  2: { type: "execute", decode: (bytes) => ({ stmt: decodeOnly(bytes, 1, decodeStmt) }) },
  3: { type: "batch", decode: (bytes) => ({ batch: decodeOnly(bytes, 1, decodeBatch) }) },
  4: { type: "sequence", decode: (bytes) => decodeSqlHolder(bytes) },
  5: { type: "describe", decode: (bytes) => decodeSqlHolder(bytes) },
  6: { type: "store_sql", decode: (bytes) => ({ sql_id: 0, sql: "", ...decodeSqlHolder(bytes, 2, 1) }) },
  7: { type: "close_sql", decode: (bytes) => ({ sql_id: 0, ...decodeSqlHolder(bytes, 2, 1) }) },
  8: { type: "get_autocommit", decode: () => ({}) },
};

/** @param {Uint8Array} bytes @returns {JsonObject} */
function decodeStreamRequest(bytes) {
  /** @type {JsonObject} */
  let request = { type: null };
  for (const field of readFields(bytes)) {
    const decoder = requestDecoders[field.number];
    if (decoder) request = { type: decoder.type, ...decoder.decode(bytesOf(field)) };
  }
  return request;
}

/**
 * The message in field `number` of a message that holds just that one (null when absent).
 * @param {Uint8Array} bytes
 * @param {number} number
 * @param {(bytes: Uint8Array) => JsonObject} decode
 */
function decodeOnly(bytes, number, decode) {
  const field = readFields(bytes).findLast((candidate) => candidate.number === number);
  return field ? decode(bytesOf(field)) : null;
}

/**
 * A request naming its SQL by text or by stored id. proto3 leaves out fields at their default value,
 * so a store_sql of id 0 carries no id at all (hence the defaults above).
 * @param {Uint8Array} bytes
 */
function decodeSqlHolder(bytes, sqlField = 1, sqlIdField = 2) {
  /** @type {JsonObject} */
  const request = {};
  for (const field of readFields(bytes)) {
    if (field.number === sqlField) request.sql = stringOf(field);
    else if (field.number === sqlIdField) request.sql_id = int32Of(field);
  }
  return request;
}

/** @param {Uint8Array} bytes @returns {JsonObject} */
function decodeStmt(bytes) {
  /** @type {{ args: JsonObject[], named_args: JsonObject[], [field: string]: unknown }} */
  const stmt = { args: [], named_args: [] };
  for (const field of readFields(bytes)) {
    if (field.number === 1) stmt.sql = stringOf(field);
    else if (field.number === 2) stmt.sql_id = int32Of(field);
    else if (field.number === 3) stmt.args.push(decodeValue(bytesOf(field)));
    else if (field.number === 4) stmt.named_args.push(decodeNamedArg(bytesOf(field)));
    else if (field.number === 5) stmt.want_rows = boolOf(field);
  }
  return stmt;
}

/** @param {Uint8Array} bytes */
function decodeNamedArg(bytes) {
  /** @type {{ name: string, value: JsonObject | null }} */
  const arg = { name: "", value: null };
  for (const field of readFields(bytes)) {
    if (field.number === 1) arg.name = stringOf(field);
    else if (field.number === 2) arg.value = decodeValue(bytesOf(field));
  }
  return arg;
}

/** @param {Uint8Array} bytes */
function decodeBatch(bytes) {
  /** @type {JsonObject[]} */
  const steps = [];
  for (const field of readFields(bytes)) {
    if (field.number === 1) steps.push(decodeBatchStep(bytesOf(field)));
  }
  return { steps };
}

/** @param {Uint8Array} bytes */
function decodeBatchStep(bytes) {
  /** @type {JsonObject} */
  const step = { condition: null, stmt: null };
  for (const field of readFields(bytes)) {
    if (field.number === 1) step.condition = decodeCondition(bytesOf(field), 0);
    else if (field.number === 2) step.stmt = decodeStmt(bytesOf(field));
  }
  return step;
}

/** @param {Uint8Array} bytes @param {number} depth @returns {JsonObject} */
function decodeCondition(bytes, depth) {
  if (depth > maxConditionDepth) throw new ProtocolError(`Batch conditions nest deeper than ${maxConditionDepth}`);
  /** @type {JsonObject} */
  let condition = { type: null };
  for (const field of readFields(bytes)) {
    if (field.number === 1) condition = { type: "ok", step: uint32Of(field) };
    else if (field.number === 2) condition = { type: "error", step: uint32Of(field) };
    else if (field.number === 3) condition = { type: "not", cond: decodeCondition(bytesOf(field), depth + 1) };
    else if (field.number === 4) condition = { type: "and", conds: decodeConditionList(bytesOf(field), depth + 1) };
    else if (field.number === 5) condition = { type: "or", conds: decodeConditionList(bytesOf(field), depth + 1) };
    else if (field.number === 6) condition = { type: "is_autocommit" };
  }
  return condition;
}

/** @param {Uint8Array} bytes @param {number} depth */
function decodeConditionList(bytes, depth) {
  return readFields(bytes)
    .filter((field) => field.number === 1)
    .map((field) => decodeCondition(bytesOf(field), depth));
}

/** @param {Uint8Array} bytes @returns {JsonObject} */
function decodeValue(bytes) {
  /** @type {JsonObject} */
  let value = { type: null };
  for (const field of readFields(bytes)) {
    if (field.number === 1) value = { type: "null" };
    else if (field.number === 2) value = { type: "integer", value: String(sint64Of(field)) };
    else if (field.number === 3) value = { type: "float", value: doubleOf(field) };
    else if (field.number === 4) value = { type: "text", value: stringOf(field) };
    else if (field.number === 5) value = { type: "blob", base64: Buffer.from(bytesOf(field)).toString("base64") };
  }
  return value;
}
