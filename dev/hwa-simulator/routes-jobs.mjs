// V2 jobs in plan: queries, one job, its predecessors and successors, job logs by run, and actions by job id,
// by run id (rerun) and by filter.
import { applyJobAction, jobActions, rerunJob } from "./actions.mjs";
import { EngineError, invalidParameter, notFound } from "./errors.mjs";
import { integerParameter, json, plainText } from "./http.mjs";
import { jobLogLines, linesInRange } from "./joblog.mjs";
import { findRun, lastRun, workstationOf } from "./plan.mjs";
import { settle } from "./progress.mjs";
import { groupingFilters, page, selectJobs } from "./queries.mjs";
import { jobInPlan } from "./views.mjs";

/** @typedef {import("./router.mjs").Route} Route @typedef {import("./router.mjs").RouteContext} RouteContext */
/** @typedef {import("./plan.mjs").Plan} Plan @typedef {import("./plan.mjs").Job} Job */

const v2 = "/twsd/api/v2";
const maxDepth = 10;

/** The plan a request asks for: `current` or its id. @param {RouteContext} context */
export function planOf({ simulation, query }) {
  const plan = simulation.plan;
  const planId = query.get("plan_id");
  if (planId && planId !== "current" && planId !== plan.id) throw notFound("plan", planId);
  return plan;
}

/** @param {Plan} plan @param {string} id */
function jobOf(plan, id) {
  const job = plan.jobs.get(id);
  if (!job) throw notFound("job", id);
  return job;
}

/** @param {RouteContext} context @param {string} id */
function jobUrl({ origin }, id) {
  return `${origin}${v2}/plan/job/${id}`;
}

/** ConditionsV2: `{ conditions?: string[] }`. @param {Record<string, unknown>} body */
function checkConditions(body) {
  const { conditions } = body;
  if (
    conditions !== undefined &&
    !(Array.isArray(conditions) && conditions.every((item) => typeof item === "string"))
  ) {
    throw invalidParameter('"conditions" must be a list of output condition names.');
  }
}

/** RerunDetailsV2 (every field optional); the simulator honours `priority`, `startTime` and `asap`. */
/** @param {Record<string, unknown>} body */
function rerunDetails(body) {
  /** @type {{ priority?: number, startTime?: number }} */
  const details = {};
  if (body.priority !== undefined) {
    if (!Number.isInteger(body.priority) || Number(body.priority) < 0 || Number(body.priority) > 101) {
      throw invalidParameter('"priority" must be an integer from 0 to 101.');
    }
    details.priority = Number(body.priority);
  }
  if (body.startTime !== undefined && body.asap !== true) {
    const time = typeof body.startTime === "string" ? Date.parse(body.startTime) : Number.NaN;
    if (Number.isNaN(time)) throw invalidParameter('"startTime" must be an ISO-8601 instant.');
    details.startTime = time;
  }
  return details;
}

/** Jobs reached from `job` through `next`, level by level, up to `depth` levels. */
/** @param {Plan} plan @param {Job} job @param {(job: Job) => string[]} next @param {number} depth */
function related(plan, job, next, depth) {
  const seen = new Set([job.id]);
  /** @type {Job[]} */
  const found = [];
  let level = [job];
  for (let i = 0; i < depth && level.length > 0; i++) {
    /** @type {Job[]} */
    const nextLevel = [];
    for (const current of level) {
      for (const id of next(current)) {
        const other = plan.jobs.get(id);
        if (!other || seen.has(id)) continue;
        seen.add(id);
        found.push(other);
        nextLevel.push(other);
      }
    }
    level = nextLevel;
  }
  return found;
}

/** @param {(job: Job) => string[]} next @returns {Route["handle"]} */
function relatedJobs(next) {
  return (context) => {
    const plan = planOf(context);
    const job = jobOf(plan, context.params.job_id ?? "");
    const depth = integerParameter(context.query, "depth", 1) ?? 1;
    if (depth < 1 || depth > maxDepth) throw invalidParameter(`"depth" must be from 1 to ${maxDepth}.`);
    const jobs = related(plan, job, next, depth);
    return json(200, { count: jobs.length, results: jobs.map((other) => jobInPlan(plan, other)) });
  };
}

/** @param {string} action @returns {Route} */
function actionById(action) {
  return {
    method: "PUT",
    pattern: `${v2}/plan/job/{job_id}/action/${action}`,
    json: true,
    handle(context) {
      const plan = planOf(context);
      const job = jobOf(plan, context.params.job_id ?? "");
      if (action.startsWith("confirm-")) checkConditions(context.body);
      const message = applyJobAction(plan, job, action);
      settle(plan, plan.now);
      const response = { id: job.id, url: jobUrl(context, job.id) };
      return json(
        200,
        action === "release-all-dependencies" ? { ...response, message, isError: false, error: false } : response,
      );
    },
  };
}

