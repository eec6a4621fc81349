import { database } from "../platform/db/client";
import { Problem } from "../platform/http/problem";
import type { Scope } from "../platform/scope/scope";
import { isFinal, recordOfRow, type RunRecord } from "./run-record";
import { findRun } from "./run-store";
import { runObject } from "./run-object";

export function runNotFound(runId: string): Problem {
  return new Problem({ status: 404, kind: "run-not-found", detail: `No run ${runId}` });
}

/** A run as it stands: libSQL's copy once it has ended, else its object's live record (libSQL lags a step). */
export async function readRun(scope: Scope, runId: string): Promise<RunRecord> {
  const row = await findRun(await database(scope.config), runId);
  if (!row) throw runNotFound(runId);
  if (isFinal(row.status)) return recordOfRow(row);
  return (await runObject(scope.env, runId).record()) ?? recordOfRow(row);
}
