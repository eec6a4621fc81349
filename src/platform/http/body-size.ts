import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "./app-env";
import { Problem } from "./problem";

/** Refuses request bodies over `maxBytes(env)` with 413, whether Content-Length says so or the stream does. */
export function bodySize(maxBytes: (env: AppEnv["Bindings"]) => number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.raw.body === null) return next();
    const limit = maxBytes(c.env);
    const check = bodyLimit({
      maxSize: limit,
      onError: () => {
        throw new Problem({ status: 413, kind: "body-too-large", detail: `Request body exceeds ${limit} bytes` });
      },
    });
    return check(c, next);
  };
}
