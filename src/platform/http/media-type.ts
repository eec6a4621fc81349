import type { MiddlewareHandler } from "hono";
import { Problem } from "./problem";

const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json$/;
const FORM_TYPE = "application/x-www-form-urlencoded";

/**
 * Requests that carry a body must say it is JSON (415 otherwise);
 * `formPaths` also accept an HTML form body (the OAuth2 password grant).
 */
export function mediaType(options: { formPaths?: string[] } = {}): MiddlewareHandler {
  const formPaths = new Set(options.formPaths ?? []);
  return async (c, next) => {
    if (c.req.raw.body === null || c.req.header("Content-Length") === "0") return next();
    const type = (c.req.header("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
    const allowsForm = formPaths.has(c.req.path);
    if (JSON_TYPE.test(type) || (allowsForm && type === FORM_TYPE)) return next();
    const expected = allowsForm ? `application/json or ${FORM_TYPE}` : "application/json";
    throw new Problem({
      status: 415,
      kind: "unsupported-media-type",
      detail: `Content-Type must be ${expected}`,
      headers: { "Accept-Post": expected.replace(" or ", ", ") },
    });
  };
}
