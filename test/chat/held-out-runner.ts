import { createUser, tokenFor } from "../helpers/accounts";
import { type ChatBody, conversation } from "../helpers/chat";
import { simulator } from "../helpers/hwa";
import { describe as describeExpected, type Fact, matches, type ThirdCase } from "./held-out-third";

// Asks a held-out set through /api/chat against the simulator's plan (seed 7, clock stopped) and scores it: a message
// is right only when its intent, its language and every stated fact are right. Shared by the third, fourth and fifth
// sets' tests.

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
export function chatUsers() {
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

export interface Score {
  asked: number;
  right: number;
  /** The score's line, then one entry per miss with what was answered. */
  report: string[];
}

/** Asks every message of `set` (after its `before` messages, in a conversation of its own) and scores the answers. */
export async function askHeldOut(name: string, set: readonly ThirdCase[]): Promise<Score> {
  const now = await simulator.now();
  const tokenFor = chatUsers();
  const right = { pt: 0, en: 0 };
  const total = { pt: 0, en: 0 };
  const report: string[] = [];
  for (const question of set) {
    const chat = conversation(await tokenFor(question.role ?? "viewer", 1 + (question.before?.length ?? 0)));
    for (const message of question.before ?? []) await chat.ask(message);
    const answer = await chat.ask(question.message);
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
  const asked = total.pt + total.en;
  const sum = right.pt + right.en;
  report.unshift(
    `${name} (engine now ${now.toISOString()}): ${sum}/${asked} = ${((sum / asked) * 100).toFixed(1)}% ` +
      `(pt ${right.pt}/${total.pt}, en ${right.en}/${total.en})`,
  );
  return { asked, right: sum, report };
}
