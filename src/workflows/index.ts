import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../platform/http/app-env";
import { validationHook } from "../platform/http/validation";
import { listRunsHandler, runCompatHandler, runHandler, showRunHandler } from "./runs.handlers";
import { listRuns, run, runCompat, showRun } from "./runs.routes";
import {
  createWorkflowHandler,
  listWorkflowsHandler,
  removeWorkflowCompatHandler,
  removeWorkflowHandler,
  replaceWorkflowHandler,
  showWorkflowHandler,
} from "./workflows.handlers";
import { create, list, remove, removeCompat, replace, show } from "./workflows.routes";

export const workflowRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, listWorkflowsHandler)
  .openapi(create, createWorkflowHandler)
  .openapi(show, showWorkflowHandler)
  .openapi(replace, replaceWorkflowHandler)
  .openapi(remove, removeWorkflowHandler)
  .openapi(removeCompat, removeWorkflowCompatHandler)
  .openapi(run, runHandler)
  .openapi(runCompat, runCompatHandler)
  .openapi(listRuns, listRunsHandler)
  .openapi(showRun, showRunHandler);
