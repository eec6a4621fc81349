// V2 engine info, job streams in plan (queries, one stream, actions) and workstations in plan (link, unlink).
import { applyJobStreamAction, applyWorkstationAction, jobStreamActions, workstationActions } from "./actions.mjs";
import { EngineError, invalidParameter, notFound } from "./errors.mjs";
import { integerParameter, json } from "./http.mjs";
import { compileOql } from "./oql.mjs";
import { settle } from "./progress.mjs";
import { page, selectJobStreams, workstationFields } from "./queries.mjs";
import { planOf } from "./routes-jobs.mjs";
import { jobStreamInPlan, workstationInPlan } from "./views.mjs";

/** @typedef {import("./router.mjs").Route} Route @typedef {import("./router.mjs").RouteContext} RouteContext */

const v2 = "/twsd/api/v2";

/** @param {RouteContext} context */
function jobStreamOf(context) {
  const plan = planOf(context);
  const id = context.params.jobstream_id ?? "";
  const jobStream = plan.jobStreams.get(id);
  if (!jobStream) throw notFound("job stream", id);
  return { plan, jobStream };
}

/** @param {RouteContext} context @param {string} id */
function jobStreamUrl({ origin }, id) {
  return `${origin}${v2}/plan/jobstream/${id}`;
}

/** @param {string} action @returns {Route} */
function actionById(action) {
  return {
    method: "PUT",
    pattern: `${v2}/plan/jobstream/{jobstream_id}/action/${action}`,
    json: true,
    handle(context) {
      const { plan, jobStream } = jobStreamOf(context);
      applyJobStreamAction(plan, jobStream, action);
      settle(plan, plan.now);
      return json(200, { id: jobStream.id, url: jobStreamUrl(context, jobStream.id) });
    },
  };
}

/** @param {string} action @returns {Route} */
function actionByFilter(action) {
  return {
    method: "PUT",
    pattern: `${v2}/plan/jobstream/action/${action}`,
    json: true,
    handle(context) {
      const plan = planOf(context);
      if (!context.query.get("oql") && !context.query.get("plan_filter")) {
        throw invalidParameter("An action by filter needs an oql or a plan_filter parameter.");
      }
      const jobStreams = selectJobStreams(plan, context.query);
      const max = integerParameter(context.query, "max_object_affected", undefined);
      if (max !== undefined && jobStreams.length > max) {
        throw invalidParameter(
          `The filter selects ${jobStreams.length} job streams, more than max_object_affected (${max}).`,
        );
      }
      const successfulResourceResponses = [];
      const failedResourceResponses = [];
      for (const jobStream of jobStreams) {
        const item = { id: jobStream.id, url: jobStreamUrl(context, jobStream.id) };
        try {
          successfulResourceResponses.push({
            ...item,
            message: applyJobStreamAction(plan, jobStream, action),
            isError: false,
            error: false,
          });
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
export const planRoutes = [
  {
    method: "GET",
    pattern: `${v2}/engine/info`,
    handle(context) {
      return json(200, {
        displayVersion: "10.1.0.1",
        fullVersion: "10.1.0.01.20230310",
        licenseType: "PERJOB",
        locale: "en_US",
        timezone: "UTC",
        referenceId: context.simulation.plan.engineId,
        capabilities: {},
      });
    },
  },
  {
    method: "GET",
    pattern: `${v2}/plan/jobstream`,
    handle(context) {
      const plan = planOf(context);
      return json(
        200,
        page(selectJobStreams(plan, context.query), (jobStream) => jobStreamInPlan(plan, jobStream), context),
      );
    },
  },
  {
    method: "GET",
    pattern: `${v2}/plan/jobstream/{jobstream_id}`,
    handle(context) {
      const { plan, jobStream } = jobStreamOf(context);
      return json(200, jobStreamInPlan(plan, jobStream, { jobs: true }));
    },
  },
  ...jobStreamActions.map(actionById),
  ...jobStreamActions.map(actionByFilter),
  {
    method: "GET",
    pattern: `${v2}/plan/workstation`,
    handle(context) {
      const plan = context.simulation.plan;
      const oql = compileOql(context.query.get("oql") ?? "", workstationFields);
      const workstations = oql.sort([...plan.workstations.values()].filter((workstation) => oql.matches(workstation)));
      return json(
        200,
        page(workstations, (workstation) => workstationInPlan(plan, workstation), context),
      );
    },
  },
  ...workstationActions.map(
    (action) =>
      /** @type {Route} */ ({
        method: "PUT",
        pattern: `${v2}/plan/workstation/{workstation_id}/action/${action}`,
        json: true,
        handle(context) {
          const plan = planOf(context);
          const id = context.params.workstation_id ?? "";
          const workstation = plan.workstations.get(id);
          if (!workstation) throw notFound("workstation", id);
          applyWorkstationAction(workstation, action);
          settle(plan, plan.now);
          return json(200, { id, url: `${context.origin}${v2}/plan/workstation/${id}` });
        },
      }),
  ),
  {
    method: "GET",
    pattern: `${v2}/plan/workstation/{workstation_id}`,
    handle(context) {
      const plan = context.simulation.plan;
      const id = context.params.workstation_id ?? "";
      const workstation = plan.workstations.get(id);
      if (!workstation) throw notFound("workstation", id);
      return json(200, workstationInPlan(plan, workstation));
    },
  },
];
