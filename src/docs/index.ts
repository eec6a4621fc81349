import { Hono } from "hono";
import type { AppEnv } from "../platform/http/app-env";

// Swagger UI from the CDN, pinned and checked by Subresource Integrity; our own script, so the CSP needs no inline code.
const SWAGGER_UI = "https://cdn.jsdelivr.net/npm/swagger-ui-dist@5.32.0";
const BUNDLE_SRI = "sha384-7xcoc6ZKDFF7Ek627QTC3Bg/K+5Y36NJ8MWAE43D2m6+3Sh9XO3tdsfHhrS8gNIQ";
const CSS_SRI = "sha384-3nuX7df3EaAoiqLBeyS1Ola0Gpg9ryJKVtarubwfnA1cOH8AWHUdbPSIvEqPZ9VH";

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Resync API reference</title>
<link rel="stylesheet" href="${SWAGGER_UI}/swagger-ui.css" integrity="${CSS_SRI}" crossorigin="anonymous">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${SWAGGER_UI}/swagger-ui-bundle.js" integrity="${BUNDLE_SRI}" crossorigin="anonymous"></script>
<script src="/docs/init.js"></script>
</body>
</html>
`;

const init = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
`;

/** `/docs`: an interactive reference over `/openapi.json`. */
export const docsRoutes = new Hono<AppEnv>()
  .get("/docs", (c) => c.html(page))
  .get("/docs/init.js", (c) => c.body(init, 200, { "Content-Type": "text/javascript; charset=utf-8" }));
