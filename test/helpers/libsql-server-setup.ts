// vitest globalSetup (runs in Node): local libSQL servers on fresh database files for the tests in workerd.
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startLibsqlServer, type LibsqlServer } from "../../dev/libsql-server/server.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** A server without authentication and with default limits. */
    libsqlServerUrl: string;
    /** A server that requires `Authorization: Bearer <libsqlServerToken>`. */
    libsqlTokenServerUrl: string;
    libsqlServerToken: string;
    /** A server with tight limits: idle streams expire after `libsqlLimitedIdleMs`, lock waits give up
     * after `libsqlLimitedBusyMs`, at most `libsqlLimitedMaxStreams` streams are open at once, and a
     * cursor's response carries at most `libsqlLimitedMaxCursorBytes`. */
    libsqlLimitedServerUrl: string;
    libsqlLimitedIdleMs: number;
    libsqlLimitedBusyMs: number;
    libsqlLimitedMaxStreams: number;
    libsqlLimitedMaxCursorBytes: number;
    /** A server with Hrana 3 switched off (`hranaVersions: [2]`), as `LIBSQL_HRANA_VERSIONS=2` does. */
    libsqlV2OnlyServerUrl: string;
  }
}

const testDataDirectory = ".data/test";
const limits = { streamIdleMs: 1_500, busyTimeoutMs: 500, maxStreams: 6, maxCursorBytes: 64 * 1024 };

export default async function (project: TestProject) {
  const run = `libsql-${process.pid}-${randomUUID().slice(0, 8)}`;
  const files: string[] = [];
  const servers: LibsqlServer[] = [];
  const start = async (name: string, options: Omit<Parameters<typeof startLibsqlServer>[0], "file">) => {
    const file = join(testDataDirectory, `${run}-${name}.db`);
    files.push(file);
    const server = await startLibsqlServer({ file, port: 0, ...options });
    servers.push(server);
    return server;
  };
  const teardown = async () => {
    await Promise.all(servers.map((server) => server.close()));
    for (const file of files) {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    }
  };

  try {
    const token = randomUUID();
    const plain = await start("plain", {});
    const withToken = await start("token", { authToken: token });
    const limited = await start("limited", limits);
    const v2Only = await start("v2-only", { hranaVersions: [2] });

    project.provide("libsqlServerUrl", plain.url);
    project.provide("libsqlTokenServerUrl", withToken.url);
    project.provide("libsqlServerToken", token);
    project.provide("libsqlLimitedServerUrl", limited.url);
    project.provide("libsqlLimitedIdleMs", limits.streamIdleMs);
    project.provide("libsqlLimitedBusyMs", limits.busyTimeoutMs);
    project.provide("libsqlLimitedMaxStreams", limits.maxStreams);
    project.provide("libsqlLimitedMaxCursorBytes", limits.maxCursorBytes);
    project.provide("libsqlV2OnlyServerUrl", v2Only.url);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
