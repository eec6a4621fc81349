import { describe, expect, it } from "vitest";
import { createUser, tokenFor } from "../helpers/accounts";
import { type ChatBody, conversation } from "../helpers/chat";
import { simulator } from "../helpers/hwa";
import { describe as describeExpected, type Fact, heldOutThird, matches, type ThirdCase } from "./held-out-third";

// Measures the chat on a third held-out set (held-out-third.ts), asked through /api/chat against the simulator's
// plan (seed 7, clock stopped). The score and every miss are an annotation (shown by `--reporter=verbose`) and the
// failure message; the test fails below the first run's score, so nothing it got right is lost unnoticed. A message
// is right only when its intent, its language and every stated fact are right.
//
// First run (commit 5bd287d, engine clock 2026-12-04T21:30:00Z, nothing changed after the set was written):
// 102/112 = 91.1% (pt 50/56, en 52/56). No expectation was corrected. Its 10 misses:
// - "o STAGE_LOAD precisou de rerun?": job_action (a viewer told it cannot act), not the job's run history;
// - "quem vem depois do PAYROLL_CALC?" and "what's downstream of LOAD_STATEMENTS?": job_status, no successors;
// - "pq o INV_MERGE n rodou ainda?": job_log ("no log yet"), not its dependencies and the agent that blocks them;
// - "tem job esperando agente?": job_dependencies asking which job, not running_now's READY jobs per agent;
// - "não, deixa" after a proposed rerun: unknown, the pending rerun not declined;
// - "how many times did PAYROLL_CALC fail today?": failed_jobs for the whole plan (PAYROLL_CALC "2 times" in it),
//   not the job's status with its runs;
// - "what made HR_EXPORT_AD blow up?": job_status (ABEND, RC 12), not its log;
// - "o que falhou nas ultimas 2 horas" / "what failed in the last 3 hours?": the right jobs, but since = now - 2 h
//   (3 h) + 1 s (+ 5 s): the chat's "now" is HWA's now plus the cached page's age (README, "One clock"), which a
//   stopped simulator clock does not follow. Counted as misses (strict); with a few seconds' tolerance, 104/112.

function missesOf(asked: ThirdCase, answer: ChatBody, now: Date): string[] {
  const misses: string[] = [];
  if (answer.intent !== asked.intent) misses.push(`intent ${answer.intent} ≠ ${asked.intent}`);
  if (answer.data?.language !== asked.language) misses.push(`language ${answer.data?.language} ≠ ${asked.language}`);
  const expected = typeof asked.data === "function" ? asked.data(now) : { data: asked.data, facts: [] as Fact[] };
  for (const [key, value] of Object.entries(expected.data ?? {})) {
    if (!matches(value, answer.data?.[key]))
      misses.push(
        `data.${key}: ${describeExpected(value)} not in ${JSON.stringify(answer.data?.[key]) ?? "undefined"}`,
      );
  }
  for (const fact of [...expected.facts, ...(asked.facts ?? [])]) {
    if (!fact.test(answer.data)) misses.push(`fact "${fact.say}" not true`);
  }
  return misses;
}

/** A user per 8 messages: the chat allows 10 a minute per user. */
function users() {
  const used = new Map<string, { token: string; messages: number }>();
  return async (role: "viewer" | "operator", messages: number) => {
    let user = used.get(role);
    if (!user || user.messages + messages > 8) {
      user = { token: await tokenFor(await createUser(role)), messages: 0 };
      used.set(role, user);
    }
    user.messages += messages;
    return user.token;
  };
}

describe("the third held-out set, through /api/chat", () => {
  it("has at least 80 messages, half in each language", () => {
    expect(heldOutThird.length).toBeGreaterThanOrEqual(80);
    expect(heldOutThird.filter((c) => c.language === "pt").length).toBe(heldOutThird.length / 2);
  });

  it("answers at least 100 of its 112 (102 on its first run; two depend on seconds of cache age)", async ({
    annotate,
  }) => {
    const now = await simulator.now();
    const tokenFor = users();
    const right = { pt: 0, en: 0 };
    const total = { pt: 0, en: 0 };
    let asked = 0;
    const report: string[] = [];
    for (const question of heldOutThird) {
      const chat = conversation(await tokenFor(question.role ?? "viewer", 1 + (question.before?.length ?? 0)));
      for (const message of question.before ?? []) await chat.ask(message);
      const answer = await chat.ask(question.message);
      asked += 1;
      total[question.language] += 1;
      const misses = missesOf(question, answer, now);
      if (misses.length === 0) right[question.language] += 1;
      else
        report.push(
          `miss [${question.language}/${question.kind}] ${JSON.stringify(question.message)}` +
            `${question.before ? ` (after ${JSON.stringify(question.before)})` : ""}: ${misses.join("; ")}\n` +
            `  answered: ${JSON.stringify(answer.response).slice(0, 600)}`,
        );
    }
    const sum = right.pt + right.en;
    report.unshift(
      `held-out-third (engine now ${now.toISOString()}): ${sum}/${asked} = ${((sum / asked) * 100).toFixed(1)}% ` +
        `(pt ${right.pt}/${total.pt}, en ${right.en}/${total.en})`,
    );
    await annotate(report.join("\n"));
    expect(asked).toBe(heldOutThird.length);
    expect(sum, report.join("\n")).toBeGreaterThanOrEqual(100);
  }, 600_000);
});
