import { createRoute, z } from "@hono/zod-openapi";
import { rotatesCsrf } from "../platform/http/csrf-rotation";
import { problemResponses } from "../platform/http/openapi";
import { requireRole } from "../platform/http/require-role";
import { EngineAuth } from "./credentials";
import { EngineName } from "./engine-choice.middleware";

const admin = requireRole("admin");
/** Engine changes are high-security (they decide where actions go): a cookie session's CSRF token rotates. */
const adminChange = [admin, rotatesCsrf()];

const BaseUrl = z
  .url({ protocol: /^https?$/, error: "an http(s) URL, e.g. https://master:31116/twsd" })
  .max(2048)
  .refine((value) => !/^[a-z]+:\/\/[^/]*@/i.test(value), { error: "no credentials in the URL: give them in auth" })
  .openapi({ example: "https://hml-master:31116/twsd" });

export const EngineView = z
  .object({
    name: z.string(),
    default: z.boolean(),
    enabled: z.boolean(),
    source: z.enum(["registry", "environment"]).openapi({
      description: "environment: seeded by HWA_BASE_URL (URL and credentials from the environment) until changed here",
    }),
    base_url: z.string().nullable().optional().openapi({ description: "Admins only" }),
    auth: z
      .object({
        kind: z.enum(["basic", "api_key", "environment"]),
        set: z.boolean().openapi({ description: "Whether credentials are stored; they are never returned" }),
        set_at: z.string().nullable(),
      })
      .optional()
      .openapi({ description: "Admins only" }),
    created_at: z.string().nullable().optional(),
    updated_at: z.string().nullable().optional(),
  })
  .openapi("Engine");

const target = z.object({ name: EngineName.openapi({ param: { name: "name", in: "path" } }) });

export const list = createRoute({
  method: "get",
  path: "/api/v1/engines",
  tags: ["engines"],
  summary: "The HWA engines (viewer: names; admin: URLs and whether credentials are set)",
  middleware: requireRole("viewer"),
  responses: {
    200: {
      description: "Engines",
      content: { "application/json": { schema: z.object({ items: z.array(EngineView) }) } },
    },
    ...problemResponses(401, 403, 503),
  },
});

export const NewEngine = z
  .strictObject({
    name: EngineName,
    base_url: BaseUrl,
    auth: EngineAuth,
    default: z.boolean().optional().openapi({ description: "Make it the default engine (the others stop being)" }),
    enabled: z.boolean().optional(),
  })
  .openapi("NewEngine");

export const create = createRoute({
  method: "post",
  path: "/api/v1/engines",
  tags: ["engines"],
  summary: "Register an engine (admin); its credentials are sealed at rest and never returned",
  middleware: adminChange,
  request: { body: { required: true, content: { "application/json": { schema: NewEngine } } } },
  responses: {
    201: { description: "Registered", content: { "application/json": { schema: EngineView } } },
    ...problemResponses(400, 401, 403, 409, 503),
  },
});

export const show = createRoute({
  method: "get",
  path: "/api/v1/engines/{name}",
  tags: ["engines"],
  summary: "One engine (admin)",
  middleware: admin,
  request: { params: target },
  responses: {
    200: { description: "The engine", content: { "application/json": { schema: EngineView } } },
    ...problemResponses(400, 401, 403, 404, 503),
  },
});

export const EngineChangeBody = z
  .strictObject({
    base_url: BaseUrl.optional(),
    auth: EngineAuth.optional(),
    default: z.boolean().optional(),
    enabled: z.boolean().optional(),
  })
  .refine((change) => Object.keys(change).length > 0, { error: "nothing to change" })
  .openapi("EngineChange");

export const change = createRoute({
  method: "patch",
  path: "/api/v1/engines/{name}",
  tags: ["engines"],
  summary: "Change an engine's URL, credentials, default or enabled flag (admin)",
  middleware: adminChange,
  request: {
    params: target,
    body: { required: true, content: { "application/json": { schema: EngineChangeBody } } },
  },
  responses: {
    200: { description: "Changed", content: { "application/json": { schema: EngineView } } },
    ...problemResponses(400, 401, 403, 404, 409, 503),
  },
});

export const remove = createRoute({
  method: "delete",
  path: "/api/v1/engines/{name}",
  tags: ["engines"],
  summary: "Remove an engine (admin)",
  description: "The engine the environment seeds (HWA_BASE_URL) cannot be removed while that variable is set (409).",
  middleware: adminChange,
  request: { params: target },
  responses: { 204: { description: "Removed" }, ...problemResponses(400, 401, 403, 404, 409, 503) },
});

export const rotate = createRoute({
  method: "post",
  path: "/api/v1/engines/key-rotation",
  tags: ["engines"],
  summary: "Re-seal every engine's credentials under ENGINE_KEY (admin)",
  description:
    "Rotation: set the new key as ENGINE_KEY and the old one as ENGINE_KEY_PREVIOUS, deploy, call this once, then " +
    "remove ENGINE_KEY_PREVIOUS. Credentials sealed under either key are opened and sealed again under ENGINE_KEY.",
  middleware: adminChange,
  responses: {
    200: {
      description: "What was re-sealed",
      content: {
        "application/json": {
          schema: z
            .object({
              key_id: z.string().openapi({ description: "The id of ENGINE_KEY (not the key)" }),
              resealed: z.array(z.string()),
              already_current: z.array(z.string()),
              unreadable: z.array(z.string()).openapi({ description: "Sealed under a key that is not configured" }),
            })
            .openapi("EngineKeyRotation"),
        },
      },
    },
    ...problemResponses(401, 403, 500, 503),
  },
});
