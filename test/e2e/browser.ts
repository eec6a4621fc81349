// Debian's Chromium driven by playwright-core: nothing is downloaded (the machine's network is closed), so the
// browser must be installed first — `.ci/run` does it; by hand: `apt-get install -y chromium`.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

/** Chromium's flags on this machine: headless, and no background traffic that a closed network would refuse. */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(
      `Chromium is not installed at ${path}. Install Debian's package: apt-get update && apt-get install -y chromium ` +
        "(or set CHROMIUM_PATH to a Chromium binary). The e2e tests download no browser.",
    );
  }
  return path;
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * A fresh browser (its own --user-data-dir) whose language is `locale`, acting as the client `ip` (wrangler dev
 * passes CF-Connecting-IP through: each file signs in from its own address, under the 5-a-minute login limit).
 */
export async function openBrowser(options: { locale: string; ip: string }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "resync-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: FLAGS,
    locale: options.locale,
    viewport: { width: 1440, height: 900 },
    extraHTTPHeaders: { "CF-Connecting-IP": options.ip },
    permissions: ["clipboard-read", "clipboard-write"],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
