// How the plan moves as its clock advances: HOLD → READY when the time has come and the predecessors are
// satisfied, READY → EXEC once the agent picks the job up, EXEC → SUCC or ABEND after the run's duration.
// Advancing is event by event, so the plan reached at a time is the same however the clock got there.
import { applyJobAction, rerunJob } from "./actions.mjs";
import { addProductionDay, lastRun, launchWorkstationId } from "./plan.mjs";
import { pick, randomFor } from "./random.mjs";
import { canLaunchOn, earliestStart, isHeld, jobStreamStatus, unsatisfiedDependencies } from "./status.mjs";

/** @typedef {import("./plan.mjs").Plan} Plan @typedef {import("./plan.mjs").Job} Job @typedef {import("./plan.mjs").Run} Run */

/** How long an agent takes to pick up a READY job. */
export const dispatchDelayMs = 10_000;
/** How long the simulated operator waits before rerunning a job whose story has more runs. */
const operatorReactionMs = 10 * 60_000;
const dayMs = 24 * 60 * 60_000;
const abendReturnCodes = [1, 2, 4, 8, 8, 12, 16, 127];

/**
 * Moves the plan to time `to` (epoch ms), applying every transition due on the way, in time order.
 * @param {Plan} plan @param {number} to
 */
export function advancePlan(plan, to) {
  let time = plan.now;
  settle(plan, time);
  for (;;) {
    const next = nextEventTime(plan, time);
    if (next === undefined || next > to) break;
    time = next;
    plan.now = time;
    settle(plan, time);
  }
  plan.now = Math.max(plan.now, to);
}

/**
 * Applies every transition due at `time` until nothing changes (an ending job may release its successors).
 * @param {Plan} plan @param {number} time
 */
export function settle(plan, time) {
  plan.now = time;
  for (let changed = true; changed; ) {
    changed = false;
    if (time >= nextDayStart(plan)) {
      startNextProductionDay(plan);
      changed = true;
    }
    const due = plan.operatorActions.filter((action) => action.at <= time);
    plan.operatorActions = plan.operatorActions.filter((action) => action.at > time);
    for (const action of due) changed = applyOperatorAction(plan, action) || changed;
    for (const job of plan.jobs.values()) changed = step(plan, job, time) || changed;
  }
}

/** @param {Plan} plan @param {Job} job @param {number} time @returns {boolean} whether the job changed */
function step(plan, job, time) {
  const run = lastRun(job);
  if (job.canceled) return false;
  if (run.status === "HOLD") {
    if (isHeld(plan, job) || time < earliestStart(plan, job)) return false;
    // A rerun does not wait for predecessors again.
    if (run.rerunType === "REGULAR" && unsatisfiedDependencies(plan, job).length > 0) return false;
    run.status = "READY";
    run.readyAt = time;
    return true;
  }
  if (run.status === "READY") {
    if (isHeld(plan, job) || !canLaunchOn(plan, job.workstationId)) return false;
    if (time < (run.readyAt ?? time) + dispatchDelayMs) return false;
    start(plan, job, run, time);
    return true;
  }
  if (run.status === "EXEC" && run.endAt !== undefined && time >= run.endAt) {
    finish(plan, job, run);
    return true;
  }
  return false;
}

/** @param {Plan} plan @param {Job} job @param {Run} run @param {number} time */
function start(plan, job, run, time) {
  const random = randomFor(plan.seed, "run", run.id);
  const scripted = job.scriptedOutcomes[run.number - 1];
  const fails = random() < plan.failureRate;
  run.outcome = scripted === "SUCC" || scripted === "ABEND" ? scripted : fails ? "ABEND" : "SUCC";
  // Real runs take 80% to 125% of the estimate; never less than a second.
  const seconds = Math.max(1, Math.round(job.estimatedSeconds * (0.8 + 0.45 * random())));
  run.status = "EXEC";
  run.startedAt = time;
  run.endAt = time + seconds * 1000;
  run.actualWorkstationId = launchWorkstationId(plan, job, run);
}

/** @param {Plan} plan @param {Job} job @param {Run} run */
function finish(plan, job, run) {
  const outcome = run.outcome ?? "SUCC";
  run.status = outcome;
  run.endedAt = run.endAt;
  run.returnCode = outcome === "SUCC" ? 0 : pick(randomFor(plan.seed, "rc", run.id), abendReturnCodes);
  if (outcome !== "ABEND") return;
  const scripted = job.scriptedOutcomes.length > 0;
  if (!scripted && plan.nightShift) job.scriptedOutcomes = [...job.runs.map(() => "ABEND"), "SUCC"];
  if (job.scriptedOutcomes.length > run.number) {
    plan.operatorActions.push({ at: (run.endedAt ?? plan.now) + operatorReactionMs, action: "rerun", jobId: job.id });
  }
}

/** @param {Plan} plan @param {import("./plan.mjs").OperatorAction} action */
function applyOperatorAction(plan, action) {
  const job = plan.jobs.get(action.jobId);
  if (!job) return false;
  try {
    if (action.action === "rerun") rerunJob(plan, job, lastRun(job));
    else applyJobAction(plan, job, action.action);
    return true;
  } catch {
    // The story's operator only acts when the action makes sense at that moment, like a real one.
    return false;
  }
}

/**
 * The first time after `time` at which something is due: a stream's start, an agent picking a job up, a job
 * ending, an operator's action, the next production day.
 * @param {Plan} plan @param {number} time
 */
function nextEventTime(plan, time) {
  let next = nextDayStart(plan);
  const consider = (/** @type {number | undefined} */ candidate) => {
    if (candidate !== undefined && candidate > time && candidate < next) next = candidate;
  };
  for (const action of plan.operatorActions) consider(action.at);
  for (const job of plan.jobs.values()) {
    if (job.canceled) continue;
    const run = lastRun(job);
    if (run.status === "HOLD" && !isHeld(plan, job)) consider(earliestStart(plan, job));
    else if (run.status === "READY" && !isHeld(plan, job) && canLaunchOn(plan, job.workstationId)) {
      consider((run.readyAt ?? time) + dispatchDelayMs);
    } else if (run.status === "EXEC") consider(run.endAt);
  }
  return next;
}

/** @param {Plan} plan */
function nextDayStart(plan) {
  return plan.dayStart + (plan.dayIndex + 1) * dayMs;
}

/**
 * JnextPlan: the next day's job streams join the plan; yesterday's completed streams leave it, the others
 * are carried forward.
 * @param {Plan} plan
 */
function startNextProductionDay(plan) {
  plan.dayIndex += 1;
  for (const jobStream of [...plan.jobStreams.values()]) {
    const status = jobStreamStatus(plan, jobStream);
    if (status === "SUCC" || status === "CANCL") {
      for (const id of jobStream.jobIds) plan.jobs.delete(id);
      plan.jobStreams.delete(jobStream.id);
    } else {
      jobStream.carriedForward = true;
    }
  }
  addProductionDay(plan, plan.dayIndex, plan.dayStart + plan.dayIndex * dayMs);
}
