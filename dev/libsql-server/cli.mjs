// `node dev/libsql-server/cli.mjs`: the local libSQL server, configured by environment variables.
//   LIBSQL_PORT (8080), LIBSQL_HOST (127.0.0.1), LIBSQL_FILE (.data/resync.db), LIBSQL_AUTH_TOKEN (none),
//   LIBSQL_HRANA_VERSIONS (2,3; "2" switches Hrana 3 off, so clients speak Hrana 2)
import { startLibsqlServer } from "./server.mjs";

const port = Number(process.env.LIBSQL_PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`LIBSQL_PORT must be a port number, got ${JSON.stringify(process.env.LIBSQL_PORT)}`);
  process.exit(1);
}
const versions = (process.env.LIBSQL_HRANA_VERSIONS || "2,3").split(",").map((version) => version.trim());
if (!versions.every((version) => version === "2" || version === "3")) {
  console.error(
    `LIBSQL_HRANA_VERSIONS must list 2, 3 or both, got ${JSON.stringify(process.env.LIBSQL_HRANA_VERSIONS)}`,
  );
  process.exit(1);
}
const hranaVersions = versions.map((version) => (version === "2" ? 2 : 3));

try {
  const server = await startLibsqlServer({
    file: process.env.LIBSQL_FILE || ".data/resync.db",
    host: process.env.LIBSQL_HOST || "127.0.0.1",
    port,
    authToken: process.env.LIBSQL_AUTH_TOKEN || undefined,
    hranaVersions,
  });
  console.log(`libSQL server (Hrana ${hranaVersions.join(" and ")} over HTTP) listening on ${server.url}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  console.error(`libSQL server could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
