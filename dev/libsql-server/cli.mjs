// `node dev/libsql-server/cli.mjs`: the local libSQL server, configured by environment variables.
//   LIBSQL_PORT (8080), LIBSQL_HOST (127.0.0.1), LIBSQL_FILE (.data/resync.db), LIBSQL_AUTH_TOKEN (none)
import { startLibsqlServer } from "./server.mjs";

const port = Number(process.env.LIBSQL_PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`LIBSQL_PORT must be a port number, got ${JSON.stringify(process.env.LIBSQL_PORT)}`);
  process.exit(1);
}

try {
  const server = await startLibsqlServer({
    file: process.env.LIBSQL_FILE || ".data/resync.db",
    host: process.env.LIBSQL_HOST || "127.0.0.1",
    port,
    authToken: process.env.LIBSQL_AUTH_TOKEN || undefined,
  });
  console.log(`libSQL server (Hrana over HTTP) listening on ${server.url}`);

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
