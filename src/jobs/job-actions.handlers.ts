import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../platform/http/app-env";
import { performJobAction } from "./actions";
import type { performAction } from "./job-actions.routes";

export const jobAction: RouteHandler<typeof performAction, AppEnv> = async (c) => {
  const { id, action } = c.req.valid("param");
  const body = c.req.valid("json") as { reason?: string } | undefined;
  return c.json(await performJobAction(c, id, action, { reason: body?.reason }), 200);
};
