// Reading requests and writing answers over node:http: bounded bodies, JSON answers, Hrana errors.
import { createHash, timingSafeEqual } from "node:crypto";
import { ProtocolError } from "./errors.mjs";

/**
 * @typedef {import("node:http").IncomingMessage} IncomingMessage
 * @typedef {import("node:http").ServerResponse} ServerResponse
 */

// An oversized body is read to its end and dropped, so that the client is still there to get the 413.
/** @param {IncomingMessage} request @param {number} maxBytes @returns {Promise<Buffer>} */
export async function readBody(request, maxBytes) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  }
  if (size > maxBytes) {
    throw new ProtocolError(`The request body exceeds ${maxBytes} bytes`, "REQUEST_TOO_LARGE", 413);
  }
  return Buffer.concat(chunks);
}

/** @param {ServerResponse} response @param {number} status @param {unknown} value */
export function sendJson(response, status, value) {
  const body = JSON.stringify(value);
  // Exactly "application/json": @libsql/client reads error bodies only with this content type.
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  response.end(body);
}

/**
 * A request that broke the protocol, answered with Hrana's `Error` shape in JSON whatever the
 * encoding: `message` and `code` make @libsql/client raise a LibsqlError with this code.
 * @param {ServerResponse} response
 * @param {ProtocolError} error
 */
export function sendProtocolError(response, error) {
  sendJson(response, error.status, { error: error.message, message: error.message, code: error.code });
}

/** @param {ServerResponse} response @param {number} status @param {string} text */
export function sendText(response, status, text) {
  response.writeHead(status, { "content-type": "text/plain" });
  response.end(text);
}

/** Resolves once the response can take more data, or is gone. @param {ServerResponse} response */
export function drained(response) {
  return new Promise((resolve) => {
    const done = () => {
      response.off("drain", done);
      response.off("close", done);
      resolve(undefined);
    };
    response.on("drain", done);
    response.on("close", done);
  });
}

// Comparing fixed-length digests keeps the comparison constant-time whatever the header's length.
/** @param {string} token @returns {(authorization: string | undefined) => boolean} */
export function bearerTokenCheck(token) {
  const digest = (/** @type {string} */ text) => createHash("sha256").update(text).digest();
  const expected = digest(token);
  return (authorization) => {
    const presented = /^Bearer\s+(.+)$/i.exec(authorization ?? "")?.[1] ?? "";
    return timingSafeEqual(digest(presented), expected);
  };
}
