// What a handler returns, and how it is written: JSON bodies, text/plain job logs, and the engine's error body.
import { EngineError, invalidParameter, unsupportedMediaType } from "./errors.mjs";

const maxBodyBytes = 1024 * 1024;

/**
 * @typedef {{ status: number, json?: unknown, text?: string, headers?: Record<string, string> }} SimulatorResponse
 */

/** @param {number} status @param {unknown} body @param {Record<string, string>} [headers] @returns {SimulatorResponse} */
export function json(status, body, headers) {
  return { status, json: body, ...(headers ? { headers } : {}) };
}

/** @param {string} body @returns {SimulatorResponse} */
export function plainText(body) {
  return { status: 200, text: body };
}

/** @param {EngineError} error @param {Record<string, string>} [headers] @returns {SimulatorResponse} */
export function engineError(error, headers) {
  return json(error.status, error.body, headers);
}

/**
 * The content type a response goes out with (the contract check compares it with the document's).
 * @param {SimulatorResponse} response
 */
export function contentTypeOf(response) {
  if (response.text !== undefined) return "text/plain; charset=utf-8";
  if (response.json !== undefined) return "application/json";
  return undefined;
}

/**
 * @param {import("node:http").ServerResponse} response
 * @param {SimulatorResponse} result
 */
export function writeResponse(response, result) {
  const contentType = contentTypeOf(result);
  const body = result.text ?? (result.json === undefined ? "" : JSON.stringify(result.json));
  response.writeHead(result.status, {
    ...(contentType ? { "content-type": contentType } : {}),
    "content-length": Buffer.byteLength(body),
    ...result.headers,
  });
  response.end(body);
}

/**
 * Reads a request body as JSON. PUT and POST must say `Content-Type: application/json` (415 otherwise, as some
 * engines answer); an empty body is `{}`.
 * @param {import("node:http").IncomingMessage} request
 * @returns {Promise<Record<string, unknown>>}
 */
export async function readJsonBody(request) {
  const contentType = request.headers["content-type"];
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > maxBodyBytes) throw invalidParameter(`The request body is larger than ${maxBodyBytes} bytes.`);
    chunks.push(chunk);
  }
  if (!/^application\/json\s*(;|$)/i.test(contentType ?? "")) throw unsupportedMediaType(contentType);
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (text === "") return {};
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalidParameter("The request body is not valid JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw invalidParameter("The request body must be a JSON object.");
  return body;
}

/**
 * A non-negative integer query parameter, or the fallback when absent; 400 otherwise.
 * @param {URLSearchParams} query @param {string} name @param {number | undefined} fallback
 */
export function integerParameter(query, name, fallback) {
  const raw = query.get(name);
  if (raw === null || raw === "") return fallback;
  if (!/^\d{1,9}$/.test(raw))
    throw invalidParameter(`The parameter "${name}" must be a non-negative integer, got "${raw}".`);
  return Number(raw);
}

export { EngineError };
