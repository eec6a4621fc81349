import { describe, expect, it } from "vitest";
import { createUser, tokenFor } from "../helpers/accounts";
import { type ChatBody, conversation } from "../helpers/chat";
import { simulator } from "../helpers/hwa";
import { heldOutFifth } from "./held-out-fifth";
import { describe as describeExpected, type Fact, matches, type ThirdCase } from "./held-out-third";

// Measures the chat on a fifth held-out set (held-out-fifth.ts), asked through /api/chat against the simulator's
// plan (seed 7, clock stopped). The score and every miss are an annotation (shown by `--reporter=verbose`) and the
// failure message. A message is right only when its intent, its language and every stated fact are right.
//
// The expectations were written from the simulator's plan, the README and the answers' data shapes only, before any
// run, and are not corrected.
// First run (commit 9e500ce, engine clock 2026-12-04T22:30:00Z, right after the fourth set's fixes): 101/120 = 84.2%
// (pt 49/60, en 52/60), below issue #14's 95%. Its 19 misses: successors and predecessors asked in words the chat
// did not know ("quem roda dps do X", "o que vem na sequencia do X", "which jobs are sitting behind X", "upstream
// jobs of X", "e quem ta antes dele?"); "why hasn't CHECK_QUEUE_DEPTH started" answered from another HOURLY_HEALTH
// instance; the log asked as "what blew up in X?" / "oq deu no X? quero ver o erro" (read as failures); "quantas vez o
// X abendou hj?" (failures, not the job's runs); "me passa a situacao do X pfv" (read as an action); "HR_SYNC
// empacou?" read as English; "anything running behind schedule?", "are jobs stuck in READY cause their agent is
// down?" (not understood); "tem algum agente caido?" (about one agent, not the list); "this week so far" (today);
// "como eu uso esse chat?" (not help); "esse do SAP_FI_CLOSE" after a proposed rerun (the pending rerun not picked);
// and two "sim"/"yes" after proposing to kill an ended job or cancel a running one, which the chat refuses when it
// proposes (nothing is pending), where the set expected the refusal on "sim".
// After the fixes (commit 3bebeea, not a held-out measurement): 117/120.
// The test fails below the first run's score, so nothing it got right is lost unnoticed.

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

/** The score after the fixes minus 1 (its first run: 101); issue #14's target is 95% (114). */
const threshold = 116;

describe("the fifth held-out set, through /api/chat", () => {
  it("has at least 100 messages, half in each language", () => {
    expect(heldOutFifth.length).toBeGreaterThanOrEqual(100);
    expect(heldOutFifth.filter((c) => c.language === "pt").length).toBe(heldOutFifth.length / 2);
  });

  it(`answers at least ${threshold} of its ${heldOutFifth.length} (101 on its first run; the target is 95%)`, async ({
    annotate,
  }) => {
    const now = await simulator.now();
    const tokenFor = users();
    const right = { pt: 0, en: 0 };
    const total = { pt: 0, en: 0 };
    let asked = 0;
    const report: string[] = [];
    for (const question of heldOutFifth) {
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
      `held-out-fifth (engine now ${now.toISOString()}): ${sum}/${asked} = ${((sum / asked) * 100).toFixed(1)}% ` +
        `(pt ${right.pt}/${total.pt}, en ${right.en}/${total.en})`,
    );
    await annotate(report.join("\n"));
    expect(asked).toBe(heldOutFifth.length);
    expect(sum, report.join("\n")).toBeGreaterThanOrEqual(threshold);
  }, 600_000);
});
