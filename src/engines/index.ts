import { createRouter } from "../platform/http/router";
import { changeOne, listAll, register, removeOne, rotateKey, showOne } from "./engines.handlers";
import { change, create, list, remove, rotate, show } from "./engines.routes";

export const engineRegistryRoutes = createRouter()
  .openapi(list, listAll)
  .openapi(create, register)
  .openapi(rotate, rotateKey)
  .openapi(show, showOne)
  .openapi(change, changeOne)
  .openapi(remove, removeOne);
