// Starts the local stack the Worker's tests run against: a real libSQL server with migrations applied.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startLibsqlServer } from "../../dev/libsql-server/server.mjs";
import { applyMigrations } from "../../dev/migrate.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    libsqlUrl: string;
    libsqlTokenUrl: string;
    libsqlToken: string;
  }
}

export default async function setup(project: TestProject) {
  const folder = join(process.cwd(), ".data", "test", `stack-${process.pid}-${Date.now()}`);
  mkdirSync(folder, { recursive: true });
  const token = crypto.randomUUID();
  const database = await startLibsqlServer({ file: join(folder, "resync.db"), port: 0 });
  const guarded = await startLibsqlServer({ file: join(folder, "guarded.db"), port: 0, authToken: token });
  await applyMigrations({ url: database.url });
  await applyMigrations({ url: guarded.url, authToken: token });

  project.provide("libsqlUrl", database.url);
  project.provide("libsqlTokenUrl", guarded.url);
  project.provide("libsqlToken", token);

  return async () => {
    await Promise.all([database.close(), guarded.close()]);
    rmSync(folder, { recursive: true, force: true });
  };
}
