import { createRouter } from "../platform/http/router";
import { engineInfo } from "./engine.handlers";
import { engine } from "./engine.routes";

export const engineRoutes = createRouter().openapi(engine, engineInfo);
