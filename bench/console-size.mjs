// `node bench/console-size.mjs`: what a first visit to the console downloads, against issue #15's budgets — at most
// 60 KiB of gzip JavaScript and 150 KiB in all. Builds the assets (web/build.mjs), reads dist/assets/index.html,
// and weighs the page and everything it loads before the first paint (scripts, module preloads, styles, icon),
// raw and gzip at level 6 (what a server compresses with by default; brotli, which Cloudflare prefers, is smaller).
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ASSETS_DIRECTORY, buildAssets } from "../web/build.mjs";
import { revision } from "./lib/revision.mjs";

const BUDGET_JS_KIB = 60;
const BUDGET_TOTAL_KIB = 150;
const RESULTS = new URL("results/", import.meta.url);

await buildAssets();
const html = readFileSync(join(ASSETS_DIRECTORY, "index.html"));
const references = [...html.toString().matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]);
const files = [
  { path: "/index.html", bytes: html },
  ...references.map((path) => ({
    path: /** @type {string} */ (path),
    bytes: readFileSync(join(ASSETS_DIRECTORY, /** @type {string} */ (path))),
  })),
].map(({ path, bytes }) => ({ path, raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length }));

const kib = (/** @type {number} */ bytes) => Math.round((bytes / 1024) * 10) / 10;
const js = files.filter((file) => file.path.endsWith(".js"));
const totals = {
  jsGzipKiB: kib(js.reduce((sum, file) => sum + file.gzip, 0)),
  totalGzipKiB: kib(files.reduce((sum, file) => sum + file.gzip, 0)),
  totalRawKiB: kib(files.reduce((sum, file) => sum + file.raw, 0)),
};
const verdict = {
  js: totals.jsGzipKiB <= BUDGET_JS_KIB ? "met" : "NOT met",
  total: totals.totalGzipKiB <= BUDGET_TOTAL_KIB ? "met" : "NOT met",
};
const { commit } = revision();
const at = new Date().toISOString();

const rows = files.map((f) => `| \`${f.path}\` | ${kib(f.raw)} | ${kib(f.gzip)} |`).join("\n");
const markdown = `# Console first load

\`node bench/console-size.mjs\` at commit ${commit} — ${at}, Node ${process.version}.
What the first visit to \`/\` downloads before the console paints: the page and every script, module preload,
stylesheet and icon it names (no other request is needed to draw the sign-in page). gzip at level 6.

| file | raw KiB | gzip KiB |
| --- | ---: | ---: |
${rows}
| **all** | ${totals.totalRawKiB} | **${totals.totalGzipKiB}** |

JavaScript: **${totals.jsGzipKiB} KiB** gzip (budget ≤ ${BUDGET_JS_KIB} KiB: ${verdict.js}); everything: **${totals.totalGzipKiB} KiB** gzip (budget ≤ ${BUDGET_TOTAL_KIB} KiB: ${verdict.total}).
`;
writeFileSync(new URL("console-size.md", RESULTS), markdown);
writeFileSync(
  new URL("console-size.json", RESULTS),
  `${JSON.stringify({ commit, at, node: process.version, cpus: os.cpus().length, files, totals, verdict }, null, 2)}\n`,
);
console.log(markdown);
if (verdict.js !== "met" || verdict.total !== "met") process.exitCode = 1;
