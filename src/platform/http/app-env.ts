import type { Bindings } from "../env/bindings";
import type { Logger } from "../observability/logger";
import type { TraceContext } from "../observability/trace";

/** Values every request carries through the middleware chain. */
export interface RequestVariables {
  correlationId: string;
  trace: TraceContext;
  log: Logger;
}

export type AppEnv = { Bindings: Bindings; Variables: RequestVariables };
