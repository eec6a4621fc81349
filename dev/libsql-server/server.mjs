// A local libSQL server speaking Hrana over HTTP (v2, JSON) on the real libSQL engine, so that the
// Worker reaches it with `@libsql/client/web` exactly as it reaches sqld or Turso in production.
import { createHash, timingSafeEqual } from "node:crypto";
import { mkdirSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, resolve } from "node:path";
import { prepareDatabaseFile } from "./connection.mjs";
import { ProtocolError } from "./errors.mjs";
import { runPipeline } from "./pipeline.mjs";
import { StreamRegistry } from "./streams.mjs";

const maxBodyBytes = 10 * 1024 * 1024;

/**
 * @typedef {{
 *   file: string,
 *   host?: string,
 *   port?: number,
 *   authToken?: string,
 *   streamIdleMs?: number,
 *   busyTimeoutMs?: number,
 *   maxStreams?: number,
 * }} LibsqlServerOptions
 *   file: the database file (created with its directory when missing; ":memory:" is refused because
 *     every stream would get a database of its own).
 *   port: 0 picks a free port. authToken: when set, every /v2 request needs `Authorization: Bearer <token>`.
 *   streamIdleMs: an idle stream is rolled back and closed after this long (default 10 s, as sqld).
 *   busyTimeoutMs: how long a statement waits for another connection's lock (default 5 s).
 *   maxStreams: open streams at once (default 1000).
 * @typedef {{ url: string, port: number, close(): Promise<void> }} LibsqlServer
 */

/**
 * @param {LibsqlServerOptions} options
 * @returns {Promise<LibsqlServer>}
 */
export async function startLibsqlServer({
  file,
  host = "127.0.0.1",
  port = 8080,
  authToken,
  streamIdleMs = 10_000,
  busyTimeoutMs = 5_000,
  maxStreams = 1_000,
}) {
  if (!file || file === ":memory:" || file.startsWith("file::memory:")) {
    throw new Error("startLibsqlServer needs a database file: in memory, every stream would see its own database");
  }
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  prepareDatabaseFile(path);

  const registry = new StreamRegistry({ file: path, idleMs: streamIdleMs, busyTimeoutMs, maxStreams });
  const isAuthorized = authToken ? bearerTokenCheck(authToken) : () => true;
  const server = createServer((request, response) => {
    route(request, response, registry, isAuthorized).catch((error) => {
      console.error("libsql-server: request failed", error);
      if (!response.headersSent) sendJson(response, 500, { error: "Internal server error" });
      else response.destroy();
    });
  });

  try {
    await listen(server, host, port);
  } catch (error) {
    registry.closeAll();
    throw error;
  }
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise((resolveClose, rejectClose) => {
        registry.closeAll();
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}

/**
 * @param {import("node:http").Server} server
 * @param {string} host
 * @param {number} port
 * @returns {Promise<void>}
 */
function listen(server, host, port) {
  return new Promise((resolveListen, rejectListen) => {
    /** @param {NodeJS.ErrnoException} error */
    const onError = (error) => {
      rejectListen(error.code === "EADDRINUSE" ? new Error(`port ${port} is already in use (set LIBSQL_PORT)`) : error);
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolveListen();
    });
  });
}

/**
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @param {StreamRegistry} registry
 * @param {(authorization: string | undefined) => boolean} isAuthorized
 */
async function route(request, response, registry, isAuthorized) {
  const { pathname } = new URL(request.url ?? "/", "http://localhost");
  if (pathname === "/health" && request.method === "GET") {
    return sendJson(response, 200, { status: "ok", openStreams: registry.openCount });
  }
  // Anything else, /v3 and /v3-protobuf included, is 404 so that clients fall back to v2.
  if (pathname !== "/v2" && pathname !== "/v2/pipeline") return sendJson(response, 404, { error: "Not found" });
  if (!isAuthorized(request.headers.authorization)) {
    // The same body sqld sends: @libsql/client reports it as SERVER_ERROR with HTTP status 401.
    response.setHeader("www-authenticate", "Bearer");
    return sendJson(response, 401, { error: "Unauthorized: a valid `Authorization: Bearer <token>` is required" });
  }
  if (pathname === "/v2") {
    if (request.method !== "GET") return sendJson(response, 405, { error: "Use GET" });
    response.writeHead(200, { "content-type": "text/plain" });
    return response.end("This is a local libSQL server speaking Hrana over HTTP, version 2");
  }
  if (request.method !== "POST") return sendJson(response, 405, { error: "Use POST" });
  try {
    const body = await readJsonBody(request);
    sendJson(response, 200, await runPipeline(registry, body));
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    // `message` and `code` make @libsql/client raise a LibsqlError with this code (e.g. STREAM_EXPIRED).
    sendJson(response, error.status, { error: error.message, message: error.message, code: error.code });
  }
}

// An oversized body is read to its end and dropped, so that the client is still there to get the 413.
/** @param {import("node:http").IncomingMessage} request @returns {Promise<unknown>} */
async function readJsonBody(request) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size <= maxBodyBytes) chunks.push(chunk);
  }
  if (size > maxBodyBytes) {
    throw new ProtocolError(`The request body exceeds ${maxBodyBytes} bytes`, "REQUEST_TOO_LARGE", 413);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch (error) {
    throw new ProtocolError(`The request body is not valid JSON: ${/** @type {Error} */ (error).message}`);
  }
}

/**
 * @param {import("node:http").ServerResponse} response
 * @param {number} status
 * @param {unknown} value
 */
function sendJson(response, status, value) {
  const body = JSON.stringify(value);
  // Exactly "application/json": @libsql/client reads error bodies only with this content type.
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  response.end(body);
}

// Comparing fixed-length digests keeps the comparison constant-time whatever the header's length.
/** @param {string} token */
function bearerTokenCheck(token) {
  const digest = (/** @type {string} */ text) => createHash("sha256").update(text).digest();
  const expected = digest(token);
  return (/** @type {string | undefined} */ authorization) => {
    const presented = /^Bearer\s+(.+)$/i.exec(authorization ?? "")?.[1] ?? "";
    return timingSafeEqual(digest(presented), expected);
  };
}
