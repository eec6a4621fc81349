import { engineAlias } from "../engines/alias.routes";
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

// The same routes with the engine in the path (`/api/v1/engines/{engine}/jobs…`); the handlers read their engine
// from the request's scope, whichever form named it.
openapiWithRememberedQuery(jobRoutes, engineAlias(list), listJobs as never);
jobRoutes.openapi(engineAlias(show), showJob as never);
openapiWithRememberedQuery(jobRoutes, engineAlias(log), jobLog as never);
jobRoutes.openapi(engineAlias(dependencies), jobDependencies as never);
jobRoutes.openapi(engineAlias(performAction), jobAction as never);
