import { createRoute, z } from "@hono/zod-openapi";
import { requireRole } from "../platform/http/require-role";
import { MAX_PASSWORD_LENGTH } from "../platform/auth/password";
import { roles } from "../platform/db/schema";
import { problemResponses } from "../platform/http/openapi";

const Credentials = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

// OAuth2 clients (e.g. FastAPI's OAuth2PasswordRequestForm) also send these; accepted and ignored.
const PasswordGrant = Credentials.extend({
  grant_type: z.literal("password").optional(),
  scope: z.string().max(1000).optional(),
  client_id: z.string().max(255).optional(),
  client_secret: z.string().max(255).optional(),
}).openapi("PasswordGrant");

export const TokenResponse = z
  .object({ access_token: z.string(), token_type: z.literal("bearer"), expires_in: z.number().int() })
  .openapi("TokenResponse");

const User = z
  .object({
    username: z.string(),
    role: z.enum(roles),
    default_engine: z.string().nullable().openapi({
      description: "The engine HWA-backed routes use when the request names none; null: the registry's default",
    }),
  })
  .openapi("CurrentUser");

const loginProblems = problemResponses(400, 401, 403, 415, 429, 503);

export const token = createRoute({
  method: "post",
  path: "/token",
  tags: ["auth"],
  summary: "OAuth2 password grant (compat): a Bearer access token",
  description:
    "Form or JSON. Limited to 5 requests a minute per client IP (exact). 5 failures of one account in 15 minutes lock " +
    "it for untrusted clients; an address that signed in to the account in the last 30 days has a budget of its own. " +
    "Failures are identical for unknown users and wrong passwords.",
  request: {
    body: {
      content: {
        "application/x-www-form-urlencoded": { schema: PasswordGrant },
        "application/json": { schema: PasswordGrant },
      },
    },
  },
  responses: {
    200: { description: "Signed in", content: { "application/json": { schema: TokenResponse } } },
    ...loginProblems,
  },
});

export const login = createRoute({
  method: "post",
  path: "/api/v1/auth/login",
  tags: ["auth"],
  summary: "Console sign-in: a session cookie and its CSRF token",
  description:
    "Also sets __Host-resync_device (HttpOnly, 30 days): this browser is then trusted by the account, and its failed " +
    "logins count against it alone, so a lockout caused by others never locks it out.",
  request: {
    body: { required: true, content: { "application/json": { schema: Credentials.openapi("Credentials") } } },
  },
  responses: {
    200: {
      description: "Signed in; sets the __Host-resync_session and __Host-resync_device cookies",
      content: {
        "application/json": {
          schema: z.object({ user: User, csrf_token: z.string(), expires_at: z.string() }).openapi("Session"),
        },
      },
    },
    ...loginProblems,
  },
});

export const logout = createRoute({
  method: "post",
  path: "/api/v1/auth/logout",
  tags: ["auth"],
  summary: "Revokes the session or token used for this request",
  middleware: requireRole("viewer"),
  responses: { 204: { description: "Revoked" }, ...problemResponses(401, 403) },
});

export const me = createRoute({
  method: "get",
  path: "/api/v1/auth/me",
  tags: ["auth"],
  summary: "Who is calling",
  middleware: requireRole("viewer"),
  responses: {
    200: { description: "The caller", content: { "application/json": { schema: User } } },
    ...problemResponses(401),
  },
});

export const csrf = createRoute({
  method: "get",
  path: "/api/v1/auth/csrf",
  tags: ["auth"],
  summary: "The CSRF token of the current cookie session",
  middleware: requireRole("viewer"),
  responses: {
    200: {
      description: "Token for X-CSRF-Token",
      content: { "application/json": { schema: z.object({ csrf_token: z.string() }) } },
    },
    ...problemResponses(400, 401),
  },
});
