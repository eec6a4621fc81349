import { OpenAPIHono } from "@hono/zod-openapi";
import { authRoutes } from "./auth";
import { chatRoutes } from "./chat";
import { engineRoutes } from "./engine";
import { jobActionRoutes, jobRoutes } from "./jobs";
import { jobStreamRoutes } from "./jobstreams";
import { healthRoutes } from "./health";
import { metricsRoutes } from "./metrics";
import { authenticate } from "./platform/auth/authenticate";
import { csrfProtection } from "./platform/auth/csrf-protection";
import { chatPolicy, rateLimit } from "./platform/http/rate-limit";
import { userRoutes } from "./users";
import { workflowRoutes } from "./workflows";
import type { AppEnv } from "./platform/http/app-env";
import { bodySize } from "./platform/http/body-size";
import { notFound, onError } from "./platform/http/errors";
import { mediaType } from "./platform/http/media-type";
import { requestContext } from "./platform/http/request-context";
import { securityHeaders } from "./platform/http/security-headers";
import { validationHook } from "./platform/http/validation";
import { readConfig } from "./platform/env/config";
import type { LogLevel } from "./platform/observability/logger";

const LOG_LEVELS = new Set(["debug", "info", "warn", "error"]);

/** Not limited by the binding: operations endpoints (API.md) and the logins, which LoginGuard limits exactly. */
const UNLIMITED = new Set(["/health", "/api/health", "/health/ready", "/metrics", "/token", "/api/v1/auth/login"]);
/** Chat messages have their own, lower limit (API.md: 10/min per user). */
const CHAT_MESSAGES = new Set(["/api/chat", "/api/v1/chat"]);

/** Builds the Worker's HTTP application: cross-cutting middleware first, then every feature's routes. */
export function createApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use(
    requestContext({
      logLevel: (env) => (LOG_LEVELS.has(env.LOG_LEVEL ?? "") ? (env.LOG_LEVEL as LogLevel) : "info"),
    }),
  );
  app.use(securityHeaders());
  app.use(bodySize((env) => readConfig(env).MAX_BODY_BYTES));
  app.use(mediaType({ formPaths: ["/token"] }));
  app.use(authenticate());
  app.use(csrfProtection());
  app.use(
    rateLimit({
      exempt: (path) => UNLIMITED.has(path),
      userPolicyFor: (method, path) => (method === "POST" && CHAT_MESSAGES.has(path) ? chatPolicy : undefined),
    }),
  );

  app.route("/", healthRoutes);
  app.route("/", metricsRoutes);
  app.route("/", authRoutes);
  app.route("/", userRoutes);
  app.route("/", jobRoutes);
  app.route("/", jobActionRoutes);
  app.route("/", jobStreamRoutes);
  app.route("/", engineRoutes);
  app.route("/", workflowRoutes);
  app.route("/", chatRoutes);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "__Host-resync_session",
  });

  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Resync API",
      version: "0.1.0",
      description: "Hardened operations API for HCL Workload Automation. Errors are RFC 9457 problem+json.",
    },
    security: [{ bearer: [] }, { session: [] }],
  });

  app.onError(onError);
  app.notFound(notFound(() => app.routes));
  return app;
}
