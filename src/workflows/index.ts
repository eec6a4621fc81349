import { createRouter } from "../platform/http/router";
import {
  createWorkflowHandler,
  listWorkflowsHandler,
  removeWorkflowCompatHandler,
  removeWorkflowHandler,
  replaceWorkflowHandler,
  showWorkflowHandler,
} from "./workflows.handlers";
import { create, list, remove, removeCompat, replace, show } from "./workflows.routes";

export const workflowRoutes = createRouter()
  .openapi(list, listWorkflowsHandler)
  .openapi(create, createWorkflowHandler)
  .openapi(show, showWorkflowHandler)
  .openapi(replace, replaceWorkflowHandler)
  .openapi(remove, removeWorkflowHandler)
  .openapi(removeCompat, removeWorkflowCompatHandler);
