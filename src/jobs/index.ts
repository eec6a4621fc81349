import { openapiWithRememberedQuery } from "../platform/http/remembered-query";
import { createRouter } from "../platform/http/router";
import { jobAction, jobDependencies, jobLog, listJobs, showJob } from "./jobs.handlers";
import { dependencies, list, log, performAction, show } from "./jobs.routes";

export const jobRoutes = createRouter();
openapiWithRememberedQuery(jobRoutes, list, listJobs);
jobRoutes.openapi(show, showJob);
openapiWithRememberedQuery(jobRoutes, log, jobLog);
jobRoutes.openapi(dependencies, jobDependencies);
jobRoutes.openapi(performAction, jobAction);
