import { createRouter } from "../platform/http/router";
import { replaceSettings, showSettings } from "./settings.handlers";
import { replace, show } from "./settings.routes";

export const settingsRoutes = createRouter().openapi(show, showSettings).openapi(replace, replaceSettings);
