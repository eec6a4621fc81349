import { sendsMetricsToken } from "../platform/http/metrics-token";
import { Problem } from "../platform/http/problem";
import type { AppRouteHandler } from "../platform/http/router";
import { scopeOf } from "../platform/http/scope";
import { metrics } from "../platform/observability/metrics";
import type { scrape } from "./metrics.routes";

export const scrapeMetrics: AppRouteHandler<typeof scrape> = async (c) => {
  // Open only where no token is configured, which production does not allow (see config.ts).
  if (scopeOf(c).config.METRICS_TOKEN && !(await sendsMetricsToken(c))) {
    throw new Problem({ status: 401, kind: "unauthenticated", detail: "A valid metrics token is required" });
  }
  return c.text(metrics.render(), 200, { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" });
};
