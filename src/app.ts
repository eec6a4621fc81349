import { auditRoutes } from "./audit";
import { sessionRoutes } from "./sessions";
import { chatRoutes } from "./chat";
import { engineRoutes } from "./engine";
import { engineRegistryRoutes } from "./engines";
import { workstationRoutes } from "./workstations";
import { jobRoutes } from "./jobs";
import { jobStreamRoutes } from "./jobstreams";
import { healthRoutes } from "./health";
import { metricsRoutes } from "./metrics";
import { authenticate } from "./platform/http/authenticate";
import { csrfProtection } from "./platform/http/csrf-protection";
import { chatPolicy, rateLimit } from "./platform/http/rate-limit";
import { userRoutes } from "./users";
import { runRoutes } from "./runs";
import { workflowRoutes } from "./workflows";
import { settingsRoutes } from "./settings";
import { maintenanceMode } from "./settings/maintenance-mode.middleware";
import { notificationRoutes } from "./notifications";
import { subscriptionRoutes } from "./subscriptions";
import { bodySize } from "./platform/http/body-size";
import { notFound, onError } from "./platform/http/errors";
import { mediaType } from "./platform/http/media-type";
import { requestContext } from "./platform/http/request-context";
import { securityHeaders } from "./platform/http/security-headers";
import { createRouter } from "./platform/http/router";
import { readConfig } from "./platform/env/config";

/** Not limited by the binding: operations endpoints (API.md) and the logins, which LoginGuard limits exactly. */
const UNLIMITED = new Set(["/health", "/api/health", "/health/ready", "/metrics", "/token", "/api/v1/auth/login"]);
/** Chat messages have their own, lower limit (API.md: 10/min per user). */
const CHAT_MESSAGES = new Set(["/api/chat", "/api/v1/chat"]);
/**
 * Writes open to everyone during maintenance: signing in and out (so admins can), chat messages (questions are
 * answered; the chat itself refuses to act), and the settings (admin-only: others get the 403 they always get).
 */
const OPEN_DURING_MAINTENANCE = new Set(["/token", "/api/v1/chat/tickets", "/api/v1/settings", ...CHAT_MESSAGES]);

/** Builds the Worker's HTTP application: cross-cutting middleware first, then every feature's routes. */
export function createApp() {
  const app = createRouter();

  app.use(requestContext());
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
  app.use(
    maintenanceMode({
      exempt: (path) => OPEN_DURING_MAINTENANCE.has(path) || path.startsWith("/api/v1/auth/"),
    }),
  );

  app.route("/", healthRoutes);
  app.route("/", metricsRoutes);
  app.route("/", sessionRoutes);
  app.route("/", userRoutes);
  app.route("/", settingsRoutes);
  app.route("/", auditRoutes);
  app.route("/", jobRoutes);
  app.route("/", jobStreamRoutes);
  app.route("/", engineRoutes);
  app.route("/", engineRegistryRoutes);
  app.route("/", workstationRoutes);
  app.route("/", workflowRoutes);
  app.route("/", runRoutes);
  app.route("/", chatRoutes);
  app.route("/", subscriptionRoutes);
  app.route("/", notificationRoutes);

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
