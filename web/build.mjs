// The Worker's static assets (`[assets]` in wrangler.toml), built into dist/assets from what is installed, so no
// page needs the network: the operator console (web/index.html and web/src, bundled by Vite into hashed files under
// /app/), web/public as it is, and Swagger UI from the pinned swagger-ui-dist package under /docs/.
// wrangler runs it before `wrangler dev` and `wrangler deploy` (`[build]`); the tests' setup runs it before workerd.
import { cpSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

export const ASSETS_DIRECTORY = fileURLToPath(new URL("../dist/assets", import.meta.url));
const WEB_DIRECTORY = fileURLToPath(new URL(".", import.meta.url));
/** Where the console's bundles go: content-hashed names, cached for a year (web/public/_headers). */
const BUNDLE_DIRECTORY = "app";

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

/** The console through Vite: external files only (the CSP allows no inline script or style), no source maps. */
async function buildConsole() {
  const output = await build({
    configFile: false,
    root: WEB_DIRECTORY,
    publicDir: "public",
    logLevel: "warn",
    oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
    build: {
      outDir: ASSETS_DIRECTORY,
      // Never emptied first, so a running `wrangler dev` keeps serving; earlier bundles are removed afterwards.
      emptyOutDir: false,
      assetsDir: BUNDLE_DIRECTORY,
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      target: "es2022",
    },
  });
  const written = new Set(
    [output]
      .flat()
      .flatMap((result) => ("output" in result ? result.output : []))
      .map((file) => file.fileName),
  );
  const bundles = join(ASSETS_DIRECTORY, BUNDLE_DIRECTORY);
  for (const name of readdirSync(bundles)) {
    if (!written.has(`${BUNDLE_DIRECTORY}/${name}`)) rmSync(join(bundles, name));
  }
}

/** Builds every asset over what is there. */
export async function buildAssets() {
  await buildConsole();
  const swaggerUi = createRequire(import.meta.url)("swagger-ui-dist/absolute-path.js")();
  for (const file of SWAGGER_UI_FILES) cpSync(join(swaggerUi, file), join(ASSETS_DIRECTORY, "docs", file));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildAssets();
  console.log(`assets      ${ASSETS_DIRECTORY} (the console, web/public and Swagger UI under /docs/)`);
}
