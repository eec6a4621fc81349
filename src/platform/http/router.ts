import { OpenAPIHono, type RouteConfig, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "./app-env";
import { validationHook } from "./validation";

/** A feature's router: OpenAPI routes whose invalid input becomes one 400 problem (see `validationHook`). */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

/** The handler of a route declared with `createRoute`. */
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;
