import { createClient, LibsqlError, type Client } from "@libsql/client/web";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import { drizzle } from "drizzle-orm/libsql/web";
import type { Config } from "../env/config";
import { metrics } from "../observability/metrics";
import { Problem } from "../http/problem";
import { InitialisationBackoff, lazy, type Lazy } from "../services/lazy";
import * as schema from "./schema";

export type Database = LibSQLDatabase<typeof schema> & { $client: Client };

const initialisations = metrics.counter(
  "resync_service_initialisations_total",
  "Per-isolate service initialisations started, by service and outcome.",
);

/** libSQL answered 401/403: the token is wrong, and retrying will not fix it. */
export function isAuthenticationFailure(error: unknown): boolean {
  if (!(error instanceof LibsqlError)) return false;
  const status = (error.cause as { status?: unknown } | undefined)?.status;
  return status === 401 || status === 403;
}

/** Connects and proves the connection with one round trip, so a bad URL or token surfaces here. */
async function connect(config: Config): Promise<Database> {
  // The client's own queue (default 20) would start one request's query from another request's
  // continuation, which Workers forbid; the runtime bounds each request's connections instead.
  const client = createClient({
    url: config.LIBSQL_URL,
    authToken: config.LIBSQL_AUTH_TOKEN,
    concurrency: Number.MAX_SAFE_INTEGER,
  });
  try {
    await client.execute("SELECT 1");
  } catch (error) {
    client.close();
    throw error;
  }
  return drizzle(client, { schema });
}

// One connection per database target per isolate; production has exactly one target.
const databases = new Map<string, Lazy<Database>>();
const MAX_TARGETS = 8;

function holderFor(config: Config): Lazy<Database> {
  const key = `${config.LIBSQL_URL}\u0000${config.LIBSQL_AUTH_TOKEN ?? ""}`;
  let holder = databases.get(key);
  if (!holder) {
    if (databases.size >= MAX_TARGETS) databases.delete(databases.keys().next().value!);
    holder = lazy(
      async () => {
        initialisations.inc({ service: "libsql", outcome: "started" });
        return connect(config);
      },
      { isPermanent: isAuthenticationFailure },
    );
    databases.set(key, holder);
  }
  return holder;
}

/** The isolate's database, created once; failures become a clear 503 (or 500 for rejected credentials). */
export async function database(config: Config): Promise<Database> {
  try {
    return await holderFor(config).get();
  } catch (error) {
    throw databaseProblem(error);
  }
}

export function databaseProblem(error: unknown): Problem {
  if (isAuthenticationFailure(error)) {
    return new Problem({
      status: 500,
      kind: "database-authentication-failed",
      detail: "The database rejected the service's credentials (check LIBSQL_AUTH_TOKEN)",
    });
  }
  const retryAfter =
    error instanceof InitialisationBackoff ? Math.max(1, Math.ceil((error.retryAt - Date.now()) / 1000)) : 1;
  return new Problem({
    status: 503,
    kind: "database-unavailable",
    detail: "The database is unavailable; try again shortly",
    headers: { "Retry-After": String(retryAfter) },
  });
}
