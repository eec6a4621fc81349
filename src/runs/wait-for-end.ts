import type { Scope } from "../platform/scope/scope";
import { isFinal, type RunRecord } from "./run-record";
import { runObject } from "./run-object";

/** The compat route's wait: 25 s, under the Workers limit for a request's duration and the client's patience. */
export const COMPAT_WAIT_MS = 25_000;

/** The run's final record once it has ended, polling its object; undefined when it is still going after `waitMs`. */
export async function waitForEnd(scope: Scope, runId: string, waitMs = COMPAT_WAIT_MS): Promise<RunRecord | undefined> {
  const object = runObject(scope.env, runId);
  const deadline = Date.now() + waitMs;
  for (let delay = 50; ; delay = Math.min(delay * 2, 1_000)) {
    const record = await object.record();
    if (record && isFinal(record.status)) return record;
    const left = deadline - Date.now();
    if (left <= 0) return undefined;
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay, left)));
  }
}
