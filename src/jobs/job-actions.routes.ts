import { createRoute, z } from "@hono/zod-openapi";
import { requireRole } from "../platform/auth/require-role";
import { idempotency } from "../platform/http/idempotency";
import { problemResponses } from "../platform/http/openapi";
import { jobActionNames } from "./action-rules";

export const JobActionParams = z.object({
  id: z
    .string()
    .min(1)
    .max(256)
    .openapi({ param: { name: "id", in: "path" } }),
  action: z.enum(jobActionNames).openapi({ param: { name: "action", in: "path" } }),
});

export const JobActionBody = z.strictObject({
  reason: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .openapi({ description: "Why, in the operator's words; kept in the audit trail" }),
});

export const JobActionResultSchema = z
  .object({
    action: z.enum(jobActionNames),
    job_id: z.string(),
    accepted: z.literal(true),
    hwa: z.object({ id: z.string().nullable(), url: z.string().nullable() }),
  })
  .openapi("JobActionResult");

const IDEMPOTENCY_HEADERS = z.object({
  "idempotency-key": z.string().openapi({
    param: { in: "header", required: true },
    description: "1–255 visible ASCII characters; replays for 24 h (Idempotency-Key-TTL: 86400)",
  }),
});

export const performAction = createRoute({
  method: "post",
  path: "/api/v1/jobs/{id}/actions/{action}",
  tags: ["jobs"],
  summary: "Hold, release, rerun, cancel, kill or confirm a job in HWA (at most once per Idempotency-Key)",
  description:
    "Requires `Idempotency-Key`. The first request with a key acts; later ones with the same key and body get the stored " +
    "answer byte for byte with `Idempotency-Replayed: true` for 24 hours (Idempotency-Key-TTL: 86400); another body → 422; " +
    "while the first is in progress → 409 with Retry-After. 5xx answers are not stored.",
  middleware: [requireRole("operator"), idempotency()] as const,
  request: {
    params: JobActionParams,
    headers: IDEMPOTENCY_HEADERS,
    body: { required: false, content: { "application/json": { schema: JobActionBody } } },
  },
  responses: {
    200: { description: "HWA accepted the action", content: { "application/json": { schema: JobActionResultSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 422, 429, 502, 503, 504),
  },
});
