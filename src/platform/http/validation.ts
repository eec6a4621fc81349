import type { Hook } from "@hono/zod-openapi";
import type { AppEnv } from "./app-env";
import { Problem } from "./problem";

/** Where a failing value was: `body.steps.0.job`, `query.limit`. */
function pathOf(target: string, path: PropertyKey[]): string {
  return [target === "json" || target === "form" ? "body" : target, ...path.map(String)].join(".");
}

/** Every zod validation failure at the edge becomes one 400 problem with `errors[]`. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (result.success) return;
  const errors = result.error.issues.map((issue) => ({
    path: pathOf(result.target, issue.path),
    message: issue.message,
  }));
  throw new Problem({ status: 400, kind: "validation-error", detail: "The request is invalid", errors });
};
