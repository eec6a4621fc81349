// The bindings tests receive from `import { env } from "cloudflare:test"`: the Worker's own (wrangler.toml and the
// test bindings of vitest.config.ts). This pool version types that `env` as `Cloudflare.Env`; it has no ProvidedEnv.
import type { Bindings } from "../src/platform/env/bindings";

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {}
  }
}
