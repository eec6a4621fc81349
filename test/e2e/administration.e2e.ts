// The admin's pages at work: accounts created and changed through the form (each change rotates the CSRF token, and
// the next one still goes through), a locked account unlocked, and maintenance mode turned on (readiness answers 503)
// and off again.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Browser, openBrowser, signInAsAdmin } from "./browser";

const base = inject("baseUrl");
const password = inject("adminPassword");

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser({ locale: "en-US", ip: "10.20.2.1" });
  page = browser.page;
  await signInAsAdmin(page, base, password);
});
afterAll(async () => {
  await browser?.close();
});

describe.sequential("administration in the console", () => {
  const username = `night-operator-${Date.now() % 100_000}`;
  const row = () => page.locator("tr", { has: page.getByRole("cell", { name: username, exact: true }) });

  it("creates an account, changes its role, disables it and resets its password", async () => {
    await page.getByRole("link", { name: "Users" }).click();
    await page.getByRole("heading", { name: "Users" }).waitFor();
    await page.locator("#new-username").fill(username);
    await page.locator("#new-password").fill("correct horse battery staple");
    await page.locator("#new-role").selectOption("operator");
    await page.getByRole("button", { name: "Create" }).click();
    await row().waitFor();

    // Two changes at once, as a quick admin makes them: the second goes after the first's answer, with the session
    // that answer rotated (sent before it, it would carry the retired one and answer 401).
    await row().getByLabel(`Role of ${username}`).selectOption("viewer");
    await row().getByRole("button", { name: "Disable" }).click();
    await row().getByText("disabled", { exact: true }).waitFor();
    await row().getByRole("button", { name: "Reset password" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("New password (at least 12 characters)").fill("another long passphrase");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });

    const accounts = (await (await page.request.get(`${base}/api/v1/users`)).json()) as {
      items: { username: string; role: string; disabled: boolean }[];
    };
    expect(accounts.items.find((account) => account.username === username)).toMatchObject({
      role: "viewer",
      disabled: true,
    });
  });

  it("unlocks an account that wrong passwords locked", async () => {
    const locked = `locked-operator-${Date.now() % 100_000}`;
    const secret = "a long and correct passphrase";
    await page.locator("#new-username").fill(locked);
    await page.locator("#new-password").fill(secret);
    await page.getByRole("button", { name: "Create" }).click();
    await page.locator("tr", { has: page.getByRole("cell", { name: locked, exact: true }) }).waitFor();
    const signIn = (password: string, n: number) =>
      fetch(`${base}/token`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "CF-Connecting-IP": `10.20.9.${n}` },
        body: JSON.stringify({ username: locked, password }),
      });
    for (let n = 1; n <= 5; n++) expect((await signIn("wrong password", n)).status).toBe(401);
    expect((await signIn(secret, 6)).status).toBe(429);

    await page
      .locator("tr", { has: page.getByRole("cell", { name: locked, exact: true }) })
      .getByRole("button", { name: "Unlock" })
      .click();
    await page.getByText(`${locked} can sign in again.`).waitFor();
    expect((await signIn(secret, 7)).status).toBe(200);
  });

  it("turns maintenance mode on (readiness answers 503) and off", async () => {
    await page.getByRole("link", { name: "Maintenance" }).click();
    await page.getByText("Off: Resync accepts changes.").waitFor();
    await page.getByLabel("Maintenance mode is on").check();
    await page.getByLabel("Message to operators").fill("HWA upgrade; back at 06:00");
    try {
      await page.getByRole("button", { name: "Save" }).click();
      await page.getByText(/^On: changes from everyone but admins are refused/).waitFor();
      expect((await fetch(`${base}/health/ready`)).status).toBe(503);
    } finally {
      await page.getByLabel("Maintenance mode is on").uncheck();
      await page.getByRole("button", { name: "Save" }).click();
      await page.getByText("Off: Resync accepts changes.").waitFor();
    }
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
  });
});
