import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../platform/http/app-env";
import { validationHook } from "../platform/http/validation";
import { liveness, readiness } from "./health.handlers";
import { health, healthCompat, ready } from "./health.routes";

export const healthRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(health, liveness)
  .openapi(healthCompat, liveness)
  .openapi(ready, readiness);
