import type { EngineRole, Role } from "../db/schema";
import type { Bindings } from "../env/bindings";
import { readConfig, type Config } from "../env/config";
import { createLogger, logLevelOf, type LogFields, type Logger } from "../observability/logger";
import { traceFrom, type TraceContext } from "../observability/trace";

/** Who a piece of work is done for: the user behind a request, a chat message or a workflow run. */
export interface Actor {
  username: string;
  role: Role;
  /** Roles per engine (name in lower case) replacing `role` there. */
  engineRoles?: Readonly<Record<string, EngineRole>>;
  /** The engine the actor's work goes to when it names none. */
  defaultEngine?: string;
}

/** An HWA engine's credentials, as its requests send them. */
export type EngineCredentials = { username: string; password: string } | { apiKey: string };

/**
 * The HWA engine a piece of work talks to (PROD, HML, DR...), resolved from the engine registry: its name, where it
 * is, how to sign in, and the namespace of its cached reads. Plain data; the credentials never leave the Worker.
 */
export interface EngineTarget {
  readonly name: string;
  readonly baseUrl: string;
  readonly credentials: EngineCredentials;
  /** Inserted in every cache key of this engine; "" for the environment's `default` engine (keys as before). */
  readonly cacheNamespace: string;
  /** The registry's default engine at the time it was resolved. */
  readonly isDefault: boolean;
  /** The only enabled engine (a single-engine deployment): links to its objects need not name it. */
  readonly sole: boolean;
}

/**
 * What every service takes instead of Hono's Context: the request's, a Durable Object alarm's or a queue batch's
 * configuration, logger, correlation id, trace, identity and `waitUntil`. Built at the HTTP edge by `scopeOf(c)`,
 * elsewhere by `backgroundScope`.
 */
export interface Scope {
  readonly env: Bindings;
  /** Parsed once per bindings object; throws ConfigError (named variables, never values) when invalid. */
  readonly config: Config;
  readonly log: Logger;
  readonly correlationId: string;
  readonly trace: TraceContext;
  /** Who acts; absent for the service's own work (retention, queue consumers). */
  readonly actor?: Actor;
  /** The client's address, for the audit trail. */
  readonly ip?: string;
  /** The HWA engine this work reads and acts on; absent: the environment's engine (HWA_BASE_URL). */
  readonly engine?: EngineTarget;
  /** Keeps work going after the answer (the request's, or the object's own event). */
  waitUntil(promise: Promise<unknown>): void;
}

/** The same work on another engine: everything else (actor, correlation id, trace, log) stays. */
export function withEngine(scope: Scope, engine: EngineTarget): Scope {
  if (scope.engine === engine) return scope;
  return {
    env: scope.env,
    get config() {
      return scope.config;
    },
    log: scope.log,
    correlationId: scope.correlationId,
    trace: scope.trace,
    ...(scope.actor ? { actor: scope.actor } : {}),
    ...(scope.ip ? { ip: scope.ip } : {}),
    engine,
    waitUntil: (promise) => scope.waitUntil(promise),
  };
}

export interface BackgroundScopeInit {
  env: Bindings;
  waitUntil(promise: Promise<unknown>): void;
  actor?: Actor;
  ip?: string;
  /** The correlation id of the request that caused this work, so its log lines and audit events line up. */
  correlationId?: string;
  traceparent?: string;
  /** Fields on every log line of this work, e.g. `{ run_id }`. */
  logFields?: LogFields;
}

/** A scope outside any HTTP request: a Durable Object's alarm or RPC, a queue consumer, the cron. */
export function backgroundScope(init: BackgroundScopeInit): Scope {
  const correlationId = init.correlationId ?? crypto.randomUUID();
  const trace = traceFrom(init.traceparent);
  const log = createLogger(logLevelOf(init.env), {
    correlation_id: correlationId,
    trace_id: trace.traceId,
    ...init.logFields,
  });
  return {
    env: init.env,
    get config() {
      return readConfig(init.env);
    },
    log,
    correlationId,
    trace,
    ...(init.actor ? { actor: init.actor } : {}),
    ...(init.ip ? { ip: init.ip } : {}),
    waitUntil: init.waitUntil,
  };
}
