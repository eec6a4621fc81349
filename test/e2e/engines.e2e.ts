// Two HWA engines in one console: a second simulator (another seed, so other job ids) registered as HML. The picker
// appears, each board shows its own engine's jobs, a job page names its engine in its link and its facts, an action
// says where it goes and reaches that engine's HWA only. HML is removed at the end: the other files see one engine.
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startHwaSimulator } from "../../dev/hwa-simulator/server.mjs";
import { type Browser, openBrowser, signInAsAdmin } from "./browser";
import { hwaCalls, type PlanJob } from "./plan";

const base = inject("baseUrl");
const hwaUrl = inject("hwaUrl");
const password = inject("adminPassword");

let browser: Browser;
let page: Page;
let hml: Awaited<ReturnType<typeof startHwaSimulator>>;

/** An admin call through the page's own session (cookie, CSRF token, same origin). */
async function adminCall(method: "POST" | "DELETE", path: string, body?: unknown) {
  const { csrf_token } = (await (await page.request.get(`${base}/api/v1/auth/csrf`)).json()) as { csrf_token: string };
  const response = await page.request.fetch(`${base}${path}`, {
    method,
    headers: { "X-CSRF-Token": csrf_token, Origin: base, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
}

async function jobsOn(path: string) {
  const response = await page.request.get(`${base}${path}`);
  expect(response.status(), `GET ${path}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { items: PlanJob[] }).items;
}

beforeAll(async () => {
  const credentials = { username: "e2e-hml", password: crypto.randomUUID() };
  hml = await startHwaSimulator({ port: 0, seed: 11, timeScale: 0, ...credentials });
  browser = await openBrowser({ locale: "en-US", ip: "10.20.3.1" });
  page = browser.page;
  await signInAsAdmin(page, base, password);
  await adminCall("POST", "/api/v1/engines", {
    name: "HML",
    base_url: hml.url,
    auth: { kind: "basic", ...credentials },
  });
  await page.reload(); // the console reads the engines when a session starts
});
afterAll(async () => {
  await adminCall("DELETE", "/api/v1/engines/HML").catch(() => undefined);
  await browser?.close();
  await hml?.close();
});

describe.sequential("two engines in the console", () => {
  const picker = () => page.getByLabel("Engine", { exact: true });

  it("offers the engines, the default one chosen, with no serious accessibility problem", async () => {
    await picker().waitFor();
    expect(await picker().locator("option").allTextContents()).toEqual(["default (default)", "HML"]);
    expect(await picker().inputValue()).toBe("default");
    const violations = (await new AxeBuilder({ page }).analyze()).violations.filter(
      (violation) => violation.impact === "serious" || violation.impact === "critical",
    );
    expect(violations.map((violation) => violation.id)).toEqual([]);
  });

  it("shows HML's own jobs once HML is chosen, with links that name the engine", async () => {
    const onHml = new Set((await jobsOn("/api/v1/engines/HML/jobs?limit=500")).map((job) => job.id));
    const onDefault = new Set((await jobsOn("/api/v1/jobs?limit=500")).map((job) => job.id));
    await picker().selectOption("HML");
    await page.getByRole("heading", { name: "Job board HML" }).waitFor();
    expect(new URL(page.url()).hash).toBe("#/engines/HML");
    const first = page.locator("table.jobs a.job-link").first();
    await first.waitFor();
    const href = (await first.getAttribute("href"))!;
    expect(href).toMatch(/^#\/engines\/HML\/jobs\//);
    const id = decodeURIComponent(href.split("/").pop()!);
    expect(onHml.has(id)).toBe(true);
    expect(onDefault.has(id)).toBe(false);
  });

  it("acts on a job of HML: the dialog names the engine, and only HML's HWA receives the hold", async () => {
    const held = (await jobsOn("/api/v1/engines/HML/jobs?limit=500")).find(
      (job) => job.status === "READY" || job.status === "HOLD",
    )!;
    expect(held).toBeDefined();
    await page.goto(`${base}/#/engines/HML/jobs/${encodeURIComponent(held.id)}`);
    await page.reload(); // a shared link opens the same job on the same engine
    await page.getByRole("heading", { name: `Job ${held.name}` }).waitFor();
    await page.locator(".facts").getByText("HML", { exact: true }).waitFor();
    const holdsHere = await hwaCalls(hml.url, "hold");
    const holdsOnDefault = await hwaCalls(hwaUrl, "hold");
    await page.getByRole("button", { name: "Hold", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("On engine HML.").waitFor();
    await dialog.getByRole("button", { name: "Hold now" }).click();
    await page.getByText(`HWA accepted: Hold of ${held.name}.`).waitFor();
    expect(await hwaCalls(hml.url, "hold")).toBe(holdsHere + 1);
    expect(await hwaCalls(hwaUrl, "hold")).toBe(holdsOnDefault);

    await page.getByRole("link", { name: "Back to the job board" }).click();
    await page.getByRole("heading", { name: "Job board HML" }).waitFor();
    expect(new URL(page.url()).hash).toBe("#/engines/HML");
  });

  it("goes back to the default engine's board, never showing HML's jobs under its name", async () => {
    const onDefault = new Set((await jobsOn("/api/v1/jobs?limit=500")).map((job) => job.id));
    await picker().selectOption("default");
    await page.getByRole("heading", { name: "Job board default" }).waitFor();
    const first = page.locator("table.jobs a.job-link").first();
    await first.waitFor();
    const href = (await first.getAttribute("href"))!;
    expect(href).toMatch(/^#\/engines\/default\/jobs\//);
    expect(onDefault.has(decodeURIComponent(href.split("/").pop()!))).toBe(true);
  });
});
