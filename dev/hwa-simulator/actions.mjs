// What an operator can do to jobs and job streams, with HWA's semantics: hold keeps a job from starting,
// release lets it go, kill ends a running job in ABEND, cancel ends a job that has not started, confirm
// overrides an outcome, rerun starts a new run in the job's rerun chain. A request that makes no sense in the
// job's state is refused (400) with the engine's message; the plan is unchanged then.
import { actionNotAllowed, invalidParameter } from "./errors.mjs";
import { lastRun, launchWorkstationId } from "./plan.mjs";
import { uuidFor } from "./random.mjs";
import { jobStreamStatus } from "./status.mjs";

/** @typedef {import("./plan.mjs").Plan} Plan @typedef {import("./plan.mjs").Job} Job @typedef {import("./plan.mjs").Run} Run */

export const jobActions = /** @type {const} */ ([
  "hold",
  "release",
  "cancel",
  "kill",
  "confirm-succ",
  "confirm-abend",
  "release-all-dependencies",
]);
export const jobStreamActions = /** @type {const} */ (["hold", "release", "cancel"]);
export const workstationActions = /** @type {const} */ (["link", "unlink"]);

/** @param {Job} job @param {string} what */
function refuse(job, what) {
  return actionNotAllowed(`The job "${job.name}" cannot be ${what}: its status is ${lastRun(job).status}.`);
}

/**
 * Applies one job action; throws an EngineError (400) when the job's state does not allow it.
 * @param {Plan} plan @param {Job} job @param {string} action
 * @returns {string} what happened, in the engine's words
 */
export function applyJobAction(plan, job, action) {
  const run = lastRun(job);
  switch (action) {
    case "hold":
      if (run.status !== "HOLD" && run.status !== "READY") throw refuse(job, "held");
      job.heldByUser = true;
      job.priority = 0;
      if (run.status === "READY") {
        run.status = "HOLD";
        delete run.readyAt;
      }
      return "The job has been held.";
    case "release":
      if (run.status !== "HOLD" && run.status !== "READY") throw refuse(job, "released");
      job.heldByUser = false;
      job.priority = job.origPriority;
      return "The job has been released.";
    case "cancel":
      if (run.status === "EXEC")
        throw actionNotAllowed(`The job "${job.name}" is running and cannot be cancelled: kill it first.`);
      if (run.status === "SUCC" || run.status === "CANCL") throw refuse(job, "cancelled");
      job.canceled = true;
      run.status = "CANCL";
      return "The job has been cancelled.";
    case "kill":
      if (run.status !== "EXEC") throw refuse(job, "killed");
      run.status = "ABEND";
      run.killed = true;
      run.endedAt = plan.now;
      run.endAt = plan.now;
      // No exit code comes back from a killed process.
      run.returnCode = -1;
      return "The job has been killed.";
    case "confirm-succ":
      if (run.status !== "ABEND") throw refuse(job, "confirmed SUCC");
      run.status = "SUCC";
      run.confirmed = true;
      return "The job has been confirmed SUCC.";
    case "confirm-abend":
      if (run.status !== "SUCC") throw refuse(job, "confirmed ABEND");
      run.status = "ABEND";
      run.confirmed = true;
      return "The job has been confirmed ABEND.";
    case "release-all-dependencies":
      if (run.status !== "HOLD" || job.canceled) throw refuse(job, "released from its dependencies");
      for (const dependency of job.dependencies) dependency.released = true;
      return `${job.dependencies.length} dependencies have been released.`;
  }
  throw invalidParameter(`The action "${action}" is not supported for jobs.`);
}

/**
 * Reruns a job from one of its runs: a new run, READY now (or HOLD until `startTime`), ignoring the job's
 * predecessors as HWA does; the previous run is no longer the last in the rerun chain.
 * @param {Plan} plan @param {Job} job @param {Run} run
 * @param {{ priority?: number, startTime?: number }} [details]
 * @returns {Run} the new run
 */
