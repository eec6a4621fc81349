import { createRouter } from "../platform/http/router";
import { currentCsrfToken, endSession, issueAccessToken, startSession, whoAmI } from "./sessions.handlers";
import { csrf, login, logout, me, token } from "./sessions.routes";

export const sessionRoutes = createRouter()
  .openapi(token, issueAccessToken)
  .openapi(login, startSession)
  .openapi(logout, endSession)
  .openapi(me, whoAmI)
  .openapi(csrf, currentCsrfToken);
