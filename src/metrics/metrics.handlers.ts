import { secretsEqual } from "../platform/auth/constant-time";
import { Problem } from "../platform/http/problem";
import type { AppRouteHandler } from "../platform/http/router";
import { scopeOf } from "../platform/http/scope";
import { metrics } from "../platform/observability/metrics";
import type { scrape } from "./metrics.routes";

export const scrapeMetrics: AppRouteHandler<typeof scrape> = async (c) => {
  const token = scopeOf(c).config.METRICS_TOKEN;
  if (token) {
    const given = /^Bearer (.+)$/i.exec(c.req.header("Authorization") ?? "")?.[1] ?? "";
    if (!(await secretsEqual(given, token))) {
      throw new Problem({ status: 401, kind: "unauthenticated", detail: "A valid metrics token is required" });
    }
  }
  return c.text(metrics.render(), 200, { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" });
};
