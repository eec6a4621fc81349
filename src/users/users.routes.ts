import { createRoute, z } from "@hono/zod-openapi";
import { MAX_PASSWORD_LENGTH } from "../platform/auth/password";
import { rotatesCsrf } from "../platform/http/csrf-rotation";
import { requireRole } from "../platform/http/require-role";
import { engineRoles, roles } from "../platform/db/schema";
import { EngineName } from "../engines/engine-choice.middleware";
import { problemResponses } from "../platform/http/openapi";

const Username = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,64}$/, { error: "1-64 letters, digits, dots, underscores or hyphens" });
const Password = z.string().min(12, { error: "at least 12 characters" }).max(MAX_PASSWORD_LENGTH);

export const UserView = z
  .object({
    username: z.string(),
    role: z.enum(roles),
    disabled: z.boolean(),
    default_engine: z.string().nullable(),
    engine_roles: z.record(z.string(), z.enum(engineRoles)),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("User");

const admin = requireRole("admin");
/** User changes are high-security: a cookie session's CSRF token rotates after them. */
const adminChange = [admin, rotatesCsrf()];
const target = z.object({ username: Username.openapi({ param: { name: "username", in: "path" } }) });

export const list = createRoute({
  method: "get",
  path: "/api/v1/users",
  tags: ["users"],
  summary: "All accounts (admin)",
  middleware: admin,
  responses: {
    200: {
      description: "Accounts",
      content: { "application/json": { schema: z.object({ items: z.array(UserView) }) } },
    },
    ...problemResponses(401, 403),
  },
});

export const create = createRoute({
  method: "post",
  path: "/api/v1/users",
  tags: ["users"],
  summary: "Create an account (admin)",
  middleware: adminChange,
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.strictObject({ username: Username, password: Password, role: z.enum(roles) }).openapi("NewUser"),
        },
      },
    },
  },
  responses: {
    201: { description: "Created", content: { "application/json": { schema: UserView } } },
    ...problemResponses(400, 401, 403, 409),
  },
});

export const show = createRoute({
  method: "get",
  path: "/api/v1/users/{username}",
  tags: ["users"],
  summary: "One account (admin)",
  middleware: admin,
  request: { params: target },
  responses: {
    200: { description: "Account", content: { "application/json": { schema: UserView } } },
    ...problemResponses(401, 403, 404),
  },
});

export const change = createRoute({
  method: "patch",
  path: "/api/v1/users/{username}",
  tags: ["users"],
  summary: "Change role, reset password, disable or enable (admin); the user's tokens are revoked",
  description:
    "A password reset also clears the account's login locks and forgets its trusted browsers and known addresses.",
  middleware: adminChange,
  request: {
    params: target,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .strictObject({
              role: z.enum(roles).optional(),
              password: Password.optional(),
              disabled: z.boolean().optional(),
              default_engine: EngineName.nullable().optional().openapi({
                description: "The engine this user's HWA requests go to when they name none; null: the default engine",
              }),
              engine_roles: z
                .record(EngineName, z.enum(engineRoles))
                .refine((grants) => Object.keys(grants).length <= 32, { error: "at most 32 engines" })
                .nullable()
                .optional()
                .openapi({
                  description:
                    'Roles per engine replacing the user\'s role on that engine\'s HWA routes, e.g. {"HML": "operator", "PROD": "viewer"}; replaces every grant, null clears them',
                }),
            })
            .refine((c) => Object.keys(c).length > 0, { error: "nothing to change" })
            .openapi("UserChange"),
        },
      },
    },
  },
  responses: {
    200: { description: "Changed", content: { "application/json": { schema: UserView } } },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

export const remove = createRoute({
  method: "delete",
  path: "/api/v1/users/{username}",
  tags: ["users"],
  summary: "Delete an account (admin); its tokens are revoked",
  middleware: adminChange,
  request: { params: target },
  responses: { 204: { description: "Deleted" }, ...problemResponses(401, 403, 404, 409) },
});

export const unlock = createRoute({
  method: "delete",
  path: "/api/v1/users/{username}/lockout",
  tags: ["users"],
  summary: "Clear every login lock of an account (admin)",
  description:
    "Clears the failure counters and locks of every client of the account: untrusted clients, each trusted browser " +
    "(device cookie) and each known address. Trusted browsers and addresses stay trusted. Audited as user.unlock.",
  middleware: adminChange,
  request: { params: target },
  responses: { 204: { description: "Unlocked" }, ...problemResponses(401, 403, 404, 503) },
});
