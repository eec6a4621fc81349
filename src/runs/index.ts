import { createRouter } from "../platform/http/router";
import {
  cancelRunHandler,
  executeCompatHandler,
  listRunsHandler,
  showRunHandler,
  startRunHandler,
} from "./runs.handlers";
import { cancel, listRuns, run, runCompat, showRun } from "./runs.routes";

export const runRoutes = createRouter()
  .openapi(run, startRunHandler)
  .openapi(runCompat, executeCompatHandler)
  .openapi(cancel, cancelRunHandler)
  .openapi(listRuns, listRunsHandler)
  .openapi(showRun, showRunHandler);
