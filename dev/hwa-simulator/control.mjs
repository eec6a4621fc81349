// The control endpoints under /twsd/__control/ (no auth): faults, the plan clock, reset, request statistics,
// contract violations, and forcing a job's status. Tests and benchmarks drive the simulator through them.
import { forceJobStatus } from "./actions.mjs";
import { invalidParameter, notFound } from "./errors.mjs";
import { json } from "./http.mjs";
import { settle } from "./progress.mjs";
import { jobInPlan, isoTime } from "./views.mjs";

/**
 * @typedef {{ simulation: ReturnType<typeof import("./simulation.mjs").createSimulation>,
 *   faults: import("./faults.mjs").Faults, stats: { total: number, byRoute: Record<string, number> },
 *   contract: { checked: number, violations: { method: string, path: string, status: number, errors: string[] }[],
 *     repairs: string[], enabled: boolean, check?: import("./contract.mjs").Contract["check"] } }} SimulatorState
 * @typedef {{ method: string, pattern: string, json?: boolean,
 *   handle(state: SimulatorState, context: { params: Record<string, string>, body: Record<string, unknown> }): import("./http.mjs").SimulatorResponse }} ControlRoute
 */

const control = "/twsd/__control";

/** @param {SimulatorState} state */
function clock(state) {
  const { plan, clock: planClock } = state.simulation;
  return { now: isoTime(plan.now), dayStart: isoTime(plan.dayStart), timeScale: planClock.timeScale };
}

/** @type {ControlRoute[]} */
export const controlRoutes = [
  { method: "GET", pattern: `${control}/faults`, handle: (state) => json(200, state.faults.settings) },
  {
    method: "POST",
    pattern: `${control}/faults`,
    json: true,
    handle: (state, { body }) => json(200, state.faults.set(body)),
  },
  { method: "DELETE", pattern: `${control}/faults`, handle: (state) => json(200, state.faults.clear()) },
  { method: "GET", pattern: `${control}/clock`, handle: (state) => json(200, clock(state)) },
  {
    method: "POST",
    pattern: `${control}/clock/step`,
    json: true,
    handle(state, { body }) {
      const { seconds } = body;
      if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0 || seconds > 31 * 86_400) {
        throw invalidParameter('"seconds" must be a number from 0 to 2678400.');
      }
      state.simulation.step(seconds);
      return json(200, clock(state));
    },
  },
  {
    method: "POST",
    pattern: `${control}/reset`,
    handle(state) {
      state.simulation.reset();
      state.faults.clear();
      state.stats.total = 0;
      state.stats.byRoute = {};
      return json(200, clock(state));
    },
  },
  { method: "GET", pattern: `${control}/stats`, handle: (state) => json(200, state.stats) },
  {
    method: "GET",
    pattern: `${control}/violations`,
    handle: ({ contract }) =>
      json(200, {
        enabled: contract.enabled,
        checked: contract.checked,
        violations: contract.violations,
        documentRepairs: contract.repairs,
      }),
  },
  {
    // Runs the contract check on a body given, so that tests can see it reject what HWA's document rejects.
    method: "POST",
    pattern: `${control}/contract/check`,
    json: true,
    handle({ contract }, { body }) {
      if (!contract.check) throw invalidParameter("The contract check is off: start the simulator with contractCheck.");
      const { method, path, status, contentType = "application/json", body: checked } = body;
      if (
        typeof method !== "string" ||
        typeof path !== "string" ||
        typeof status !== "number" ||
        typeof contentType !== "string"
      ) {
        throw invalidParameter(
          '"method", "path" (a pattern of the document), "status" and the "body" to check are required.',
        );
      }
      return json(200, { errors: contract.check(method, path, status, contentType, checked) });
    },
  },
  {
    method: "POST",
    pattern: `${control}/jobs/{job_id}/status`,
    json: true,
    handle(state, { params, body }) {
      const { plan, job } = jobOf(state, params);
      const { status, returnCode, runSeconds } = body;
      if (typeof status !== "string")
        throw invalidParameter('"status" is required: HOLD, READY, EXEC, SUCC, ABEND or CANCL.');
      if (returnCode !== undefined && !Number.isInteger(returnCode))
        throw invalidParameter('"returnCode" must be an integer.');
      if (runSeconds !== undefined && !(Number.isInteger(runSeconds) && Number(runSeconds) > 0))
        throw invalidParameter('"runSeconds" must be a positive integer.');
      forceJobStatus(
        plan,
        job,
        status,
        /** @type {number | undefined} */ (returnCode),
        /** @type {number | undefined} */ (runSeconds),
      );
      settle(plan, plan.now);
      return json(200, jobInPlan(plan, job, { dependencies: true }));
    },
  },
  {
    // The job's deadline (plan time), as its definition would give it; `null` removes it.
    method: "POST",
    pattern: `${control}/jobs/{job_id}/deadline`,
    json: true,
    handle(state, { params, body }) {
      const { plan, job } = jobOf(state, params);
      const at = body.at === null ? undefined : Date.parse(String(body.at));
      if (at !== undefined && !Number.isFinite(at))
        throw invalidParameter('"at" is required: an ISO 8601 instant of the plan\'s clock, or null.');
      if (at === undefined) delete job.deadline;
      else job.deadline = at;
      return json(200, jobInPlan(plan, job, { dependencies: true }));
    },
  },
];

/**
 * The plan and the job a control path names; the engine's 404 when there is none.
 * @param {SimulatorState} state @param {Record<string, string | undefined>} params
 */
function jobOf(state, params) {
  const plan = state.simulation.plan;
  const job = plan.jobs.get(params.job_id ?? "");
  if (!job) throw notFound("job", params.job_id ?? "");
  return { plan, job };
}
