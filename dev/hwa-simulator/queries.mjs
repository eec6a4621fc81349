// Selecting plan objects the way the V2 queries do: an `oql` filter and/or a `plan_filter`, then `limit` and
// `offset` with `{count, results, next, previous}` (count unless `Include-Count: false`).
import { invalidParameter } from "./errors.mjs";
import { integerParameter } from "./http.mjs";
import { compileOql } from "./oql.mjs";
import { compilePlanFilter } from "./plan-filter.mjs";
import { jobStreamOf, lastRun, workstationOf } from "./plan.mjs";
import { commonStatus, jobStreamCommonStatus, jobStreamStatus } from "./status.mjs";
import { isoTime } from "./views.mjs";

/** @typedef {import("./plan.mjs").Plan} Plan @typedef {import("./plan.mjs").Job} Job */

const maxLimit = 10_000;

/** OQL fields of a job (lower case; the OQL field names are case-insensitive). @param {Plan} plan */
export function jobFields(plan) {
  const stream = (/** @type {Job} */ job) => jobStreamOf(plan, job.jobStreamId);
  const status = (/** @type {Job} */ job) => lastRun(job).status;
  const workstation = (/** @type {Job} */ job) => workstationOf(plan, job.workstationId).name;
  return {
    id: (/** @type {Job} */ job) => job.id,
    name: (/** @type {Job} */ job) => job.name,
    "key.name": (/** @type {Job} */ job) => job.name,
    jobstreamname: (/** @type {Job} */ job) => stream(job).name,
    jobstreamid: (/** @type {Job} */ job) => job.jobStreamId,
    workstation,
    workstationname: workstation,
    folder: (/** @type {Job} */ job) => job.folder,
    // Like the plan itself, a job's status is its last run's: a job that ended well on rerun is not ABEND.
    "jobruns.compositestatus.status": status,
    "lastruncompositestatus.status": status,
    lastruncommonstatus: (/** @type {Job} */ job) => commonStatus(plan, job),
    priority: (/** @type {Job} */ job) => job.priority,
    schedtime: (/** @type {Job} */ job) => isoTime(stream(job).schedTime),
  };
}

/** @param {Plan} plan */
export function jobStreamFields(plan) {
  /** @typedef {import("./plan.mjs").JobStream} JobStream */
  const workstation = (/** @type {JobStream} */ jobStream) => workstationOf(plan, jobStream.workstationId).name;
  return {
    id: (/** @type {JobStream} */ jobStream) => jobStream.id,
    name: (/** @type {JobStream} */ jobStream) => jobStream.name,
    "key.name": (/** @type {JobStream} */ jobStream) => jobStream.name,
    jobstreamname: (/** @type {JobStream} */ jobStream) => jobStream.name,
    workstation,
    workstationname: workstation,
    folder: (/** @type {JobStream} */ jobStream) => jobStream.folder,
    "compositestatus.status": (/** @type {JobStream} */ jobStream) => jobStreamStatus(plan, jobStream),
    commonstatus: (/** @type {JobStream} */ jobStream) => jobStreamCommonStatus(plan, jobStream),
    priority: (/** @type {JobStream} */ jobStream) => jobStream.priority,
    schedtime: (/** @type {JobStream} */ jobStream) => isoTime(jobStream.schedTime),
  };
}

export const workstationFields = {
  id: (/** @type {import("./plan.mjs").Workstation} */ workstation) => workstation.id,
  name: (/** @type {import("./plan.mjs").Workstation} */ workstation) => workstation.name,
  "key.name": (/** @type {import("./plan.mjs").Workstation} */ workstation) => workstation.name,
  type: (/** @type {import("./plan.mjs").Workstation} */ workstation) => workstation.type,
  folder: () => "/",
};

/**
 * The jobs an `oql` and/or `plan_filter` select, in the order ORDER BY asks (plan order otherwise).
 * @param {Plan} plan @param {URLSearchParams} query
 */
export function selectJobs(plan, query) {
  const jobs = [...plan.jobs.values()];
  const oql = compileOql(query.get("oql") ?? "", jobFields(plan));
  const planFilter = query.get("plan_filter");
  const byNames = planFilter ? compilePlanFilter(planFilter) : () => true;
  return oql.sort(
    jobs.filter((job) => {
      const jobStream = jobStreamOf(plan, job.jobStreamId);
      const names = {
        workstationFolder: "/",
        workstation: workstationOf(plan, job.workstationId).name,
        jobStreamFolder: jobStream.folder,
        jobStream: jobStream.name,
        job: job.name,
      };
      return byNames(names) && oql.matches(job);
    }),
  );
}

/**
 * @param {Plan} plan @param {URLSearchParams} query
 */
export function selectJobStreams(plan, query) {
  const oql = compileOql(query.get("oql") ?? "", jobStreamFields(plan));
  const planFilter = query.get("plan_filter");
  const byNames = planFilter
    ? compilePlanFilter(planFilter.includes(".") ? planFilter : `${planFilter}.@`)
    : () => true;
  return oql.sort(
    [...plan.jobStreams.values()].filter(
      (jobStream) =>
        byNames({
          workstationFolder: "/",
          workstation: workstationOf(plan, jobStream.workstationId).name,
          jobStreamFolder: jobStream.folder,
          jobStream: jobStream.name,
          job: "@",
        }) && oql.matches(jobStream),
    ),
  );
}

/**
 * One page of `items`, as PaginatedResponse: `next`/`previous` are absent (not null: the document types them
 * as strings) when there is no such page.
 * @template T
 * @param {T[]} items @param {(item: T) => unknown} view
 * @param {{ query: URLSearchParams, headers: import("node:http").IncomingHttpHeaders, origin: string, path: string }} request
 */
export function page(items, view, { query, headers, origin, path }) {
  const limit = Math.min(integerParameter(query, "limit", maxLimit) ?? maxLimit, maxLimit);
  const offset = integerParameter(query, "offset", 0) ?? 0;
  const includeCount = String(headers["include-count"] ?? "true").toLowerCase() !== "false";
  const link = (/** @type {number} */ at) => {
    const params = new URLSearchParams(query);
    params.set("limit", String(limit));
    params.set("offset", String(at));
    return `${origin}${path}?${params}`;
  };
  return {
    ...(includeCount ? { count: items.length } : {}),
    results: items.slice(offset, offset + limit).map(view),
    ...(limit > 0 && offset + limit < items.length ? { next: link(offset + limit) } : {}),
    ...(offset > 0 ? { previous: link(Math.max(0, offset - limit)) } : {}),
  };
}

/**
 * `grouping_filters` of the count endpoints: ordered, comma-separated, among workstation, status, folder.
 * @param {string | null} text
 */
export function groupingFilters(text) {
  if (!text) return [];
  const fields = text.split(",").map((field) => field.trim().toLowerCase());
  for (const field of fields) {
    if (!["workstation", "status", "folder"].includes(field)) {
      throw invalidParameter(`The grouping filter "${field}" is not valid: use workstation, status or folder.`);
    }
  }
  return fields;
}
