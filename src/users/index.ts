import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../platform/http/app-env";
import { validationHook } from "../platform/http/validation";
import { changeUser, createUser, deleteUser, listUsers, showUser } from "./users.handlers";
import { change, create, list, remove, show } from "./users.routes";

export const userRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, listUsers)
  .openapi(create, createUser)
  .openapi(show, showUser)
  .openapi(change, changeUser)
  .openapi(remove, deleteUser);
