import { engineAlias } from "../engines/alias.routes";
import { createRouter } from "../platform/http/router";
import { listWorkstations } from "./workstations.handlers";
import { list } from "./workstations.routes";

export const workstationRoutes = createRouter()
  .openapi(list, listWorkstations)
  .openapi(engineAlias(list), listWorkstations as never);