export function rerunJob(plan, job, run, details = {}) {
  if (run !== lastRun(job)) {
    throw actionNotAllowed(
      `The run ${run.number} of the job "${job.name}" is not the last in its rerun chain: rerun run ${lastRun(job).number}.`,
    );
  }
  if (job.canceled || (run.status !== "SUCC" && run.status !== "ABEND")) throw refuse(job, "rerun");
  const number = run.number + 1;
  const waits = details.startTime !== undefined && details.startTime > plan.now;
  /** @type {Run} */
  const next = {
    id: uuidFor(plan.seed, "run", job.id, number),
    number,
    status: waits ? "HOLD" : "READY",
    rerunType: "RERUN",
    confirmed: false,
    killed: false,
    ...(waits ? { notBefore: details.startTime } : { readyAt: plan.now }),
  };
  job.runs.push(next);
  if (details.priority !== undefined) job.priority = details.priority;
  return next;
}

/**
 * @param {Plan} plan @param {import("./plan.mjs").JobStream} jobStream @param {string} action
 * @returns {string}
 */
export function applyJobStreamAction(plan, jobStream, action) {
  const status = jobStreamStatus(plan, jobStream);
  const refuseStream = (/** @type {string} */ what) =>
    actionNotAllowed(`The job stream "${jobStream.name}" cannot be ${what}: its status is ${status}.`);
  switch (action) {
    case "hold":
      if (status === "SUCC" || status === "CANCL" || status === "ABEND") throw refuseStream("held");
      jobStream.heldByUser = true;
      return "The job stream has been held.";
    case "release":
      if (status === "SUCC" || status === "CANCL" || status === "ABEND") throw refuseStream("released");
      jobStream.heldByUser = false;
      return "The job stream has been released.";
    case "cancel":
      if (status === "SUCC" || status === "CANCL") throw refuseStream("cancelled");
      jobStream.canceled = true;
      for (const id of jobStream.jobIds) {
        const job = plan.jobs.get(id);
        const run = job && lastRun(job);
        if (job && run && (run.status === "HOLD" || run.status === "READY")) {
          job.canceled = true;
          run.status = "CANCL";
        }
      }
      return "The job stream has been cancelled.";
  }
  throw invalidParameter(`The action "${action}" is not supported for job streams.`);
}

/**
 * Puts a job's last run in a status, for tests that need one deterministically (a control endpoint). A run forced
 * into EXEC ends after its estimate, or after `runSeconds` (a run that hangs far past its estimate).
 * @param {Plan} plan @param {Job} job @param {string} status @param {number} [returnCode] @param {number} [runSeconds]
 */
export function forceJobStatus(plan, job, status, returnCode, runSeconds) {
  const run = lastRun(job);
  const now = plan.now;
  job.canceled = status === "CANCL";
  for (const key of /** @type {const} */ (["readyAt", "startedAt", "endAt", "endedAt", "returnCode", "outcome"]))
    delete run[key];
  switch (status) {
    case "HOLD":
      break;
    case "READY":
      run.readyAt = now;
      break;
    case "EXEC":
      run.startedAt = now;
      run.endAt = now + (runSeconds ?? job.estimatedSeconds) * 1000;
      run.outcome = "SUCC";
      run.actualWorkstationId = launchWorkstationId(plan, job, run);
      break;
    case "SUCC":
    case "ABEND":
      run.startedAt = now;
      run.endAt = now;
      run.endedAt = now;
      run.outcome = status;
      run.returnCode = returnCode ?? (status === "SUCC" ? 0 : 8);
      run.actualWorkstationId = launchWorkstationId(plan, job, run);
      break;
    case "CANCL":
      break;
    default:
      throw invalidParameter(`The status "${status}" cannot be forced: use HOLD, READY, EXEC, SUCC, ABEND or CANCL.`);
  }
  run.status = /** @type {Run["status"]} */ (status);
}

/**
 * Links or unlinks a workstation, as `conman link`/`unlink` do: an unlinked agent takes no new jobs (they wait in
 * READY) and shows no LINKED state.
 * @param {import("./plan.mjs").Workstation} workstation @param {string} action
 * @returns {string}
 */
export function applyWorkstationAction(workstation, action) {
  if (action !== "link" && action !== "unlink")
    throw invalidParameter(`The action "${action}" is not supported for workstations.`);
  workstation.linked = action === "link";
  const others = workstation.activeStates.filter((state) => state !== "LINKED");
  workstation.activeStates = workstation.linked ? ["LINKED", ...others] : others;
  return `The workstation has been ${action}ed.`;
}
