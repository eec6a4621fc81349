import { createRouter } from "../platform/http/router";
import { scrapeMetrics } from "./metrics.handlers";
import { scrape } from "./metrics.routes";

export const metricsRoutes = createRouter().openapi(scrape, scrapeMetrics);
