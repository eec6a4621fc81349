import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../platform/http/app-env";
import { openapiWithRememberedQuery } from "../platform/http/remembered-query";
import { validationHook } from "../platform/http/validation";
import { jobDependencies, jobLog, listJobs, showJob } from "./jobs.handlers";
import { dependencies, list, log, show } from "./jobs.routes";
import { jobAction } from "./job-actions.handlers";
import { performAction } from "./job-actions.routes";

export const jobRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
openapiWithRememberedQuery(jobRoutes, list, listJobs);
jobRoutes.openapi(show, showJob);
openapiWithRememberedQuery(jobRoutes, log, jobLog);
jobRoutes.openapi(dependencies, jobDependencies);

export const jobActionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  performAction,
  jobAction,
);
