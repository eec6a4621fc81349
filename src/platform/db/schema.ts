import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const timestamps = {
  createdAt: integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
};

export const roles = ["viewer", "operator", "admin"] as const;
export type Role = (typeof roles)[number];

/** People who may use Resync; passwords are PBKDF2-SHA256 hashes with the salt and iteration count beside them. */
export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  username: text("username").notNull().unique(),
  role: text("role", { enum: roles }).notNull(),
  passwordHash: text("password_hash").notNull(),
  passwordSalt: text("password_salt").notNull(),
  passwordIterations: integer("password_iterations").notNull(),
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  /** The engine this user's HWA requests go to when they name none (null: the registry's default engine). */
  defaultEngine: text("default_engine"),
  /** Per-engine roles that replace `role` on that engine's HWA routes: `{"HML": "operator", "PROD": "viewer"}`. */
  engineRoles: text("engine_roles", { mode: "json" }).$type<Record<string, EngineRole>>(),
  ...timestamps,
});

/** The roles a per-engine grant may give: administration is not per engine. */
export const engineRoles = ["viewer", "operator"] as const;
export type EngineRole = (typeof engineRoles)[number];

export const engineAuthKinds = ["basic", "api_key", "environment"] as const;
export type EngineAuthKind = (typeof engineAuthKinds)[number];

/**
 * The HWA engines Resync talks to (PROD, HML, DR...). Credentials are sealed with AES-GCM under ENGINE_KEY
 * (src/platform/auth/sealed.ts): `credentials` holds the sealed text, never the secret. `environment`: the URL and
 * credentials are HWA_BASE_URL and HWA_USERNAME/HWA_PASSWORD/HWA_API_KEY (the engine the environment seeds).
 */
export const engines = sqliteTable("engines", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** As the admin wrote it (`PROD`); unique without regard to case through `nameKey`. */
  name: text("name").notNull(),
  nameKey: text("name_key").notNull().unique(),
  /** Null for an `environment` engine (HWA_BASE_URL). */
  baseUrl: text("base_url"),
  authKind: text("auth_kind", { enum: engineAuthKinds }).notNull(),
  credentials: text("credentials"),
  credentialsSetAt: integer("credentials_set_at", { mode: "timestamp_ms" }),
  isDefault: integer("is_default", { mode: "boolean" }).notNull().default(false),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  /** Bumped when the base URL changes: cached reads of the engine's former URL are never served for the new one. */
  revision: integer("revision").notNull().default(1),
  ...timestamps,
});

// "deleted" is a soft delete: the row stays for its runs' history, and is gone from the API.
export const workflowStatuses = ["active", "disabled", "deleted"] as const;

/** Stored runbooks: a named, versioned list of steps over HWA. */
export const workflows = sqliteTable(
  "workflows",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    description: text("description"),
    steps: text("steps", { mode: "json" }).notNull(),
    status: text("status", { enum: workflowStatuses }).notNull().default("active"),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").notNull(),
    ...timestamps,
  },
  (table) => [
    index("workflows_name_idx").on(table.name),
    index("workflows_status_idx").on(table.status),
    index("workflows_created_at_idx").on(table.createdAt),
    index("workflows_name_status_idx").on(table.name, table.status),
  ],
);

export const runStatuses = ["queued", "running", "succeeded", "failed", "cancelled"] as const;

/** One execution of a workflow, with each step's outcome. */
export const workflowRuns = sqliteTable(
  "workflow_runs",
  {
    id: text("id").primaryKey(),
    workflowId: integer("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    workflowVersion: integer("workflow_version").notNull(),
    status: text("status", { enum: runStatuses }).notNull(),
    requestedBy: text("requested_by").notNull(),
    correlationId: text("correlation_id"),
    /** The engine the run was started on (its steps act there unless they name another); null before engines. */
    engine: text("engine"),
    steps: text("steps", { mode: "json" }).notNull(),
    /** Why a run failed or was cancelled when no single step says it (e.g. its budget ran out). */
    error: text("error"),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  },
  (table) => [
    index("workflow_runs_workflow_started_idx").on(table.workflowId, table.startedAt),
    index("workflow_runs_started_idx").on(table.startedAt),
  ],
);

/** Append-only record of every state change: who did what to which target, and how it ended. */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The id the writer gave the event before queueing it: a redelivered event is inserted once. Null only on rows written before the queue. */
    eventId: text("event_id").unique(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    /** The action's first dot-separated word ("job" of "job.hold"), so `action=job.*` searches an index in time order. */
    actionFamily: text("action_family").generatedAlwaysAs(sql`substr(action, 1, instr(action || '.', '.') - 1)`, {
      mode: "virtual",
    }),
    target: text("target"),
    outcome: text("outcome").notNull(),
    correlationId: text("correlation_id"),
    ip: text("ip"),
    metadata: text("metadata", { mode: "json" }),
  },
  (table) => [
    index("audit_events_at_idx").on(table.at),
    index("audit_events_actor_at_idx").on(table.actor, table.at),
    index("audit_events_action_at_idx").on(table.action, table.at),
    index("audit_events_action_family_at_idx").on(table.actionFamily, table.at),
    index("audit_events_target_at_idx").on(table.target, table.at),
    index("audit_events_outcome_at_idx").on(table.outcome, table.at),
  ],
);

/** One row that readiness writes and reads back, proving the database takes writes. */
export const readinessProbes = sqliteTable("readiness_probes", {
  id: text("id").primaryKey(),
  checkedAt: integer("checked_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * Who is told about which plan events, and how (src/subscriptions). `owner` null: a shared subscription, managed by
 * admins. A webhook's signing secret is never stored: it is derived from `secret_nonce` (src/subscriptions/secret.ts).
 */
export const subscriptions = sqliteTable(
  "subscriptions",
  {
    id: text("id").primaryKey(),
    owner: text("owner"),
    events: text("events", { mode: "json" }).notNull(),
    match: text("match", { mode: "json" }).notNull(),
    target: text("target", { mode: "json" }).notNull(),
    quietHours: text("quiet_hours", { mode: "json" }),
    language: text("language").notNull(),
    /** Ends after its first notification (the chat's "notify me when PAYROLL finishes"). */
    oneShot: integer("one_shot", { mode: "boolean" }).notNull().default(false),
    secretNonce: text("secret_nonce"),
    /** When a one-shot subscription took its notification; it is then gone from the API. */
    consumedAt: integer("consumed_at", { mode: "timestamp_ms" }),
    createdBy: text("created_by").notNull(),
    ...timestamps,
  },
  (table) => [index("subscriptions_owner_idx").on(table.owner)],
);

export const deliveryStatuses = ["pending", "sent", "missed", "failed"] as const;

/**
 * One event for one subscription: unique by the pair, so however often the queue brings an event, a receiver gets it
 * once. `failed` rows are the dead letters admins see (`GET /api/v1/notifications/failed`).
 */
export const notificationDeliveries = sqliteTable(
  "notification_deliveries",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id").notNull(),
    subscriptionId: text("subscription_id").notNull(),
    event: text("event", { mode: "json" }).notNull(),
    status: text("status", { enum: deliveryStatuses }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** A delivery in progress holds its row until then, so two copies of its message never send at once. */
    claimedUntil: integer("claimed_until", { mode: "timestamp_ms" }),
    createdAt: timestamps.createdAt,
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  },
  (table) => [
    uniqueIndex("notification_deliveries_event_subscription_idx").on(table.eventId, table.subscriptionId),
    index("notification_deliveries_status_created_idx").on(table.status, table.createdAt),
    index("notification_deliveries_subscription_idx").on(table.subscriptionId),
  ],
);
