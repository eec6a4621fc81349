// A fresh Debian Chromium (test/e2e/chromium.mjs) driven by playwright-core, for one test file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { CHROMIUM_FLAGS, chromiumPath } from "./chromium.mjs";

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
    args: CHROMIUM_FLAGS,
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

/** Opens the console at `base` and signs in as `admin`; resolves once the job board shows. */
export async function signInAsAdmin(page: Page, base: string, password: string) {
  await page.goto(`${base}/`);
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Job board" }).waitFor();
}
