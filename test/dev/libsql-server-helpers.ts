// Shared by the libSQL server tests (which run in workerd and reach the server over HTTP).
import { LibsqlError } from "@libsql/client/web";
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

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
