// A local libSQL server speaking Hrana over HTTP (v2 in JSON; v3 in JSON and Protobuf, with cursors)
// on the real libSQL engine, so that the Worker reaches it with `@libsql/client/web` exactly as it
// reaches sqld or Turso in production.
import { mkdirSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, resolve } from "node:path";
import { prepareDatabaseFile } from "./connection.mjs";
import { bearerTokenCheck, sendJson } from "./http-io.mjs";
import { route } from "./routes.mjs";
import { StreamRegistry } from "./streams.mjs";

const maxBodyBytes = 10 * 1024 * 1024;

/**
 * @typedef {import("./routes.mjs").HranaVersion} HranaVersion
 * @typedef {{
 *   file: string,
 *   host?: string,
 *   port?: number,
 *   authToken?: string | undefined,
 *   streamIdleMs?: number,
 *   busyTimeoutMs?: number,
 *   maxStreams?: number,
 *   hranaVersions?: readonly HranaVersion[],
 *   maxCursorBytes?: number,
 * }} LibsqlServerOptions
 *   file: the database file (created with its directory when missing; ":memory:" is refused because
 *     every stream would get a database of its own).
 *   port: 0 picks a free port. authToken: when set, every pipeline and cursor request needs
 *     `Authorization: Bearer <token>` (version checks such as GET /v3-protobuf do not, as in sqld).
 *   streamIdleMs: an idle stream is rolled back and closed after this long (default 10 s, as sqld).
 *   busyTimeoutMs: how long a statement waits for another connection's lock (default 5 s).
 *   maxStreams: open streams at once (default 1000).
 *   hranaVersions: the Hrana versions served (default [2, 3]); without 3, /v3 and /v3-protobuf are 404
 *     and clients fall back to v2.
 *   maxCursorBytes: the most one cursor response may carry (default 10 MiB, sqld's response limit); a
 *     cursor past it ends with a RESPONSE_TOO_LARGE error entry.
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
  hranaVersions = [2, 3],
  maxCursorBytes = 10 * 1024 * 1024,
}) {
  if (!file || file === ":memory:" || file.startsWith("file::memory:")) {
    throw new Error("startLibsqlServer needs a database file: in memory, every stream would see its own database");
  }
  if (hranaVersions.length === 0 || hranaVersions.some((version) => version !== 2 && version !== 3)) {
    throw new Error(`hranaVersions must list 2, 3 or both, got ${JSON.stringify(hranaVersions)}`);
  }
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  prepareDatabaseFile(path);

  const registry = new StreamRegistry({ file: path, idleMs: streamIdleMs, busyTimeoutMs, maxStreams });
  const service = {
    registry,
    isAuthorized: authToken ? bearerTokenCheck(authToken) : () => true,
    versions: new Set(hranaVersions),
    maxBodyBytes,
    maxCursorBytes,
  };
  const server = createServer((request, response) => {
    route(request, response, service).catch((error) => {
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