/** An action on every job a filter selects; each job that refuses it is a failed item in a 200. */
/** @param {string} action @returns {Route} */
function actionByFilter(action) {
  return {
    method: "PUT",
    pattern: `${v2}/plan/job/action/${action}`,
    json: true,
    handle(context) {
      const plan = planOf(context);
      if (!context.query.get("oql") && !context.query.get("plan_filter")) {
        throw invalidParameter("An action by filter needs an oql or a plan_filter parameter.");
      }
      if (action.startsWith("confirm-")) checkConditions(context.body);
      const details = action === "rerun" ? rerunDetails(context.body) : {};
      const jobs = selectJobs(plan, context.query);
      const max = integerParameter(context.query, "max_object_affected", undefined);
      if (max !== undefined && jobs.length > max) {
        throw invalidParameter(`The filter selects ${jobs.length} jobs, more than max_object_affected (${max}).`);
      }
      const successfulResourceResponses = [];
      const failedResourceResponses = [];
      for (const job of jobs) {
        const item = { id: job.id, url: jobUrl(context, job.id) };
        try {
          let message;
          if (action === "rerun") {
            rerunJob(plan, job, lastRun(job), details);
            message = "The job has been rerun.";
          } else {
            message = applyJobAction(plan, job, action);
          }
          successfulResourceResponses.push({ ...item, message, isError: false, error: false });
        } catch (error) {
          if (!(error instanceof EngineError)) throw error;
          failedResourceResponses.push({ ...item, message: error.message, isError: true, error: true });
        }
      }
      settle(plan, plan.now);
      return json(200, { successfulResourceResponses, failedResourceResponses });
    },
  };
}

/** @type {Route[]} */
export const jobRoutes = [
  {
    method: "GET",
    pattern: `${v2}/plan/job`,
    handle(context) {
      const plan = planOf(context);
      return json(
        200,
        page(selectJobs(plan, context.query), (job) => jobInPlan(plan, job), context),
      );
    },
  },
  {
    method: "GET",
    pattern: `${v2}/plan/job/count`,
    handle(context) {
      const plan = planOf(context);
      const query = new URLSearchParams(context.query);
      if (!query.get("plan_filter")) query.set("plan_filter", "/@/@#/@/@.@");
      const grouping = groupingFilters(context.query.get("grouping_filters"));
      const jobs = selectJobs(plan, query);
      /** @type {Record<string, number>} */
      const groupedCount = {};
      if (grouping.length > 0) {
        for (const job of jobs) {
          const values = {
            workstation: workstationOf(plan, job.workstationId).name,
            status: lastRun(job).status,
            folder: job.folder,
          };
          const key = grouping.map((field) => values[/** @type {keyof typeof values} */ (field)]).join(",");
          groupedCount[key] = (groupedCount[key] ?? 0) + 1;
        }
      }
      return json(200, { count: jobs.length, ...(grouping.length > 0 ? { groupedCount } : {}) });
    },
  },
  {
    method: "GET",
    pattern: `${v2}/plan/job/{job_id}`,
    handle(context) {
      const plan = planOf(context);
      return json(200, jobInPlan(plan, jobOf(plan, context.params.job_id ?? ""), { dependencies: true }));
    },
  },
  {
    method: "GET",
    pattern: `${v2}/plan/job/{job_id}/predecessors`,
    handle: relatedJobs((job) => job.dependencies.map((dependency) => dependency.jobId)),
  },
  { method: "GET", pattern: `${v2}/plan/job/{job_id}/successors`, handle: relatedJobs((job) => job.successorIds) },
  {
    method: "GET",
    pattern: `${v2}/plan/job/run/{run_id}/joblog`,
    handle(context) {
      const plan = planOf(context);
      const runId = context.params.run_id ?? "";
      const found = findRun(plan, runId);
      if (!found) throw notFound("job run", runId);
      const lines = jobLogLines(plan, found.job, found.run);
      if (!lines) throw notFound("job log for the run (the job has not started)", runId);
      const from = integerParameter(context.query, "from_line", 1) ?? 1;
      const to = integerParameter(context.query, "to_line", Math.max(from, lines.length)) ?? lines.length;
      if (from < 1 || to < from)
        throw invalidParameter(`The line range ${from}-${to} is not valid: from_line >= 1 and to_line >= from_line.`);
      return plainText(linesInRange(lines, from, to));
    },
  },
  {
    method: "PUT",
    pattern: `${v2}/plan/job/run/{run_id}/action/rerun`,
    json: true,
    handle(context) {
      const plan = planOf(context);
      const runId = context.params.run_id ?? "";
      const found = findRun(plan, runId);
      if (!found) throw notFound("job run", runId);
      const next = rerunJob(plan, found.job, found.run, rerunDetails(context.body));
      settle(plan, plan.now);
      return json(200, { id: next.id, url: jobUrl(context, found.job.id) });
    },
  },
  ...jobActions.map(actionById),
  ...[...jobActions, "rerun"].map(actionByFilter),
];
