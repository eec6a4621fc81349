import { createRouter } from "../platform/http/router";
import { listRunsHandler, runCompatHandler, runHandler, showRunHandler } from "./runs.handlers";
import { listRuns, run, runCompat, showRun } from "./runs.routes";

export const runRoutes = createRouter()
  .openapi(run, runHandler)
  .openapi(runCompat, runCompatHandler)
  .openapi(listRuns, listRunsHandler)
  .openapi(showRun, showRunHandler);
