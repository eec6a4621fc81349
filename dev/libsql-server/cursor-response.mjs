// The HTTP side of a cursor: its items framed in the request's encoding, written as they come with
// the client's pace (backpressure), up to a size limit, and abandoned when the client goes away.
import { CursorStopped } from "./cursor.mjs";
import { drained } from "./http-io.mjs";

/**
 * The status and headers go out with the first item, so that errors before it can still be HTTP errors.
 * @param {import("node:http").ServerResponse} response
 * @param {import("./encodings.mjs").Encoding} encoding
 * @param {number} maxBytes the most a cursor's body may hold; past it, it ends with RESPONSE_TOO_LARGE
 * @returns {import("./cursor.mjs").CursorOutput}
 */
export function cursorResponse(response, encoding, maxBytes) {
  let sentBytes = 0;
  /** @param {Buffer} chunk */
  const write = async (chunk) => {
    if (response.destroyed || response.writableEnded) throw new CursorStopped("The client went away");
    if (!response.headersSent) response.writeHead(200, { "content-type": encoding.cursorContentType });
    if (sentBytes + chunk.length > maxBytes) {
      const error = { message: `The cursor's response exceeds ${maxBytes} bytes`, code: "RESPONSE_TOO_LARGE" };
      response.end(encoding.encodeCursorEntry({ type: "error", error }));
      throw new CursorStopped(error.message);
    }
    sentBytes += chunk.length;
    if (!response.write(chunk)) await drained(response);
  };
  return {
    begin: (body) => write(encoding.encodeCursorBegin(body)),
    entry: (entry) => write(encoding.encodeCursorEntry(entry)),
  };
}
