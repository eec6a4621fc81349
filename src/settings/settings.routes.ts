import { createRoute, z } from "@hono/zod-openapi";
import { rotatesCsrf } from "../platform/http/csrf-rotation";
import { problemResponses } from "../platform/http/openapi";
import { requireRole } from "../platform/http/require-role";

/** What operators read while maintenance is on: one line of plain text (C0/C1 control characters refused). */
const Message = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .regex(/^[^\x00-\x1f\x7f-\x9f]*$/, { error: "must not contain control characters" })
  .openapi({ description: "Shown to operators: 1–500 characters, no control characters", example: "HWA upgrade" });

const Until = z.iso
  .datetime({ offset: true })
  .refine((value) => Date.parse(value) > Date.now(), { error: "must be in the future" })
  .openapi({
    description: "ISO-8601 instant in the future at which maintenance ends by itself",
    example: "2026-07-04T06:00:00Z",
  });

const MaintenanceOn = z.strictObject({ enabled: z.literal(true), message: Message, until: Until.optional() });
const MaintenanceOff = z.strictObject({ enabled: z.literal(false) });

const SettingsBody = z
  .strictObject({ maintenance: z.discriminatedUnion("enabled", [MaintenanceOn, MaintenanceOff]) })
  .openapi("SettingsChange");

const SettingsView = z
  .object({
    maintenance: z.object({
      enabled: z.boolean(),
      message: z.string().optional().openapi({ description: "While on: what operators are told" }),
      until: z.string().optional().openapi({ description: "While on: when it ends by itself (UTC, ISO-8601)" }),
    }),
  })
  .openapi("Settings");

const admin = requireRole("admin");
const maintenanceNote =
  "While maintenance is on, `/health/ready` answers 503 `maintenance`; POST/PUT/PATCH/DELETE from non-admins answer " +
  "503 problem+json (`urn:resync:problem:maintenance`) with the message as `detail` and `Retry-After` (seconds until " +
  "`until`, else 300) — except signing in and out and chat messages; new workflow runs answer 503 for admins too; " +
  "the chat refuses to act. Isolates see a change within 5 s.";

export const show = createRoute({
  method: "get",
  path: "/api/v1/settings",
  tags: ["settings"],
  summary: "The settings: maintenance mode (admin)",
  description: maintenanceNote,
  middleware: admin,
  responses: {
    200: { description: "The settings as of now", content: { "application/json": { schema: SettingsView } } },
    ...problemResponses(401, 403),
  },
});

export const replace = createRoute({
  method: "put",
  path: "/api/v1/settings",
  tags: ["settings"],
  summary: "Turn maintenance mode on or off (admin); audited, and a cookie session's CSRF token rotates",
  description: maintenanceNote,
  middleware: [admin, rotatesCsrf()] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: SettingsBody } } },
  },
  responses: {
    200: { description: "The settings as changed", content: { "application/json": { schema: SettingsView } } },
    ...problemResponses(400, 401, 403),
  },
});
