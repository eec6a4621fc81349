import type { Identity } from "../auth/identity";
import type { Bindings } from "../env/bindings";
import type { Logger } from "../observability/logger";
import type { TraceContext } from "../observability/trace";
import type { Scope } from "../scope/scope";

/** Values every request carries through the middleware chain. */
export interface RequestVariables {
  correlationId: string;
  trace: TraceContext;
  log: Logger;
  /** Set when the request carries a valid, unrevoked token or session. */
  identity?: Identity;
  /** Why credentials that came with the request were not accepted. */
  credentialProblem?: string;
  /** The request as services see it (see `scopeOf`). */
  scope?: Scope;
}

export type AppEnv = { Bindings: Bindings; Variables: RequestVariables };
