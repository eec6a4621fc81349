import type { Identity } from "../auth/identity";
import type { Bindings } from "../env/bindings";
import type { Logger } from "../observability/logger";
import type { TraceContext } from "../observability/trace";

/** Values every request carries through the middleware chain. */
export interface RequestVariables {
  correlationId: string;
  trace: TraceContext;
  log: Logger;
  /** Set when the request carries a valid, unrevoked token or session. */
  identity?: Identity;
  /** Why credentials that came with the request were not accepted. */
  credentialProblem?: string;
}

export type AppEnv = { Bindings: Bindings; Variables: RequestVariables };
