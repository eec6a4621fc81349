import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../../dev/hwa-simulator/random.mjs";
import { resolveName, understand } from "../../../src/chat/understanding";
import { chatActions, intents, type Understanding } from "../../../src/chat/understanding/types";
import { planJobNames, planVocabulary } from "./vocabulary";

const now = new Date("2026-11-29T15:30:00Z");
const options = { now, vocabulary: planVocabulary, timeZone: "America/Sao_Paulo" };

/** A valid understanding: a known intent and language, entities of the right kinds, instants that parse. */
function expectValid(result: Understanding): void {
  expect(intents).toContain(result.intent);
  expect(["pt", "en"]).toContain(result.language);
  expect(typeof result.followUp).toBe("boolean");
  const { job, job_stream, workstation, action, since, until, ...rest } = result.entities;
  expect(rest).toEqual({});
  for (const name of [job, job_stream, workstation]) if (name !== undefined) expect(typeof name).toBe("string");
  if (action !== undefined) expect(chatActions).toContain(action);
  for (const instant of [since, until])
    if (instant !== undefined) expect(Number.isNaN(Date.parse(instant))).toBe(false);
}

/** Text of `length` characters drawn from everywhere in Unicode, lone surrogates, NUL and markup included. */
function randomText(random: () => number, length: number): string {
  const pieces = [
    "status",
    "do",
    "job",
    "LOAD",
    " ",
    "_",
    "?",
    "\u0000",
    "<script>",
    "😀",
    "ação",
    "\u0301",
    "desde",
    "6h",
    "ontem",
    "rerun",
  ];
  let text = "";
  for (let i = 0; i < length; i++) {
    const pick = random();
    if (pick < 0.3) text += pieces[Math.floor(random() * pieces.length)];
    else if (pick < 0.4)
      text += String.fromCharCode(0xd800 + Math.floor(random() * 0x800)); // lone surrogates
    else text += String.fromCodePoint(Math.floor(random() * 0x10ffff) & ~0x800);
  }
  return text;
}

describe("understanding never fails", () => {
  it("reads 10,000 characters without throwing, from the start only", () => {
    const long = `qual o status do job PAYROLL_EXTRACT? ${"blá ".repeat(2_500)}`;
    expect(long.length).toBeGreaterThanOrEqual(10_000);
    const result = understand(long, options);
    expectValid(result);
    expect(result).toMatchObject({ intent: "job_status", entities: { job: "PAYROLL_EXTRACT" } });
    expectValid(understand("LOAD_".repeat(2_000), options));
    expectValid(understand("a ".repeat(5_000), options));
  });

  it("ignores NUL bytes and control characters", () => {
    expect(understand("status\u0000 do\u0000 job LOAD\u0007", options)).toMatchObject({
      intent: "job_status",
      entities: { job: "LOAD" },
    });
    expectValid(understand("\u0000".repeat(10_000), options));
  });

  it("does not take markup for a request", () => {
    const script = understand("<script>alert(1)</script>", options);
    expectValid(script);
    expect(["unknown", "help"]).toContain(script.intent);
    expect(script.entities).toEqual({});
    expect(understand("<img src=x onerror=alert(1)>", options).intent).toBe("unknown");
  });

  it("takes an empty message, a bad date or odd options without throwing", () => {
    expect(understand("", options)).toEqual({ intent: "unknown", language: "en", entities: {}, followUp: false });
    expectValid(understand("jobs com erro hoje", { now: new Date(Number.NaN) }));
    expectValid(understand("since 6am", { now, timeZone: "not a zone" }));
    expectValid(
      understand("status do job LOAD", { now, vocabulary: { jobs: [], jobStreams: ["", " "], workstations: [] } }),
    );
    expectValid(understand(null as unknown as string, { now }));
    expectValid(understand("e o log?", { now, context: { intent: "bogus" as never, entities: { job: 42 as never } } }));
  });

  it("gives a valid answer for 1,000 random Unicode messages, the same one twice", () => {
    const random = mulberry32(20261129);
    for (let i = 0; i < 1_000; i++) {
      const text = randomText(random, 1 + Math.floor(random() * 200));
      const first = understand(text, options);
      expectValid(first);
      expect(understand(text, options)).toEqual(first);
      const match = resolveName(text, planJobNames);
      expect(["exact", "close", "ambiguous", "none"]).toContain(match.kind);
    }
  }, 30_000);
});
