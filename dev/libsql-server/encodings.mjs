// Hrana's two encodings over HTTP: JSON (v2 and v3) and Protobuf (v3). Both carry the same shapes,
// so the pipeline and the cursor never see which one a request used.
import { ProtocolError } from "./errors.mjs";
import { decodeCursorReqBody, decodePipelineReqBody } from "./protobuf-requests.mjs";
import { encodeCursorEntry, encodeCursorRespBody, encodePipelineRespBody } from "./protobuf-responses.mjs";

/**
 * @typedef {{
 *   contentType: string,
 *   cursorContentType: string,
 *   decodePipeline(body: Buffer): unknown,
 *   encodePipeline(response: import("./pipeline.mjs").PipelineRespBody): Buffer,
 *   decodeCursor(body: Buffer): unknown,
 *   encodeCursorBegin(body: { baton: string | null, base_url: string | null }): Buffer,
 *   encodeCursorEntry(entry: import("./cursor.mjs").CursorEntry): Buffer,
 * }} Encoding
 */

/** @param {Buffer} body */
function parseJson(body) {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch (error) {
    throw new ProtocolError(`The request body is not valid JSON: ${/** @type {Error} */ (error).message}`);
  }
}

// A cursor's JSON body is one JSON value per line (sqld sends it as text/plain).
/** @param {unknown} item */
const jsonLine = (item) => Buffer.from(`${JSON.stringify(item)}\n`);

/** @type {Encoding} */
export const json = {
  // Exactly "application/json": @libsql/client reads error bodies only with this content type.
  contentType: "application/json",
  cursorContentType: "text/plain",
  decodePipeline: parseJson,
  encodePipeline: (response) => Buffer.from(JSON.stringify(response)),
  decodeCursor: parseJson,
  encodeCursorBegin: jsonLine,
  encodeCursorEntry: jsonLine,
};

/** @type {Encoding} */
export const protobuf = {
  contentType: "application/x-protobuf",
  cursorContentType: "application/octet-stream",
  decodePipeline: decodePipelineReqBody,
  encodePipeline: encodePipelineRespBody,
  decodeCursor: decodeCursorReqBody,
  encodeCursorBegin: encodeCursorRespBody,
  encodeCursorEntry,
};
