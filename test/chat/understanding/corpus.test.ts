import { describe, expect, it } from "vitest";
import { understand } from "../../../src/chat/understanding";
import { intents, type Entities, type Understanding } from "../../../src/chat/understanding/types";
import { corpus, corpusNow, type CorpusCase } from "./corpus";
import { heldOut } from "./held-out";
import { planVocabulary } from "./vocabulary";

/** What a case got wrong; empty when intent, language and every expected entity match (times as instants). */
function missesOf(expected: CorpusCase, got: Understanding): string[] {
  const misses: string[] = [];
  if (got.intent !== expected.intent) misses.push(`intent ${got.intent} ≠ ${expected.intent}`);
  if (got.language !== expected.language) misses.push(`language ${got.language} ≠ ${expected.language}`);
  for (const [key, value] of Object.entries(expected.entities ?? {}) as [keyof Entities, string][]) {
    const actual = got.entities[key];
    const same =
      key === "since" || key === "until"
        ? actual !== undefined && Date.parse(actual) === Date.parse(value)
        : actual === value;
    if (!same) misses.push(`${key} ${actual ?? "(none)"} ≠ ${value}`);
  }
  return misses;
}

function measure(name: string, cases: readonly CorpusCase[]): number {
  let right = 0;
  for (const expected of cases) {
    const got = understand(expected.message, {
      now: corpusNow,
      ...(expected.timeZone ? { timeZone: expected.timeZone } : {}),
      ...(expected.context ? { context: expected.context } : {}),
      ...(expected.withoutVocabulary ? {} : { vocabulary: planVocabulary }),
    });
    const misses = missesOf(expected, got);
    if (misses.length === 0) right += 1;
    else
      console.log(
        `${name} miss: ${JSON.stringify(expected.message)}${expected.context ? " (follow-up)" : ""}: ${misses.join("; ")}`,
      );
  }
  const accuracy = right / cases.length;
  const pt = cases.filter((c) => c.language === "pt").length;
  const followUps = cases.filter((c) => c.context).length;
  console.log(
    `${name}: ${right}/${cases.length} right = ${(accuracy * 100).toFixed(1)}% (pt ${pt}, en ${cases.length - pt}, follow-ups ${followUps})`,
  );
  return accuracy;
}

describe("understanding corpus", () => {
  it("is large and mixed enough to mean something", () => {
    const pt = corpus.filter((c) => c.language === "pt").length;
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(pt / corpus.length).toBeGreaterThan(0.4);
    expect(pt / corpus.length).toBeLessThan(0.6);
    expect(corpus.filter((c) => c.context).length).toBeGreaterThanOrEqual(25);
    expect(new Set(corpus.map((c) => c.intent)).size).toBe(intents.length);
  });

  it("understands at least 95% of the corpus", () => {
    expect(measure("corpus", corpus)).toBeGreaterThanOrEqual(0.95);
  });

  it("understands at least 90% of the held-out messages", () => {
    expect(measure("held-out", heldOut)).toBeGreaterThanOrEqual(0.9);
  });
});
