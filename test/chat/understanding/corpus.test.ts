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

/** The share of `cases` understood, and a report: the count, then each miss. */
function measure(name: string, cases: readonly CorpusCase[]): { accuracy: number; report: string } {
  let right = 0;
  const missed: string[] = [];
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
      missed.push(
        `${name} miss: ${JSON.stringify(expected.message)}${expected.context ? " (follow-up)" : ""}: ${misses.join("; ")}`,
      );
  }
  const accuracy = right / cases.length;
  const pt = cases.filter((c) => c.language === "pt").length;
  const followUps = cases.filter((c) => c.context).length;
  const summary = `${name}: ${right}/${cases.length} right = ${(accuracy * 100).toFixed(1)}% (pt ${pt}, en ${cases.length - pt}, follow-ups ${followUps})`;
  return { accuracy, report: [summary, ...missed].join("\n") };
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

  // The report is an annotation (shown by `--reporter=verbose`, not on a green default run) and the failure message.
  it("understands at least 95% of the corpus", async ({ annotate }) => {
    const { accuracy, report } = measure("corpus", corpus);
    await annotate(report);
    expect(accuracy, report).toBeGreaterThanOrEqual(0.95);
  });

  it("understands at least 90% of the held-out messages", async ({ annotate }) => {
    const { accuracy, report } = measure("held-out", heldOut);
    await annotate(report);
    expect(accuracy, report).toBeGreaterThanOrEqual(0.9);
  });
});
