// Hrana 3 responses in Protobuf, encoded from the same shapes the JSON encoding sends. Field numbers
// follow sqld's schema (the spec's, plus `query_duration_ms` = 8 in StmtResult).
import { ProtobufWriter } from "./protobuf-wire.mjs";

/**
 * @typedef {import("./execute.mjs").StmtResult} StmtResult
 * @typedef {import("./execute.mjs").Col} Col
 * @typedef {import("./values.mjs").HranaValue} HranaValue
 * @typedef {import("./errors.mjs").HranaError} HranaError
 * @typedef {import("./pipeline.mjs").StreamResponse} StreamResponse
 */

/** @param {import("./pipeline.mjs").PipelineRespBody} body */
export function encodePipelineRespBody(body) {
  const writer = batonAndBaseUrl(body);
  for (const result of body.results) {
    const streamResult = new ProtobufWriter();
    if (result.type === "ok") streamResult.message(1, streamResponse(result.response));
    else streamResult.message(2, error(result.error));
    writer.message(3, streamResult);
  }
  return writer.toBuffer();
}

/** The first item of a cursor's body. @param {{ baton: string | null, base_url: string | null }} body */
export function encodeCursorRespBody(body) {
  return batonAndBaseUrl(body).toLengthDelimited();
}

/** Each later item of a cursor's body. @param {import("./cursor.mjs").CursorEntry} entry */
export function encodeCursorEntry(entry) {
  const writer = new ProtobufWriter();
  switch (entry.type) {
    case "step_begin": {
      const begin = new ProtobufWriter().uint(1, entry.step);
      for (const col of entry.cols) begin.message(2, column(col));
      writer.message(1, begin);
      break;
    }
    case "step_end":
      writer.message(2, changeCounts(new ProtobufWriter(), entry, 1, 2));
      break;
    case "step_error":
      writer.message(3, new ProtobufWriter().uint(1, entry.step).message(2, error(entry.error)));
      break;
    case "row":
      writer.message(4, row(entry.row));
      break;
    case "error":
      writer.message(5, error(entry.error));
      break;
  }
  return writer.toLengthDelimited();
}

/** @param {{ baton: string | null, base_url: string | null }} body */
function batonAndBaseUrl({ baton, base_url: baseUrl }) {
  const writer = new ProtobufWriter();
  if (baton !== null) writer.string(1, baton);
  if (baseUrl !== null) writer.string(2, baseUrl);
  return writer;
}

// StreamResponse is a oneof: the field number says the response type.
const responseFields = {
  close: 1,
  execute: 2,
  batch: 3,
  sequence: 4,
  describe: 5,
  store_sql: 6,
  close_sql: 7,
  get_autocommit: 8,
};

/** @param {StreamResponse} response */
function streamResponse(response) {
  const body = new ProtobufWriter();
  if (response.type === "execute") body.message(1, stmtResult(response.result));
  else if (response.type === "batch") body.message(1, batchResult(response.result));
  else if (response.type === "describe") body.message(1, describeResult(response.result));
  else if (response.type === "get_autocommit") body.uint(1, response.is_autocommit);
  return new ProtobufWriter().message(responseFields[response.type], body);
}

/** @param {StmtResult} result */
function stmtResult(result) {
  const writer = new ProtobufWriter();
  for (const col of result.cols) writer.message(1, column(col));
  for (const values of result.rows) writer.message(2, row(values));
  return changeCounts(writer, result, 3, 4).double(8, result.query_duration_ms);
}

/**
 * @param {ProtobufWriter} writer
 * @param {{ affected_row_count: number, last_insert_rowid: string | null }} counts
 * @param {number} countField
 * @param {number} rowidField
 */
function changeCounts(writer, counts, countField, rowidField) {
  writer.uint(countField, counts.affected_row_count);
  if (counts.last_insert_rowid !== null) writer.sint64(rowidField, BigInt(counts.last_insert_rowid));
  return writer;
}

// BatchResult's results and errors are maps from the step's index; a skipped step is in neither.
/** @param {import("./batch.mjs").BatchResult} result */
function batchResult(result) {
  const writer = new ProtobufWriter();
  result.step_results.forEach((stepResult, step) => {
    if (stepResult) writer.message(1, new ProtobufWriter().uint(1, step).message(2, stmtResult(stepResult)));
  });
  result.step_errors.forEach((stepError, step) => {
    if (stepError) writer.message(2, new ProtobufWriter().uint(1, step).message(2, error(stepError)));
  });
  return writer;
}

/** @param {import("./execute.mjs").DescribeResult} result */
function describeResult(result) {
  const writer = new ProtobufWriter();
  for (const { name } of result.params) {
    const param = new ProtobufWriter();
    if (name !== null) param.string(1, name);
    writer.message(1, param);
  }
  for (const col of result.cols) writer.message(2, column(col));
  return writer.uint(3, result.is_explain).uint(4, result.is_readonly);
}

/** @param {Col} col */
function column({ name, decltype }) {
  const writer = new ProtobufWriter().string(1, name);
  if (decltype !== null) writer.string(2, decltype);
  return writer;
}

/** @param {HranaValue[]} values */
function row(values) {
  const writer = new ProtobufWriter();
  for (const value of values) writer.message(1, valueMessage(value));
  return writer;
}

/** @param {HranaValue} value */
function valueMessage(value) {
  const writer = new ProtobufWriter();
  switch (value.type) {
    case "null":
      return writer.message(1, new ProtobufWriter());
    case "integer":
      return writer.sint64(2, BigInt(value.value));
    case "float":
      return writer.double(3, value.value);
    case "text":
      return writer.string(4, value.value);
    case "blob":
      return writer.bytes(5, Buffer.from(value.base64, "base64"));
  }
}

/** @param {HranaError} hranaError */
function error({ message, code }) {
  return new ProtobufWriter().string(1, message).string(2, code);
}
