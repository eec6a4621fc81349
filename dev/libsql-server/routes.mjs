// What the server answers, by path: its health, Hrana version checks, pipelines and cursors.
import { runCursor } from "./cursor.mjs";
import { cursorResponse } from "./cursor-response.mjs";
import { json, protobuf } from "./encodings.mjs";
import { ProtocolError } from "./errors.mjs";
import { readBody, sendJson, sendProtocolError, sendText } from "./http-io.mjs";
import { runPipeline } from "./pipeline.mjs";

/**
 * @typedef {2 | 3} HranaVersion
 * @typedef {{ version: HranaVersion, kind: "pipeline" | "cursor", encoding: import("./encodings.mjs").Encoding }} Endpoint
 * @typedef {{
 *   registry: import("./streams.mjs").StreamRegistry,
 *   isAuthorized(authorization: string | undefined): boolean,
 *   versions: ReadonlySet<HranaVersion>,
 *   maxBodyBytes: number,
 *   maxCursorBytes: number,
 * }} Service
 */

/** @type {Map<string, Endpoint>} */
const endpoints = new Map([
  ["/v2/pipeline", { version: 2, kind: "pipeline", encoding: json }],
  ["/v3/pipeline", { version: 3, kind: "pipeline", encoding: json }],
  ["/v3/cursor", { version: 3, kind: "cursor", encoding: json }],
  ["/v3-protobuf/pipeline", { version: 3, kind: "pipeline", encoding: protobuf }],
  ["/v3-protobuf/cursor", { version: 3, kind: "cursor", encoding: protobuf }],
]);

// Clients check for a version (GET /v3-protobuf) without credentials before they pick one; sqld answers them.
/** @type {Map<string, HranaVersion>} */
const versionChecks = new Map([
  ["/v2", 2],
  ["/v3", 3],
  ["/v3-protobuf", 3],
]);

/**
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @param {Service} service
 */
export async function route(request, response, service) {
  const { pathname } = new URL(request.url ?? "/", "http://localhost");
  if (pathname === "/health" && request.method === "GET") {
    return sendJson(response, 200, { status: "ok", openStreams: service.registry.openCount });
  }
  // A path of a version switched off is 404 like any other, so that clients fall back to an older version.
  const checkedVersion = versionChecks.get(pathname);
  if (checkedVersion !== undefined && service.versions.has(checkedVersion)) {
    if (request.method !== "GET") return sendJson(response, 405, { error: "Use GET" });
    return sendText(response, 200, `This is a local libSQL server speaking Hrana over HTTP, version ${checkedVersion}`);
  }
  const endpoint = endpoints.get(pathname);
  if (!endpoint || !service.versions.has(endpoint.version)) return sendJson(response, 404, { error: "Not found" });
  if (!service.isAuthorized(request.headers.authorization)) {
    // The same body sqld sends: @libsql/client reports it as SERVER_ERROR with HTTP status 401.
    response.setHeader("www-authenticate", "Bearer");
    return sendJson(response, 401, { error: "Unauthorized: a valid `Authorization: Bearer <token>` is required" });
  }
  if (request.method !== "POST") return sendJson(response, 405, { error: "Use POST" });
  try {
    const body = await readBody(request, service.maxBodyBytes);
    if (endpoint.kind === "pipeline") {
      const answer = endpoint.encoding.encodePipeline(
        await runPipeline(service.registry, endpoint.encoding.decodePipeline(body)),
      );
      response.writeHead(200, { "content-type": endpoint.encoding.contentType, "content-length": answer.length });
      response.end(answer);
    } else {
      const output = cursorResponse(response, endpoint.encoding, service.maxCursorBytes);
      await runCursor(service.registry, endpoint.encoding.decodeCursor(body), output);
      if (!response.writableEnded) response.end();
    }
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    sendProtocolError(response, error);
  }
}
