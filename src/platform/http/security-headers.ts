import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

/** Content Security Policy for HTML: nothing from another origin, no inline code (static assets: web/public/_headers). */
export const HTML_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const headers = secureHeaders({
  strictTransportSecurity: "max-age=31536000; includeSubDomains",
  xFrameOptions: "DENY",
  xContentTypeOptions: "nosniff",
  referrerPolicy: "no-referrer",
  crossOriginResourcePolicy: "same-origin",
  crossOriginOpenerPolicy: "same-origin",
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
  removePoweredBy: true,
});

/** API.md's security headers on every response, a CSP on HTML, and no caching of API answers. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await headers(c, async () => {
      await next();
    });
    const type = c.res.headers.get("Content-Type") ?? "";
    if (type.startsWith("text/html")) c.res.headers.set("Content-Security-Policy", HTML_CSP);
    if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", "no-store");
  };
}
