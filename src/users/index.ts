import { createRouter } from "../platform/http/router";
import { changeUser, clearUserLockout, createUser, deleteUser, listUsers, showUser } from "./users.handlers";
import { change, create, list, remove, show, unlock } from "./users.routes";

export const userRoutes = createRouter()
  .openapi(list, listUsers)
  .openapi(create, createUser)
  .openapi(show, showUser)
  .openapi(change, changeUser)
  .openapi(remove, deleteUser)
  .openapi(unlock, clearUserLockout);
