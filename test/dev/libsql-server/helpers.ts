// Shared by the libSQL server tests (which run in workerd and reach the server over HTTP).
import { LibsqlError } from "@libsql/client/web";
import { type HttpClient, openHttp } from "@libsql/hrana-client";
import { expect } from "vitest";

/** A table name no other test uses: the database is shared by every test of a server. */
export function uniqueTable(purpose: string): string {
  return `${purpose}_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
}

/** The LibsqlError a promise rejects with; fails the test when it resolves or rejects otherwise. */
export async function libsqlFailure(promise: Promise<unknown>): Promise<LibsqlError> {
  let outcome: unknown;
  try {
    outcome = await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(LibsqlError);
    return error as LibsqlError;
  }
  return expect.fail(`expected a LibsqlError, got a result: ${JSON.stringify(outcome)}`);
}

/**
 * A client of @libsql/hrana-client (the Hrana layer under @libsql/client) that asks for Hrana 3: it checks
 * GET /v3-protobuf and then speaks Protobuf, or falls back to v2. @libsql/client never asks: over HTTP
 * it always speaks v2.
 */
export async function protobufV3Client(url: string, token?: string): Promise<HttpClient> {
  const client = openHttp(url, token, undefined, undefined, 3);
  await client.getVersion(); // v3-only calls (getAutocommit) refuse to run before the version is known
  return client;
}

/**
 * A client on Hrana 3 in JSON (/v3/pipeline, /v3/cursor). @libsql/hrana-client has this endpoint but
 * ships it switched off, so it is set here once the client has settled on its default (v2).
 */
export async function jsonV3Client(url: string, token?: string): Promise<HttpClient> {
  const client = openHttp(url, token);
  await client.getVersion();
  const endpoint = {
    versionPath: "v3",
    pipelinePath: "v3/pipeline",
    cursorPath: "v3/cursor",
    version: 3,
    encoding: "json",
  } as const;
  client._endpoint = endpoint;
  client._endpointPromise = Promise.resolve(endpoint);
  return client;
}
