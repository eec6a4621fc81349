import { describe, expect, it } from "vitest";
import { createUser, tokenFor } from "../helpers/accounts";
import { type ChatBody, conversation } from "../helpers/chat";
import { simulator } from "../helpers/hwa";
import { heldOutFourth } from "./held-out-fourth";
import { describe as describeExpected, type Fact, matches, type ThirdCase } from "./held-out-third";

// Measures the chat on a fourth held-out set (held-out-fourth.ts), asked through /api/chat against the simulator's
// plan (seed 7, clock stopped). The score and every miss are an annotation (shown by `--reporter=verbose`) and the
// failure message. A message is right only when its intent, its language and every stated fact are right.
//
// The expectations were written from the simulator's plan and the README only, before any run, and are not corrected.
// First run (commit e922ed0, engine clock 2026-12-04T22:30:00Z, right after the third set's fixes): 104/124 = 83.9%
// (pt 53/62, en 51/62), below issue #14's 95%. Its 20 misses:
// - 13 misunderstood: "status X pfv" read as English; "show me this week's failed jobs" (today's window); "o q precisa
//   terminar pro X rodar?", "X hasn't kicked off, why?", "what's keeping X from starting?" (status or log, not what
//   blocks it); "tem algum job pronto sem agente pra rodar?", "anything ready to go but no agent to run it?", "is
//   anything taking longer than it should?" (not running_now); "quero o q ta no SAP_FI_OPEN", "I mean the PAYROLL
//   one" after a proposed rerun of a name in several streams (the pending rerun not picked); "no, leave it running"
//   after a proposed kill (not declined); "o que da pra perguntar aqui?", "what kind of questions can you answer?"
//   (not help);
// - 7 answered right in words, with the fact in a shape the set did not look for: a held job's priority 0 (said, and
//   `held_by_operator` in data, no `priority` key), four workstation answers (`not_linked: [{name}]`, not a link
//   flag on an item), "pq o INV_LOAD nao rodou?" (the agent AGT_AIX01 named in the text, not in data).
// The test fails below the first run's score, so nothing it got right is lost unnoticed.
// After the fixes (commit 52920b4, not a held-out measurement): 124/124.

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

describe("the fourth held-out set, through /api/chat", () => {
  it("has at least 100 messages, half in each language", () => {
    expect(heldOutFourth.length).toBeGreaterThanOrEqual(100);
    expect(heldOutFourth.filter((c) => c.language === "pt").length).toBe(heldOutFourth.length / 2);
  });

  it("answers at least 123 of its 124 (first run 104, 124 after its fixes)", async ({ annotate }) => {
    const now = await simulator.now();
    const tokenFor = users();
    const right = { pt: 0, en: 0 };
    const total = { pt: 0, en: 0 };
    let asked = 0;
    const report: string[] = [];
    for (const question of heldOutFourth) {
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
      `held-out-fourth (engine now ${now.toISOString()}): ${sum}/${asked} = ${((sum / asked) * 100).toFixed(1)}% ` +
        `(pt ${right.pt}/${total.pt}, en ${right.en}/${total.en})`,
    );
    await annotate(report.join("\n"));
    expect(asked).toBe(heldOutFourth.length);
    expect(sum, report.join("\n")).toBeGreaterThanOrEqual(123);
  }, 600_000);
});
