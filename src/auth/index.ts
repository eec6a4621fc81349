import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../platform/http/app-env";
import { validationHook } from "../platform/http/validation";
import { currentCsrfToken, endSession, issueAccessToken, startSession, whoAmI } from "./auth.handlers";
import { csrf, login, logout, me, token } from "./auth.routes";

export const authRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(token, issueAccessToken)
  .openapi(login, startSession)
  .openapi(logout, endSession)
  .openapi(me, whoAmI)
  .openapi(csrf, currentCsrfToken);
