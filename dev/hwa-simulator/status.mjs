// Status as HWA reports it: the internal status of a run with its substatus, the common status derived from
// it (DWC user's guide, "Internal → common status"), and the status of a job stream derived from its jobs.
import { jobStreamOf, lastRun, workstationOf } from "./plan.mjs";

/** @typedef {import("./plan.mjs").Plan} Plan @typedef {import("./plan.mjs").Job} Job @typedef {import("./plan.mjs").Run} Run */

const finished = new Set(["SUCC", "ABEND", "CANCL"]);

/** @param {Run} run */
export function isFinished(run) {
  return finished.has(run.status);
}

/**
 * HWA's "deadline has passed": the job has a deadline, the plan's clock is past it, and the job had not ended by then
 * (not started, or still running, when the deadline came). @param {Plan} plan @param {Job} job
 */
export function deadlineHasPassed(plan, job) {
  if (job.deadline === undefined || plan.now <= job.deadline) return false;
  const run = lastRun(job);
  return !(isFinished(run) && run.endedAt !== undefined && run.endedAt <= job.deadline);
}

/** A predecessor stops holding its successors when it ends well, is cancelled, or an operator released it. */
/** @param {Plan} plan @param {import("./plan.mjs").Dependency} dependency */
export function isDependencySatisfied(plan, dependency) {
  if (dependency.released) return true;
  const predecessor = plan.jobs.get(dependency.jobId);
  // A predecessor that left the plan (its completed stream was not carried forward) had ended.
  if (!predecessor) return true;
  const status = lastRun(predecessor).status;
  return status === "SUCC" || status === "CANCL";
}

/** @param {Plan} plan @param {Job} job */
export function unsatisfiedDependencies(plan, job) {
  return job.dependencies.filter((dependency) => !isDependencySatisfied(plan, dependency));
}

/** When a job may start at the earliest: its stream's time, or the start time asked for its rerun. */
/** @param {Plan} plan @param {Job} job */
export function earliestStart(plan, job) {
  const run = lastRun(job);
  if (run.rerunType === "RERUN") return run.notBefore ?? 0;
  return jobStreamOf(plan, job.jobStreamId).schedTime;
}

/** Whether a job is kept from starting by a hold: its own, its stream's, or a priority of 0. */
/** @param {Plan} plan @param {Job} job */
export function isHeld(plan, job) {
  return job.heldByUser || job.priority === 0 || jobStreamOf(plan, job.jobStreamId).heldByUser;
}

/** @param {Plan} plan @param {string} workstationId */
export function canLaunchOn(plan, workstationId) {
  return workstationOf(plan, workstationId).linked;
}

/**
 * The JobInPlanCompositeStatusV2 of a run (the job's last run unless another is given).
 * @param {Plan} plan @param {Job} job @param {Run} [run]
 */
export function compositeStatus(plan, job, run = lastRun(job)) {
  const isLast = run === lastRun(job);
  const status = run.status;
  /** @type {string | undefined} */
  let substatus;
  if (isLast && status === "HOLD") {
    if (isHeld(plan, job)) substatus = "HOLD_PRIORITY_ZERO";
    else if (plan.now < earliestStart(plan, job)) substatus = "HOLD_WAITING_FOR_TIME";
    else if (unsatisfiedDependencies(plan, job).length > 0) substatus = "HOLD_WAITING_FOR_PREDECESSOR";
  } else if (isLast && status === "READY") {
    if (!canLaunchOn(plan, job.workstationId)) substatus = "READY_WAITING_FOR_AGENT";
    else if (isHeld(plan, job)) substatus = "READY_WAITING_FOR_USER_INTERVENTION";
  } else if (status === "SUCC") {
    substatus = "SUCC_COMPLETED";
  }
  return {
    status,
    ...(substatus ? { substatus } : {}),
    canceled: status === "CANCL",
    error: status === "ABEND",
    started: run.startedAt !== undefined,
    cancelPending: false,
    dontRun: false,
  };
}

/**
 * The common status an operator reads: Waiting, Ready, Running, Successful, Error, Canceled, Held.
 * @param {Plan} plan @param {Job} job @param {Run} [run]
 */
export function commonStatus(plan, job, run = lastRun(job)) {
  switch (run.status) {
    case "CANCL":
      return "CANCELED";
    case "HOLD":
      return run === lastRun(job) && isHeld(plan, job) ? "HELD" : "WAITING";
    case "READY":
      return "READY";
    case "EXEC":
      return "RUNNING";
    case "SUCC":
      return "SUCCESSFUL";
    case "ABEND":
      return "ERROR";
  }
  return "UNDECIDED";
}

/**
 * A job stream's internal status, derived from its own state and its jobs' last runs.
 * @param {Plan} plan @param {import("./plan.mjs").JobStream} jobStream
 */
export function jobStreamStatus(plan, jobStream) {
  const runs = jobStream.jobIds.flatMap((id) => {
    const job = plan.jobs.get(id);
    return job ? [lastRun(job)] : [];
  });
  const all = (/** @type {(run: Run) => boolean} */ test) => runs.every(test);
  const any = (/** @type {(run: Run) => boolean} */ test) => runs.some(test);
  if (jobStream.canceled) return "CANCL";
  if (jobStream.heldByUser && !any((run) => run.status === "EXEC")) return "HOLD";
  if (all(isFinished)) return any((run) => run.status === "ABEND") ? "ABEND" : "SUCC";
  if (any((run) => run.status === "EXEC")) return "EXEC";
  // An ABEND with nothing else running: the stream cannot go on without an operator.
  if (any((run) => run.status === "ABEND")) return "STUCK";
  if (any((run) => run.startedAt !== undefined || run.status === "CANCL")) return "EXEC";
  if (plan.now >= jobStream.schedTime) return "READY";
  return "HOLD";
}

/** @param {Plan} plan @param {import("./plan.mjs").JobStream} jobStream */
export function jobStreamCommonStatus(plan, jobStream) {
  const status = jobStreamStatus(plan, jobStream);
  const common = /** @type {Record<string, string>} */ ({
    CANCL: "CANCELED",
    SUCC: "SUCCESSFUL",
    ABEND: "ERROR",
    EXEC: "RUNNING",
    STUCK: "BLOCKED",
    READY: "READY",
  })[status];
  if (common) return common;
  return jobStream.heldByUser ? "HELD" : "WAITING";
}
