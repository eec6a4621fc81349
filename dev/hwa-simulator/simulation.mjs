// One simulated engine: the plan of the day as it stood at the clock's start (built by replaying the morning
// from the start of the day, with its story), and the clock that moves it on.
import { PlanClock } from "./clock.mjs";
import { addProductionDay, createPlan, jobNamed } from "./plan.mjs";
import { advancePlan } from "./progress.mjs";
import { historyFailureRate, startHour, story } from "./seed-data.mjs";

const hourMs = 60 * 60_000;
const dayMs = 24 * hourMs;

/**
 * A clock start whose production day begins at a UTC midnight: the latest at or before `now`. The day's story then
 * falls on one calendar day whatever the hour (tests' "today" holds the whole morning), at most a day behind `now`.
 * @param {number} [now]
 */
export function clockStartOnOneDay(now = Date.now()) {
  return Math.floor((now - startHour * hourMs) / dayMs) * dayMs + startHour * hourMs;
}

/**
 * @param {{ seed: number, timeScale: number, failureRate: number, planCopies?: number, clockStart?: number,
 *   realNow?: () => number }} options
 *   planCopies: each job stream of the day this many times (see `addProductionDay`).
 *   clockStart: the plan time (epoch ms) the clock shows first; by default the half hour at most an hour before the
 *   real time. The production day starts `startHour` hours before it.
 */
export function createSimulation({ seed, timeScale, failureRate, planCopies = 1, clockStart, realNow = Date.now }) {
  if (!Number.isFinite(failureRate) || failureRate < 0 || failureRate > 1) {
    throw new Error(`failureRate must be between 0 and 1, got ${failureRate}`);
  }
  if (clockStart !== undefined && !Number.isFinite(clockStart))
    throw new Error(`clockStart must be epoch ms, got ${clockStart}`);
  // By default the production day started so that the clock starts at most an hour before the real time.
  const start = clockStart ?? Math.floor((realNow() - startHour * hourMs) / hourMs) * hourMs + startHour * hourMs;
  const dayStart = start - startHour * hourMs;

  const simulation = {
    seed,
    plan: morningPlan(seed, dayStart, start, failureRate, planCopies),
    clock: new PlanClock({ start, timeScale, realNow }),
    /** Brings the plan to the clock's time. */
    sync() {
      advancePlan(simulation.plan, simulation.clock.now());
    },
    /** @param {number} seconds */
    step(seconds) {
      simulation.clock.step(seconds);
      simulation.sync();
    },
    /** Back to the plan as it stood at the start, the clock too. */
    reset() {
      simulation.plan = morningPlan(seed, dayStart, start, failureRate, planCopies);
      simulation.clock = new PlanClock({ start, timeScale, realNow });
    },
  };
  return simulation;
}

/**
 * The plan at `start`: every job of the day from `dayStart` on, played forward with the story's outcomes and
 * operator actions, so that times, return codes and dependencies agree with each other.
 * @param {number} seed @param {number} dayStart @param {number} start @param {number} failureRate
 * @param {number} copies
 */
function morningPlan(seed, dayStart, start, failureRate, copies) {
  const plan = createPlan({ seed, dayStart, failureRate: historyFailureRate, copies });
  addProductionDay(plan, 0, dayStart);
  for (const { jobStream, job, runs } of story.outcomes) jobNamed(plan, jobStream, job).scriptedOutcomes = runs;
  for (const { at, action, jobStream, job } of story.operatorActions) {
    const [hours, minutes] = at.split(":").map(Number);
    plan.operatorActions.push({
      at: dayStart + ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000,
      action,
      jobId: jobNamed(plan, jobStream, job).id,
    });
  }
  plan.nightShift = true;
  advancePlan(plan, start);
  plan.nightShift = false;
  plan.failureRate = failureRate;
  return plan;
}
