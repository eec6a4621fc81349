// The Worker's static assets (`[assets]` in wrangler.toml), built into dist/assets from what is installed, so no
// page needs the network: web/public as it is, and Swagger UI from the pinned swagger-ui-dist package under /docs/.
// wrangler runs it before `wrangler dev` and `wrangler deploy` (`[build]`); the tests' setup runs it before workerd.
import { cpSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ASSETS_DIRECTORY = fileURLToPath(new URL("../dist/assets", import.meta.url));
const PUBLIC_DIRECTORY = fileURLToPath(new URL("public", import.meta.url));

/** What swagger-ui-dist's index.html loads, but its swagger-initializer.js (the petstore's): ours is in web/public. */
const SWAGGER_UI_FILES = [
  "index.html",
  "index.css",
  "swagger-ui.css",
  "swagger-ui-bundle.js",
  "swagger-ui-standalone-preset.js",
  "favicon-16x16.png",
  "favicon-32x32.png",
];

/** Copies the assets over what is there (never emptied first, so a running `wrangler dev` keeps serving). */
export function buildAssets() {
  const swaggerUi = createRequire(import.meta.url)("swagger-ui-dist/absolute-path.js")();
  for (const file of SWAGGER_UI_FILES) cpSync(join(swaggerUi, file), join(ASSETS_DIRECTORY, "docs", file));
  cpSync(PUBLIC_DIRECTORY, ASSETS_DIRECTORY, { recursive: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildAssets();
  console.log(`assets      ${ASSETS_DIRECTORY} (web/public and Swagger UI under /docs/)`);
}
