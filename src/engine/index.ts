import { engineAlias } from "../engines/alias.routes";
import { createRouter } from "../platform/http/router";
import { engineInfo } from "./engine.handlers";
import { engine } from "./engine.routes";

export const engineRoutes = createRouter()
  .openapi(engine, engineInfo)
  .openapi(engineAlias(engine), engineInfo as never);
