import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

/** Content Security Policy for HTML pages: scripts and styles only from here and the pinned CDN. */
export const HTML_CSP = [
  "default-src 'none'",
  "script-src 'self' https://cdn.jsdelivr.net",
  "style-src 'self' https://cdn.jsdelivr.net",
  "img-src 'self' data: https://cdn.jsdelivr.net",
  "connect-src 'self'",
  "font-src 'self' https://cdn.jsdelivr.net",
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
