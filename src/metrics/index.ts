import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../platform/http/app-env";
import { secretsEqual } from "../platform/auth/constant-time";
import { readConfig } from "../platform/env/config";
import { Problem } from "../platform/http/problem";
import { validationHook } from "../platform/http/validation";
import { metrics } from "../platform/observability/metrics";
import { scrape } from "./metrics.routes";

export const metricsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(scrape, async (c) => {
  const token = readConfig(c.env).METRICS_TOKEN;
  if (token) {
    const given = /^Bearer (.+)$/i.exec(c.req.header("Authorization") ?? "")?.[1] ?? "";
    if (!(await secretsEqual(given, token))) {
      throw new Problem({ status: 401, kind: "unauthenticated", detail: "A valid metrics token is required" });
    }
  }
  return c.text(metrics.render(), 200, { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" });
});
