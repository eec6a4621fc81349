import type { Cancellation, RunStart } from "../../durable-objects/workflow-run";
import type { Bindings } from "../platform/env/bindings";
import type { RunRecord } from "./run-record";

/** The WorkflowRun object's methods as plain data (RPC's types make `unknown` fields unusable). */
export interface RunObject {
  start(start: RunStart): Promise<RunRecord>;
  record(): Promise<RunRecord | undefined>;
  cancel(by: string): Promise<Cancellation | undefined>;
}

/** The WorkflowRun object of one run (named by the run's id). */
export function runObject(env: Bindings, runId: string): RunObject {
  return env.WORKFLOW_RUN.get(env.WORKFLOW_RUN.idFromName(runId)) as unknown as RunObject;
}
