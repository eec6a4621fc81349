// One cursor request (`POST /v3/cursor`, `/v3-protobuf/cursor`): runs a batch on a stream and streams
// its results as Hrana 3 cursor entries, each written as soon as the engine produces it.
import { batchSteps, runBatchSteps } from "./batch.mjs";
import { ProtocolError, hranaError } from "./errors.mjs";
import { bindStmt, streamStatement } from "./execute.mjs";
import { asObject } from "./shapes.mjs";

/**
 * Hrana 3's cursor entries.
 * @typedef {import("./execute.mjs").Col} Col
 * @typedef {import("./errors.mjs").HranaError} HranaError
 * @typedef {{ type: "step_begin", step: number, cols: Col[] }
 *   | { type: "step_end" } & import("./execute.mjs").ChangeCounts
 *   | { type: "step_error", step: number, error: HranaError }
 *   | { type: "row", row: import("./values.mjs").HranaValue[] }
 *   | { type: "error", error: HranaError }} CursorEntry
 *
 * Where a cursor's response goes. `begin` sends the first item (the baton), `entry` each later one;
 * both wait while the client is behind, and throw CursorStopped once no more can be sent.
 * @typedef {{
 *   begin(body: { baton: string | null, base_url: string | null }): Promise<void>,
 *   entry(entry: CursorEntry): Promise<void>,
 * }} CursorOutput
 * @typedef {import("./streams.mjs").StreamRegistry} StreamRegistry
 * @typedef {import("./streams.mjs").Stream} Stream
 */

/** The response cannot take more entries: the client went away, or the cursor reached its size limit. */
export class CursorStopped extends Error {
  /** @param {string} reason */
  constructor(reason) {
    super(reason);
    this.name = "CursorStopped";
  }
}

/**
 * Errors before `output.begin` (a malformed body, an unknown baton) are thrown, for an HTTP error;
 * after it, they become the cursor's last entry.
 * @param {StreamRegistry} registry
 * @param {unknown} body the decoded CursorReqBody
 * @param {CursorOutput} output
 */
export async function runCursor(registry, body, output) {
  const { baton, batch } = asObject(body, "The request body");
  if (baton != null && typeof baton !== "string") throw new ProtocolError("baton must be a string or null");
  const steps = batchSteps(batch);
  const stream = baton == null ? registry.open() : registry.acquire(baton);
  const unlock = await stream.lock();
  try {
    // The baton goes out first, as in sqld: the client sends nothing on the stream until it has read the cursor.
    await output.begin({ baton: registry.release(stream), base_url: null });
    await runBatchSteps(stream, steps, (stmt, index) => runStep(stream, stmt, index, output));
  } catch (error) {
    if (error instanceof CursorStopped) return;
    if (error instanceof ProtocolError) registry.close(stream); // as in a pipeline, breaking the protocol ends the stream
    await output.entry({ type: "error", error: hranaError(error) }).catch(ignoreStopped);
  } finally {
    unlock();
  }
}

/**
 * @param {Stream} stream
 * @param {unknown} stmt
 * @param {number} index
 * @param {CursorOutput} output
 * @returns {Promise<"ok" | "error">}
 */
async function runStep(stream, stmt, index, output) {
  try {
    const counts = await streamStatement(stream, bindStmt(stream, stmt), {
      onColumns: (cols) => output.entry({ type: "step_begin", step: index, cols }),
      onRow: (row) => output.entry({ type: "row", row }),
    });
    await output.entry({ type: "step_end", ...counts });
    return "ok";
  } catch (error) {
    if (error instanceof ProtocolError || error instanceof CursorStopped) throw error;
    await output.entry({ type: "step_error", step: index, error: hranaError(error) });
    return "error";
  }
}

/** @param {unknown} error */
function ignoreStopped(error) {
  if (!(error instanceof CursorStopped)) throw error;
}
