import { createRouter } from "../platform/http/router";
import { liveness, readiness } from "./health.handlers";
import { health, healthCompat, ready } from "./health.routes";

export const healthRoutes = createRouter()
  .openapi(health, liveness)
  .openapi(healthCompat, liveness)
  .openapi(ready, readiness);
