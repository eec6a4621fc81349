import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";

/**
 * Parses a `.dev.vars` file (dotenv syntax: KEY=value, KEY="value", # comments).
 * @param {string} text @returns {Record<string, string>}
 */
export function parseDevVars(text) {
  /** @type {Record<string, string>} */
  const vars = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trimStart().startsWith("#")) continue;
    // Both groups always take part in a match.
    vars[/** @type {string} */ (match[1])] = /** @type {string} */ (match[2]).replace(/^"(.*)"$/, "$1");
  }
  return vars;
}

/**
 * Makes sure `.dev.vars` holds random local secrets; keeps whatever the developer already set.
 * @param {string} path @returns {{ vars: Record<string, string>, created: boolean }}
 */
export function ensureDevVars(path) {
  const existed = existsSync(path);
  const vars = existed ? parseDevVars(readFileSync(path, "utf8")) : {};
  const generated = {
    JWT_SECRET: () => randomBytes(32).toString("base64url"),
    CSRF_SECRET: () => randomBytes(32).toString("base64url"),
    // Seals the credentials of engines registered through /api/v1/engines (AES-GCM at rest).
    ENGINE_KEY: () => randomBytes(32).toString("base64url"),
    // The local HWA simulator is started with these credentials.
    HWA_USERNAME: () => "twsuser",
    HWA_PASSWORD: () => randomBytes(12).toString("base64url"),
  };
  const missing = Object.keys(generated).filter((name) => !vars[name]);
  for (const name of missing) vars[name] = generated[/** @type {keyof typeof generated} */ (name)]();
  if (missing.length > 0) {
    const lines = Object.entries(vars).map(([key, value]) => `${key}="${value}"`);
    const header = "# Local secrets for `npm run dev`, generated at random; never commit this file.";
    writeFileSync(path, `${header}\n${lines.join("\n")}\n`, { mode: 0o600 });
  }
  return { vars, created: !existed };
}
