// One pipeline request (`POST /v2/pipeline`, `/v3/pipeline`, `/v3-protobuf/pipeline`): continue (or
// open) a stream, run its requests in order, hand back the next baton.
import { executeBatch } from "./batch.mjs";
import { ProtocolError, StatementError, hranaError } from "./errors.mjs";
import { describeStatement, executeSequence, executeStmt } from "./execute.mjs";
import { asArray, asObject } from "./shapes.mjs";

// sqld's limits on the per-stream SQL store; @libsql/client keeps below them (30 texts under 5000 chars).
const maxStoredSqls = 50;
const maxStoredSqlBytes = 5000;

const requestTypes = new Set([
  "close",
  "execute",
  "batch",
  "sequence",
  "describe",
  "store_sql",
  "close_sql",
  "get_autocommit",
]);

/**
 * @typedef {import("./streams.mjs").Stream} Stream
 * @typedef {import("./streams.mjs").StreamRegistry} StreamRegistry
 * @typedef {Record<string, unknown>} JsonObject
 * @typedef {{ type: "close" | "sequence" | "store_sql" | "close_sql" }
 *   | { type: "execute", result: import("./execute.mjs").StmtResult }
 *   | { type: "batch", result: import("./batch.mjs").BatchResult }
 *   | { type: "describe", result: import("./execute.mjs").DescribeResult }
 *   | { type: "get_autocommit", is_autocommit: boolean }} StreamResponse
 * @typedef {{ type: "ok", response: StreamResponse }
 *   | { type: "error", error: import("./errors.mjs").HranaError }} StreamResult
 * @typedef {{ baton: string | null, base_url: null, results: StreamResult[] }} PipelineRespBody
 */

/**
 * @param {StreamRegistry} registry
 * @param {unknown} body the decoded PipelineReqBody
 * @returns {Promise<PipelineRespBody>}
 */
export async function runPipeline(registry, body) {
  const { baton, requests } = pipelineRequest(body);
  const stream = baton == null ? registry.open() : registry.acquire(baton);
  const unlock = await stream.lock();
  try {
    /** @type {StreamResult[]} */
    const results = [];
    for (const request of requests) results.push(await runRequest(registry, stream, request));
    return { baton: registry.release(stream), base_url: null, results };
  } catch (error) {
    registry.close(stream); // like sqld: a request that breaks the protocol ends its stream
    throw error;
  } finally {
    unlock();
  }
}

// Checked in full before the stream is touched, so a malformed pipeline leaves the stream as it was.
/** @param {unknown} body */
function pipelineRequest(body) {
  const { baton, requests } = asObject(body, "The request body");
  if (baton != null && typeof baton !== "string") throw new ProtocolError("baton must be a string or null");
  const checked = asArray(requests, "requests").map((request) => {
    const object = asObject(request, "Each request");
    if (typeof object.type !== "string" || !requestTypes.has(object.type)) {
      throw new ProtocolError(`Unknown request type ${JSON.stringify(object.type)}`);
    }
    return object;
  });
  return { baton, requests: checked };
}

/**
 * @param {StreamRegistry} registry
 * @param {Stream} stream
 * @param {JsonObject} request
 * @returns {Promise<StreamResult>}
 */
async function runRequest(registry, stream, request) {
  if (stream.closed) throw new ProtocolError("The stream was closed by an earlier request", "STREAM_CLOSED");
  try {
    return { type: "ok", response: await respond(registry, stream, request) };
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    return { type: "error", error: hranaError(error) };
  }
}

/**
 * @param {StreamRegistry} registry
 * @param {Stream} stream
 * @param {JsonObject} request
 * @returns {Promise<StreamResponse>}
 */
async function respond(registry, stream, request) {
  switch (request.type) {
    case "close":
      registry.close(stream);
      return { type: "close" };
    case "execute":
      return { type: "execute", result: await executeStmt(stream, request.stmt) };
    case "batch":
      return { type: "batch", result: await executeBatch(stream, request.batch) };
    case "sequence":
      await executeSequence(stream, request);
      return { type: "sequence" };
    case "describe":
      return { type: "describe", result: await describeStatement(stream, request) };
    case "store_sql":
      storeSql(stream, request);
      return { type: "store_sql" };
    case "close_sql":
      stream.sqls.delete(sqlId(request));
      return { type: "close_sql" };
    case "get_autocommit":
      return { type: "get_autocommit", is_autocommit: !stream.db.inTransaction };
    default:
      throw new ProtocolError(`Unknown request type ${JSON.stringify(request.type)}`);
  }
}

/** @param {Stream} stream @param {JsonObject} request */
function storeSql(stream, request) {
  const id = sqlId(request);
  const { sql } = request;
  if (typeof sql !== "string") throw new ProtocolError("store_sql needs a sql string");
  if (stream.sqls.has(id)) throw new ProtocolError(`SQL text ${id} is already stored on this stream`);
  if (stream.sqls.size >= maxStoredSqls) {
    throw new StatementError(
      `The server already stores ${stream.sqls.size} SQL texts, it cannot store more`,
      "SQL_STORE_TOO_MANY",
    );
  }
  const bytes = Buffer.byteLength(sql);
  if (bytes > maxStoredSqlBytes) {
    throw new StatementError(
      `The statement is too large to be stored: ${bytes}/${maxStoredSqlBytes} bytes`,
      "SQL_STORE_TOO_LARGE",
    );
  }
  stream.sqls.set(id, sql);
}

/** @param {JsonObject} request */
function sqlId(request) {
  const id = request.sql_id;
  if (typeof id !== "number" || !Number.isInteger(id)) throw new ProtocolError("sql_id must be an integer");
  return id;
}
