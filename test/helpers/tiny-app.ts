import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { Hono, type MiddlewareHandler } from "hono";
import type { Identity } from "../../src/platform/auth/identity";
import type { Bindings } from "../../src/platform/env/bindings";
import type { AppEnv } from "../../src/platform/http/app-env";
import { onError } from "../../src/platform/http/errors";
import { requestContext } from "../../src/platform/http/request-context";

export interface HandlerCall {
  method: string;
  path: string;
  body: string;
}

/** An identity as authentication would set it; `via: "cookie"` for a console session. */
export function identityOf(username: string, overrides: Partial<Identity> = {}): Identity {
  const now = Math.floor(Date.now() / 1000);
  return {
    username,
    role: "operator",
    jti: `session-${username}`,
    iat: now,
    exp: now + 600,
    via: "bearer",
    ...overrides,
  };
}

/**
 * A tiny app to test platform middleware on, whatever the routes behind it: the request context, an identity when
 * the test gives one (standing in for authentication), the middleware under test, and a handler on every path that
 * counts its calls and echoes the body it received. Errors become problem+json as in the Worker.
 */
export function tinyApp(middleware: MiddlewareHandler<AppEnv>[], options: { identity?: Identity } = {}) {
  const calls: HandlerCall[] = [];
  const app = new Hono<AppEnv>().use(requestContext());
  if (options.identity) {
    const identity = options.identity;
    app.use(async (c, next) => {
      c.set("identity", identity);
      await next();
    });
  }
  for (const handler of middleware) app.use(handler);
  app.all("*", async (c) => {
    // As bytes: .text() on a form body makes workerd warn that the text may be corrupted.
    const body = new TextDecoder().decode(await c.req.arrayBuffer());
    calls.push({ method: c.req.method, path: c.req.path, body });
    return c.json({ body });
  });
  app.onError(onError);

  /** One request through the app's fetch, as the Worker would call it, its background work awaited. */
  async function send(path: string, init: RequestInit = {}, bindings: Bindings = env): Promise<Response> {
    const ctx = createExecutionContext();
    const response = await app.fetch(new Request(`https://resync.test${path}`, init), bindings, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  }
  return { app, calls, send };
}
