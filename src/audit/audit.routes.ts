import { createRoute, z } from "@hono/zod-openapi";
import { auditOutcomes } from "../platform/audit/event";
import { problemResponses } from "../platform/http/openapi";
import { requireRole } from "../platform/http/require-role";

const noControlCharacters = /^[^\u0000-\u001f\u007f]*$/;
const Text = (max: number) => z.string().min(1).max(max).regex(noControlCharacters, { error: "no control characters" });
const Instant = z.iso.datetime({ offset: true });

export const AuditQuery = z.strictObject({
  actor: Text(200).optional().openapi({ description: "Who acted (exact username, or `system`)" }),
  action: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*(\.\*)?$/, { error: "an action like job.hold, or a prefix like job.*" })
    .optional()
    .openapi({ description: "An exact action (`job.hold`) or every action under a prefix (`job.*`)" }),
  target: Text(500).optional().openapi({ description: "What was acted on (exact), e.g. a job id or `workflow:12`" }),
  outcome: z.enum(auditOutcomes).optional(),
  since: Instant.optional().openapi({
    description: "ISO-8601; events at or after it",
    example: "2026-05-01T06:00:00Z",
  }),
  until: Instant.optional().openapi({ description: "ISO-8601; events before it", example: "2026-05-02T06:00:00Z" }),
  limit: z.coerce.number().int().min(1).max(500).default(100).openapi({ description: "Page size (JSON only)" }),
  cursor: z.string().max(1024).optional().openapi({ description: "`next_cursor` of the previous page (JSON only)" }),
  format: z.enum(["json", "csv", "ndjson"]).default("json").openapi({
    description: "`csv` and `ndjson` stream every event of the filtered range (limit and cursor do not apply)",
  }),
});

export const AuditEventView = z
  .object({
    id: z.string().nullable().openapi({ description: "The event's id (null only on events recorded before ids)" }),
    at: z.string().openapi({ description: "When it happened, ISO-8601 UTC" }),
    actor: z.string(),
    action: z.string(),
    target: z.string().nullable(),
    outcome: z.string().openapi({ description: "attempt (before acting), success, failure or denied" }),
    correlation_id: z.string().nullable(),
    ip: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi("AuditEvent");

export const list = createRoute({
  method: "get",
  path: "/api/v1/audit",
  tags: ["administration"],
  summary: "The audit trail, newest first (admin); CSV or NDJSON export of a filtered range",
  description:
    "Filters combine with AND. Pages are newest first by (time, id); `next_cursor` is signed and bound to the filters " +
    "(a changed or foreign cursor is a 400). With `format=csv|ndjson` the whole filtered range is streamed as an " +
    "attachment, read from the database in bounded batches. CSV: RFC 4180 quoting; a cell that a spreadsheet would " +
    "read as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) is prefixed with `'`.",
  middleware: requireRole("admin"),
  request: { query: AuditQuery },
  responses: {
    200: {
      description: "A page of events, or the export",
      headers: z.object({
        "Content-Disposition": z.string().optional().openapi({
          description: 'On an export only: `attachment; filename="resync-audit-<time>.csv"` (or `.ndjson`)',
        }),
      }),
      content: {
        "application/json": {
          schema: z.object({ items: z.array(AuditEventView), next_cursor: z.string().nullable() }).openapi("AuditPage"),
        },
        "text/csv": { schema: z.string().openapi({ description: "Header row, then one event per row" }) },
        "application/x-ndjson": { schema: z.string().openapi({ description: "One AuditEvent JSON object per line" }) },
      },
    },
    ...problemResponses(400, 401, 403, 503),
  },
});
