import { z } from "@hono/zod-openapi";

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    correlation_id: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

const descriptions: Record<number, string> = {
  400: "Malformed or invalid input",
  401: "Not authenticated",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  413: "Body too large",
  415: "Wrong media type",
  422: "Semantically invalid",
  426: "Not a WebSocket upgrade",
  429: "Too many requests",
  500: "Unexpected error or misconfiguration",
  502: "Upstream failure",
  503: "Unavailable",
  504: "Upstream timeout",
};

/** The problem+json responses a route may give, for its OpenAPI declaration. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: descriptions[status] ?? "Error",
        content: { "application/problem+json": { schema: ProblemSchema } },
      },
    ]),
  );
}
