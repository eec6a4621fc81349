import { createRoute, z } from "@hono/zod-openapi";
import { requireRole } from "../platform/http/require-role";
import { problemResponses } from "../platform/http/openapi";
import { ChatMessage } from "./message";

export const ChatRequest = z
  .strictObject({
    message: ChatMessage,
    session_id: z
      .uuid()
      .optional()
      .openapi({ description: "Continue this session (follow-ups, confirmations); a new one starts when absent" }),
  })
  .openapi("ChatRequest");

export const ChatResponse = z
  .object({
    response: z.string().openapi({ description: "The answer as plain text, in the language of the question" }),
    correlation_id: z.string(),
    session_id: z.uuid(),
    intent: z.string().openapi({
      description:
        "job_status, job_log, failed_jobs, jobstream_status, workstation_status, job_dependencies, running_now, job_action, help, unknown",
    }),
    data: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({ description: "The structured facts the answer states" }),
    suggestions: z.array(z.string()).optional().openapi({ description: "Next questions, in the answer's language" }),
  })
  .openapi("ChatResponse");

const chatRoute = (path: string, summary: string) =>
  createRoute({
    method: "post",
    path,
    tags: ["chat"],
    summary,
    description:
      "Answers from the current plan in HWA, in Portuguese or English. Actions (hold, release, rerun, cancel, kill) are only " +
      "described until confirmed in the same session within 2 minutes; the confirmation executes them once, audited, through " +
      "the job actions' idempotent path (operator role). 10 messages per minute per user.",
    middleware: requireRole("viewer"),
    request: { body: { required: true, content: { "application/json": { schema: ChatRequest } } } },
    responses: {
      200: { description: "The assistant's answer", content: { "application/json": { schema: ChatResponse } } },
      ...problemResponses(400, 401, 403, 413, 415, 429, 500, 503),
    },
  });

export const chat = chatRoute("/api/v1/chat", "Ask about jobs, streams, workstations and logs; ask for actions");
export const chatCompat = chatRoute(
  "/api/chat",
  "Same as POST /api/v1/chat (compat path of the service Resync replaces)",
);

export const TicketRequest = z.strictObject({ session_id: z.uuid().optional() }).openapi("ChatTicketRequest");

export const ticket = createRoute({
  method: "post",
  path: "/api/v1/chat/tickets",
  tags: ["chat"],
  summary: "A single-use ticket to open the chat WebSocket (for browsers, which cannot send headers on an upgrade)",
  middleware: requireRole("viewer"),
  request: { body: { required: false, content: { "application/json": { schema: TicketRequest } } } },
  responses: {
    201: {
      description: "Valid for 30 seconds, once, for this session",
      content: {
        "application/json": {
          schema: z.object({ ticket: z.string(), session_id: z.uuid(), expires_at: z.string() }).openapi("ChatTicket"),
        },
      },
    },
    ...problemResponses(400, 401, 403, 415, 429),
  },
});

export const socket = createRoute({
  method: "get",
  path: "/api/v1/chat/ws",
  tags: ["chat"],
  summary: "The chat over a WebSocket",
  description:
    "Authenticated at the upgrade by `Authorization: Bearer`, by the session cookie from the same origin, or by `ticket` " +
    "(from POST /api/v1/chat/tickets; a token is never accepted in the URL). Client frames: " +
    '`{"type": "message", "message": "...", "correlation_id"?: "..."}` (64 KiB at most). Server frames: `{"type": "info", ...}` ' +
    'on connect, `{"type": "message", ...}` with the fields of the REST answer, `{"type": "error", status, title, detail, ' +
    "correlation_id, retry_after?}`. Same rate limit as REST (10 messages per minute per user); closed after 10 idle minutes " +
    "(4408) or when its credential expires or is revoked (4401).",
  request: {
    query: z.object({
      session_id: z
        .uuid()
        .optional()
        .openapi({ description: "The session to join; required with a ticket (it is bound to one)" }),
      ticket: z.string().max(2048).optional(),
    }),
  },
  responses: {
    101: { description: "Switching to the WebSocket protocol" },
    ...problemResponses(400, 401, 403, 426, 429),
  },
});
