// Every page of the console in both languages (chosen by the browser's own language): axe-core finds no serious or
// critical violation, the keyboard reaches every control with a visible focus, and a screenshot of each page goes
// to docs/screenshots/<language>/ (shown in the README), with axe's counts in docs/screenshots/accessibility.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openBrowser } from "./browser";
import { uniqueJobs } from "./plan";

const base = inject("baseUrl");
const password = inject("adminPassword");
const SHOTS = fileURLToPath(new URL("../../docs/screenshots", import.meta.url));
const REPORT = join(SHOTS, "accessibility.json");

interface Words {
  locale: string;
  ip: string;
  signIn: string;
  board: string;
  question: string;
  rerun: string;
  workflowName: string;
  badJob: string;
  save: string;
  run: string;
  runNow: string;
  succeeded: string;
}

const languages: Record<"en" | "pt-BR", Words> = {
  en: {
    locale: "en-US",
    ip: "10.20.1.1",
    signIn: "Sign in",
    board: "Job board",
    question: "which jobs failed today?",
    rerun: "Rerun",
    workflowName: "Nightly checks",
    badJob: "An HWA job id or WORKSTATION#JOBSTREAM.JOB.",
    save: "Save",
    run: "Run",
    runNow: "Run now",
    succeeded: "succeeded",
  },
  "pt-BR": {
    locale: "pt-BR",
    ip: "10.20.1.2",
    signIn: "Entrar",
    board: "Painel de jobs",
    question: "quais jobs falharam hoje?",
    rerun: "Reexecutar (rerun)",
    workflowName: "Verificações da noite",
    badJob: "Um id de job do HWA ou ESTACAO#JOBSTREAM.JOB.",
    save: "Salvar",
    run: "Executar",
    runNow: "Executar agora",
    succeeded: "concluída",
  },
};

type Summary = Record<string, { violations: Record<string, number>; passes: number }>;
const summary: Summary = {};

/** axe on the page as it is; returns the serious and critical violations with where they are. */
async function audit(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const byImpact: Record<string, number> = {};
  for (const violation of results.violations) {
    const impact = violation.impact ?? "unknown";
    byImpact[impact] = (byImpact[impact] ?? 0) + violation.nodes.length;
  }
  summary[name] = { violations: byImpact, passes: results.passes.length };
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

/** Tabs through the page: every control reached shows a focus outline. Returns the ones that did not. */
async function focusWithoutOutline(page: Page, presses: number) {
  const missing: string[] = [];
  for (let press = 0; press < presses; press += 1) {
    await page.keyboard.press("Tab");
    // Read after the next frames: a date field moving focus between its inner segments is briefly unstyled.
    const focused = await page.evaluate(async () => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      let element: HTMLElement | null = null;
      for (let frames = 0; frames < 10; frames += 1) {
        await frame();
        element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        if (style.outlineStyle !== "none" && style.outlineWidth !== "0px") return { visible: true, what: "" };
      }
      return { visible: false, what: element?.outerHTML.slice(0, 80) ?? "" };
    });
    if (focused && !focused.visible) missing.push(focused.what);
  }
  return missing;
}

async function capture(page: Page, language: string, name: string) {
  mkdirSync(join(SHOTS, language), { recursive: true });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: join(SHOTS, language, `${name}.png`) });
  const problems = await audit(page, `${language}/${name}`);
  expect(problems, `${language}/${name}`).toEqual([]);
  expect(await focusWithoutOutline(page, 12), `${language}/${name}`).toEqual([]);
}

afterAll(() => {
  const previous = (() => {
    try {
      return JSON.parse(readFileSync(REPORT, "utf8")) as Summary;
    } catch {
      return {};
    }
  })();
  writeFileSync(REPORT, `${JSON.stringify({ ...previous, ...summary }, null, 2)}\n`);
});

describe.each(Object.entries(languages))("the console in %s", (language, words) => {
  it("passes axe and the keyboard on every page, and is photographed", async () => {
    const browser = await openBrowser({ locale: words.locale, ip: words.ip });
    const page = browser.page;
    try {
      await page.goto(`${base}/`);
      await page.getByRole("heading", { name: words.signIn, exact: true }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      await capture(page, language, "01-sign-in");

      await page.locator("#sign-in-username").fill("admin");
      await page.locator("#sign-in-password").fill(password);
      await page.locator("form.sign-in button[type=submit]").click();
      await page.getByRole("heading", { name: words.board }).waitFor();
      await page.locator("table.jobs tbody tr").first().waitFor();
      await page.locator("#chat-input").fill(words.question);
      await page.locator("#chat-input").press("Enter");
      await page.locator(".chat-suggestions button").first().waitFor();
      await capture(page, language, "02-job-board");

      const [failed] = await uniqueJobs(page.request, base, "ABEND");
      await page.goto(`${base}/#/jobs/${encodeURIComponent(failed!.id)}`);
      await page.locator(".log-line").first().waitFor();
      await page.locator(".log-tools button").nth(1).click();
      await page.locator(".log-current").waitFor();
      await capture(page, language, "03-job-detail");

      await page.getByRole("button", { name: words.rerun, exact: true }).click();
      await page.getByRole("dialog").waitFor();
      await capture(page, language, "04-action-dialog");
      await page.keyboard.press("Escape");
      await page.getByRole("dialog").waitFor({ state: "detached" });

      const [done] = await uniqueJobs(page.request, base, "SUCC");
      await page.goto(`${base}/#/workflows/new`);
      await page.locator("#wf-name").fill(words.workflowName);
      await page.locator("#step-0-action").selectOption("assert-status");
      await page.locator("#step-0-job").fill("?");
      await page.locator("#step-0-status").focus();
      await page.getByText(words.badJob).waitFor();
      await capture(page, language, "05-workflow-editor");
      await page.locator("#step-0-job").fill(`${done!.workstation}#${done!.job_stream}.${done!.name}`);
      await page.getByRole("button", { name: words.save }).click();
      await page.getByRole("heading", { name: words.workflowName, exact: false }).waitFor();
      await capture(page, language, "06-workflow");

      await page.getByRole("button", { name: words.run, exact: true }).click();
      await page.getByRole("dialog").getByRole("button", { name: words.runNow }).click();
      await page.locator("#run-title .badge", { hasText: words.succeeded }).waitFor();
      await capture(page, language, "07-run");

      await page.goto(`${base}/#/workflows`);
      await page.locator("table tbody tr").first().waitFor();
      await capture(page, language, "08-workflows");

      await page.goto(`${base}/#/audit`);
      await page.locator("table.audit tbody tr").first().waitFor();
      await capture(page, language, "09-audit");

      await page.goto(`${base}/#/users`);
      await page.locator("table tbody tr").first().waitFor();
      await capture(page, language, "10-users");

      await page.goto(`${base}/#/maintenance`);
      await page.locator("#maintenance-enabled").waitFor();
      await capture(page, language, "11-maintenance");
    } finally {
      await browser.close();
    }
  }, 120_000);
});
