// An operator's day, in one browser, one step after the other: sign in, find an ABEND job by keyboard, read its
// log, rerun it (a double click acts once), ask the chat in Portuguese and confirm its action with one click,
// create a workflow (the session expires in the middle: nothing typed is lost) and run it, find it in the audit
// trail, sign out.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Browser, openBrowser } from "./browser";
import { eventually, forceStatus, hwaCalls, uniqueJobs } from "./plan";

const base = inject("baseUrl");
const hwaUrl = inject("hwaUrl");
const password = inject("adminPassword");

let browser: Browser;
let page: Page;
let abended: { id: string; name: string };

beforeAll(async () => {
  browser = await openBrowser({ locale: "en-US", ip: "10.20.0.1" });
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(where: Page | ReturnType<Page["locator"]>) {
  await where.getByLabel("Username").fill("admin");
  await where.getByLabel("Password").fill(password);
  await where.getByRole("button", { name: "Sign in" }).click();
}

const focusedRow = () =>
  page.evaluate(() => {
    const row = document.activeElement?.closest("tr");
    return row ? { status: row.querySelector(".badge")?.textContent, name: document.activeElement?.textContent } : null;
  });

describe.sequential("an operator's day in the console", () => {
  it("signs in", async () => {
    await page.goto(`${base}/`);
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await signIn(page);
    await page.getByRole("heading", { name: "Job board" }).waitFor();
    await page.locator("table.jobs tbody tr").first().waitFor();
  });

  it("switches language in place, and back", async () => {
    await page.getByRole("button", { name: "Português" }).click();
    await page.getByRole("heading", { name: "Painel de jobs" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("pt-BR");
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Job board" }).waitFor();
  });

  it("filters the board: / to the name filter, a * wildcard, a status group with its count, and back", async () => {
    const rows = page.locator("table.jobs tbody tr");
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("filter-name");
    await page.keyboard.type("LOAD_STORE*");
    const names = await eventually(
      () => page.locator("table.jobs a.job-link").allTextContents(),
      (shown) => shown.length > 0 && shown.every((name) => name.startsWith("LOAD_STORE")),
    );
    const running = page.getByRole("button", { name: /^Running \d+$/ });
    const count = Number((await running.textContent())!.replace(/\D/g, ""));
    await running.click();
    expect(await running.getAttribute("aria-pressed")).toBe("true");
    expect(await rows.count()).toBe(count);
    expect(count).toBeLessThanOrEqual(names.length);

    await page.getByRole("button", { name: /^All \d+$/ }).click();
    await page.locator("#filter-name").fill("");
    await eventually(
      () => rows.count(),
      (shown) => shown > names.length,
    );
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  });

  it("finds an ABEND job by keyboard: j moves down the board, failed jobs first; Enter opens it", async () => {
    const firstGroup = await page.locator("table.jobs tbody tr .badge").first().textContent();
    expect(["ABEND", "FAIL"]).toContain(firstGroup);
    let row = null;
    for (let presses = 0; presses < 30; presses += 1) {
      await page.keyboard.press("j");
      row = await focusedRow();
      if (row?.status === "ABEND") break;
    }
    expect(row?.status).toBe("ABEND");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: `Job ${row!.name}` }).waitFor();
    abended = { id: decodeURIComponent(new URL(page.url()).hash.replace("#/jobs/", "")), name: row!.name! };
  });

  it("reads its log: error lines highlighted, the next error one click away, the whole log copied", async () => {
    const view = page.locator(".log-view");
    await view.waitFor();
    expect(await page.locator(".log-line").count()).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Next error" }).click();
    await page.getByText(/^Error 1 of \d+$/).waitFor();
    const current = page.locator(".log-line.log-current");
    expect(await current.getAttribute("class")).toContain("log-error");

    await page.getByRole("button", { name: "Copy log" }).click();
    await page.getByText("Copied to the clipboard.").waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const log = await (await page.request.get(`${base}/api/v1/jobs/${encodeURIComponent(abended.id)}/log`)).text();
    expect(copied).toBe(log);
  });

  it("reruns it after a confirmation that says what will happen; a double click acts once", async () => {
    const rerunsBefore = await hwaCalls(hwaUrl, "rerun");
    const runsBefore = await jobRuns(abended.id);
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().includes("/actions/rerun"))
        posts.push(request.headers()["idempotency-key"] ?? "");
    });

    await page.getByRole("button", { name: "Rerun", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Rerun job ${abended.name}?` });
    await dialog.getByText(`HWA will run ${abended.name} again now`).waitFor();
    await dialog.getByRole("button", { name: "Rerun now" }).dblclick();
    await page.getByText(`HWA accepted: Rerun of ${abended.name}.`).waitFor();

    expect(await hwaCalls(hwaUrl, "rerun")).toBe(rerunsBefore + 1);
    expect(await jobRuns(abended.id)).toBe(runsBefore + 1);
    expect(new Set(posts).size).toBe(1); // however many requests the clicks made, one Idempotency-Key
  });

  it("shows a 409's reason in words when the job changed under the dialog", async () => {
    const [held] = await uniqueJobs(page.request, base, "HOLD");
    await page.goto(`${base}/#/jobs/${encodeURIComponent(held!.id)}`);
    await page.getByRole("heading", { name: `Job ${held!.name}` }).waitFor();
    await page.getByRole("button", { name: "Release", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await forceStatus(hwaUrl, held!.id, "EXEC");
    await dialog.getByRole("button", { name: "Release now" }).click();
    await dialog.getByText(/^Not done: Job .* is in EXEC; release needs HOLD or READY$/).waitFor();
    await dialog.getByRole("button", { name: "Close" }).click();
  });

  it("asks the chat in Portuguese and confirms the action it proposes with one click", async () => {
    // A held job stays held until released (a ready one may start any second): the chat is asked to release one.
    const [, target] = await uniqueJobs(page.request, base, "HOLD");
    const releasesBefore = await hwaCalls(hwaUrl, "release");
    const chat = page.getByRole("complementary", { name: "Chat" });
    await chat.getByText("Connected").waitFor();
    await chat.getByLabel("Message").fill(`libera o job ${target!.name} do ${target!.job_stream}`);
    await chat.getByRole("button", { name: "Send" }).click();
    await chat.getByText(`Waiting for your confirmation: release of job ${target!.name}.`).waitFor();
    await chat.getByText(/— confirma\?/).waitFor();
    await chat.getByRole("button", { name: "Confirm" }).click();
    await chat.getByText(`Feito: release do job ${target!.name} aceito pelo HWA`, { exact: false }).waitFor();
    expect(await hwaCalls(hwaUrl, "release")).toBe(releasesBefore + 1);
  });

  it("creates a workflow, checked as it is typed; a session that expires meanwhile loses nothing", async () => {
    const [done] = await uniqueJobs(page.request, base, "SUCC");
    const reference = `${done!.workstation}#${done!.job_stream}.${done!.name}`;
    await page.getByRole("link", { name: "Workflows" }).click();
    await page.getByRole("link", { name: "New workflow" }).click();
    await page.getByLabel("Name").fill("E2E check");
    await page.getByLabel("Action").selectOption("assert-status");
    await page.getByLabel("Job", { exact: true }).fill("not a job");
    await page.getByLabel("Statuses").focus();
    await page.getByText("An HWA job id or WORKSTATION#JOBSTREAM.JOB.").waitFor();
    await page.getByLabel("Job", { exact: true }).fill(reference);
    await page.getByLabel("Statuses").fill("SUCC");
    expect(await page.getByText("An HWA job id or WORKSTATION#JOBSTREAM.JOB.").count()).toBe(0);

    await browser.context.clearCookies(); // the session ends while the operator types
    await page.getByRole("button", { name: "Save" }).click();
    const expired = page.getByRole("dialog", { name: "Your session expired" });
    await expired.waitFor();
    await signIn(expired);
    await expired.waitFor({ state: "detached" });
    expect(await page.getByLabel("Name").inputValue()).toBe("E2E check");
    expect(await page.getByLabel("Job", { exact: true }).inputValue()).toBe(reference);

    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { name: "Workflow E2E check" }).waitFor();
  });

  it("runs it and follows the run live until it succeeds", async () => {
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await page
      .getByRole("dialog", { name: "Run workflow E2E check?" })
      .getByRole("button", { name: "Run now" })
      .click();
    await page.getByRole("heading", { name: /^Run [0-9a-f]{8}/ }).waitFor();
    await page.locator("#run-title .badge", { hasText: "succeeded" }).waitFor();
    expect(await page.locator(".run-step .badge").allTextContents()).toEqual(["succeeded"]);
  });

  it("finds the run in the audit trail as admin", async () => {
    await page.getByRole("link", { name: "Audit" }).click();
    await page.getByLabel("Action").fill("workflow.*");
    await eventually(
      async () => {
        await page.getByRole("button", { name: "Search" }).click();
        await page.locator("table.audit, p:has-text('No event matches')").first().waitFor();
        return page.locator("table.audit tbody tr", { hasText: "workflow.run" }).count();
      },
      (rows) => rows > 0,
    );
    const row = page.locator("table.audit tbody tr", { hasText: "workflow.run" }).first();
    expect(await row.textContent()).toContain("admin");
  });

  it("signs out", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect((await page.request.get(`${base}/api/v1/auth/me`)).status()).toBe(401);
  });
});

async function jobRuns(id: string): Promise<number> {
  const job = (await (await page.request.get(`${base}/api/v1/jobs/${encodeURIComponent(id)}`)).json()) as {
    runs: unknown[];
  };
  return job.runs.length;
}
