// vitest globalSetup (runs in Node) of the "audit-outage" project: a stack of its own — a libSQL server the test can
// stop and start again (same port, same file) through a small control server, and an HWA simulator — so that no
// other test file sees the outage.
import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startHwaSimulator } from "../../dev/hwa-simulator/server.mjs";
import { clockStartOnOneDay } from "../../dev/hwa-simulator/simulation.mjs";
import { startLibsqlServer, type LibsqlServer } from "../../dev/libsql-server/server.mjs";
import { applyMigrations } from "../../dev/migrate.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** `POST <url>/stop` stops the project's libSQL server, `POST <url>/start` starts it again on its port and file. */
    libsqlControlUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const folder = join(process.cwd(), ".data", "test", `outage-${process.pid}-${Date.now()}`);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, "resync.db");
  let libsql: LibsqlServer | undefined = await startLibsqlServer({ file, port: 0 });
  const { port, url } = libsql;
  await applyMigrations({ url });

  const control = createServer((request, response) => {
    const action = `${request.method} ${request.url}`;
    const act = async () => {
      if (action === "POST /stop") {
        await libsql?.close();
        libsql = undefined;
      } else if (action === "POST /start") {
        libsql ??= await startLibsqlServer({ file, port });
      } else {
        return 404;
      }
      return 204;
    };
    act().then(
      (status) => response.writeHead(status).end(),
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => control.listen(0, "127.0.0.1", resolve));

  const hwaCredentials = { username: "resync-outage", password: crypto.randomUUID() };
  const simulator = await startHwaSimulator({
    port: 0,
    seed: 7,
    timeScale: 0,
    clockStart: clockStartOnOneDay(),
    ...hwaCredentials,
  });

  project.provide("libsqlUrl", url);
  project.provide("libsqlControlUrl", `http://127.0.0.1:${(control.address() as AddressInfo).port}`);
  project.provide("hwaUrl", simulator.url);
  project.provide("hwaUsername", hwaCredentials.username);
  project.provide("hwaPassword", hwaCredentials.password);

  return async () => {
    await new Promise((resolve) => control.close(resolve));
    await Promise.all([libsql?.close(), simulator.close()]);
    rmSync(folder, { recursive: true, force: true });
  };
}
