import { createRoute, z } from "@hono/zod-openapi";
import { problemResponses } from "../platform/http/openapi";

export const scrape = createRoute({
  method: "get",
  path: "/metrics",
  tags: ["operations"],
  summary: "Prometheus metrics of this isolate (Bearer METRICS_TOKEN when it is set)",
  responses: {
    200: { description: "Prometheus text exposition format", content: { "text/plain": { schema: z.string() } } },
    ...problemResponses(401),
  },
});
