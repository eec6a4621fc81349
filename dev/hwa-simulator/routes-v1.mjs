// The V1 ("classic") paths that old scripts still call on 10.x: a job query, a job's log and a rerun.
// Not in the V2 document, so not contract-checked; shapes follow HWA.md.
import { rerunJob } from "./actions.mjs";
import { invalidParameter, notFound } from "./errors.mjs";
import { json } from "./http.mjs";
import { jobLogLines } from "./joblog.mjs";
import { jobStreamOf, lastRun, workstationOf } from "./plan.mjs";
import { settle } from "./progress.mjs";
import { commonStatus } from "./status.mjs";
import { isoTime } from "./views.mjs";

/** @typedef {import("./router.mjs").Route} Route @typedef {import("./plan.mjs").Plan} Plan @typedef {import("./plan.mjs").Job} Job */

const v1 = "/twsd/plan/current/job";
const defaultHowMany = 500;
const maxHowMany = 10_000;

/** @param {Plan} plan @param {Job} job */
function jobInPlanV1(plan, job) {
  const run = lastRun(job);
  const jobStream = jobStreamOf(plan, job.jobStreamId);
  return {
    id: job.id,
    name: job.name,
    jobStreamName: jobStream.name,
    jobStreamId: jobStream.id,
    workstationName: workstationOf(plan, job.workstationId).name,
    jobStreamWorkstationName: workstationOf(plan, jobStream.workstationId).name,
    priority: job.priority,
    status: { commonStatus: commonStatus(plan, job), internalStatus: run.status },
    returnCode: run.returnCode ?? null,
    scheduledTime: isoTime(jobStream.schedTime),
    startTime: run.startedAt === undefined ? null : isoTime(run.startedAt),
    endTime: run.endedAt === undefined ? null : isoTime(run.endedAt),
    jobNumber: run.number,
  };
}

/** V1 filters take `@` as a wildcard, whatever the case. @param {unknown} value @param {string} name */
function wildcardTest(value, name) {
  if (value === undefined || value === null || value === "") return () => true;
  if (typeof value !== "string") throw invalidParameter(`"${name}" must be a string.`);
  const source = [...value].map((char) => (char === "@" ? ".*" : char.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&"))).join("");
  const pattern = new RegExp(`^${source}$`, "i");
  return (/** @type {string} */ actual) => pattern.test(actual);
}

/** @param {Plan} plan @param {string} id */
function jobOf(plan, id) {
  const job = plan.jobs.get(id);
  if (!job) throw notFound("job", id);
  return job;
}

/** @type {Route[]} */
export const v1Routes = [
  {
    method: "POST",
    pattern: `${v1}/query`,
    json: true,
    handle({ simulation, body, headers }) {
      const plan = simulation.plan;
      const filters = /** @type {{ jobInPlanFilter?: Record<string, unknown> } | undefined} */ (body.filters);
      const filter = filters?.jobInPlanFilter ?? {};
      const howManyHeader = headers["how-many"];
      const howMany = howManyHeader === undefined ? defaultHowMany : Number(howManyHeader);
      if (!Number.isInteger(howMany) || howMany < 1) throw invalidParameter('"How-Many" must be a positive integer.');
      const byStream = wildcardTest(filter.jobStreamName, "jobStreamName");
      const byJob = wildcardTest(filter.jobName, "jobName");
      const byWorkstation = wildcardTest(filter.workstationName, "workstationName");
      const jobs = [...plan.jobs.values()].filter(
        (job) =>
          byStream(jobStreamOf(plan, job.jobStreamId).name) &&
          byJob(job.name) &&
          byWorkstation(workstationOf(plan, job.workstationId).name),
      );
      return json(
        200,
        jobs.slice(0, Math.min(howMany, maxHowMany)).map((job) => jobInPlanV1(plan, job)),
      );
    },
  },
  {
    method: "GET",
    pattern: `${v1}/{job_id}/joblog`,
    handle({ simulation, params }) {
      const plan = simulation.plan;
      const job = jobOf(plan, params.job_id ?? "");
      const lines = jobLogLines(plan, job, lastRun(job));
      if (!lines) throw notFound("job log for the job (it has not started)", job.id);
      return json(200, { log: lines.join("\n") });
    },
  },
  {
    method: "PUT",
    pattern: `${v1}/{job_id}/action/rerun`,
    json: true,
    handle({ simulation, params }) {
      const plan = simulation.plan;
      const job = jobOf(plan, params.job_id ?? "");
      rerunJob(plan, job, lastRun(job));
      settle(plan, plan.now);
      return { status: 202 };
    },
  },
];
