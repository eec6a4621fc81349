/** What the Worker receives from wrangler.toml, `.dev.vars` and `wrangler secret`. */
export interface Bindings {
  CACHE: KVNamespace;
  LOGIN_GUARD: DurableObjectNamespace<import("../../../durable-objects/login-guard").LoginGuard>;
  COALESCER: DurableObjectNamespace<import("../../../durable-objects/coalescer").Coalescer>;
  IDEMPOTENCY_STORE: DurableObjectNamespace<import("../../../durable-objects/idempotency-store").IdempotencyStore>;
  CHAT_SESSION: DurableObjectNamespace<import("../../../durable-objects/chat-session").ChatSession>;
  WORKFLOW_RUN: DurableObjectNamespace<import("../../../durable-objects/workflow-run").WorkflowRun>;
  SETTINGS: DurableObjectNamespace<import("../../../durable-objects/settings").Settings>;
  PLAN_WATCHER: DurableObjectNamespace<import("../../../durable-objects/plan-watcher").PlanWatcher>;
  CONSOLE_FEED: DurableObjectNamespace<import("../../../durable-objects/console-feed").ConsoleFeed>;
  USER_RATE_LIMITER: RateLimit;
  ANONYMOUS_RATE_LIMITER: RateLimit;
  CHAT_RATE_LIMITER: RateLimit;
  READINESS_RATE_LIMITER: RateLimit;
  /** Audit events on their way to libSQL (src/audit/consumer.ts inserts them). */
  AUDIT: Queue<import("../audit/event").QueuedAuditEvent>;
  /** Plan events and their deliveries (messages typed and read by src/notifications/messages.ts). */
  NOTIFY: Queue;
  /** "production" in [env.production.vars]; unset (development) locally and in tests. */
  ENVIRONMENT?: string;
  LIBSQL_URL?: string;
  LIBSQL_AUTH_TOKEN?: string;
  HWA_BASE_URL?: string;
  HWA_USERNAME?: string;
  HWA_PASSWORD?: string;
  HWA_API_KEY?: string;
  JWT_SECRET?: string;
  JWT_ISSUER?: string;
  JWT_AUDIENCE?: string;
  JWT_TTL_SECONDS?: string;
  CSRF_SECRET?: string;
  ADMIN_USERNAME?: string;
  ADMIN_PASSWORD?: string;
  METRICS_TOKEN?: string;
  ENGINE_KEY?: string;
  ENGINE_KEY_PREVIOUS?: string;
  AUDIT_RETENTION_DAYS?: string;
  RUN_RETENTION_DAYS?: string;
  MAX_BODY_BYTES?: string;
  LOG_LEVEL?: string;
  CACHE_DISABLED?: string;
  CACHE_MAX_BYTES?: string;
  CACHE_MAX_ENTRIES?: string;
  PLAN_WATCH_PERIOD_SECONDS?: string;
  PLAN_WATCH_DEADLINE_SECONDS?: string;
  PLAN_WATCH_DISABLED?: string;
  WEBHOOK_ALLOW_LOOPBACK?: string;
}

/** Every Durable Object namespace of the Worker; each class answers `ping()` for readiness. */
export const DURABLE_OBJECT_BINDINGS = [
  "LOGIN_GUARD",
  "COALESCER",
  "IDEMPOTENCY_STORE",
  "CHAT_SESSION",
  "WORKFLOW_RUN",
  "SETTINGS",
  "PLAN_WATCHER",
  "CONSOLE_FEED",
] as const satisfies readonly (keyof Bindings)[];
