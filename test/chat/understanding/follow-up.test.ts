import { describe, expect, it } from "vitest";
import { understand } from "../../../src/chat/understanding";
import type { ConversationContext, Understanding } from "../../../src/chat/understanding/types";
import { planVocabulary } from "./vocabulary";

const now = new Date("2026-11-29T15:30:00Z");

function reply(message: string, context?: ConversationContext): Understanding {
  return understand(message, { now, vocabulary: planVocabulary, ...(context ? { context } : {}) });
}

/** A conversation: each message is read with the previous understanding as context, as the orchestration does. */
function conversation(...messages: string[]): Understanding[] {
  const said: Understanding[] = [];
  for (const message of messages) {
    const previous = said.at(-1);
    said.push(
      reply(message, previous && { intent: previous.intent, entities: previous.entities, language: previous.language }),
    );
  }
  return said;
}

describe("follow-ups", () => {
  it("'e o log?' is the log of the job spoken of, in the same stream", () => {
    const [, log] = conversation("status do LOAD no stream DWH_NIGHTLY", "e o log?");
    expect(log).toEqual({
      intent: "job_log",
      language: "pt",
      entities: { job: "LOAD", job_stream: "DWH_NIGHTLY" },
      followUp: true,
    });
  });

  it("'rerun it', 'faz rerun dele' and 'reroda' act on the job spoken of", () => {
    expect(conversation("why did LOAD fail?", "rerun it")[1]).toEqual({
      intent: "job_action",
      language: "en",
      entities: { job: "LOAD", action: "rerun" },
      followUp: true,
    });
    expect(conversation("log do PAYROLL_CALC", "faz rerun dele")[1]?.entities).toEqual({
      job: "PAYROLL_CALC",
      action: "rerun",
    });
    expect(conversation("status do BILLING_CUTOFF", "reroda")[1]?.entities).toEqual({
      job: "BILLING_CUTOFF",
      action: "rerun",
    });
  });

  it("'e no stream DAILY?' asks the previous question of that stream, keeping the job", () => {
    const [, again] = conversation("status do job LOAD", "e no stream DAILY?");
    expect(again).toEqual({
      intent: "job_status",
      language: "pt",
      entities: { job: "LOAD", job_stream: "DAILY" },
      followUp: true,
    });
  });

  it("'and in stream X?' after failures keeps the period and changes the stream", () => {
    const [, again] = conversation("what failed since 6am?", "and in stream BILLING_EOD?");
    expect(again).toEqual({
      intent: "failed_jobs",
      language: "en",
      entities: { job_stream: "BILLING_EOD", since: "2026-11-29T06:00:00.000Z" },
      followUp: true,
    });
  });

  it("'e o PAYROLL_CALC?' / 'what about LOAD?' ask the previous question of a new job", () => {
    expect(conversation("log do LOAD", "e o PAYROLL_CALC?")[1]).toEqual({
      intent: "job_log",
      language: "pt",
      entities: { job: "PAYROLL_CALC" },
      followUp: true,
    });
    expect(conversation("what is PAYROLL_CALC waiting for?", "what about LOAD?")[1]).toEqual({
      intent: "job_dependencies",
      language: "en",
      entities: { job: "LOAD" },
      followUp: true,
    });
  });

  it("'e ontem?' asks the previous question of another period", () => {
    const [, again] = conversation("abends no PAYROLL hoje", "e ontem?");
    expect(again).toEqual({
      intent: "failed_jobs",
      language: "pt",
      entities: { job_stream: "PAYROLL", since: "2026-11-28T00:00:00.000Z", until: "2026-11-29T00:00:00.000Z" },
      followUp: true,
    });
  });

  it("a bare 'sim' / 'yes' confirms and 'não' / 'cancela' declines, whatever came before", () => {
    const pending: ConversationContext = {
      intent: "job_action",
      entities: { job: "LOAD", action: "rerun" },
      language: "pt",
    };
    expect(reply("sim", pending)).toEqual({
      intent: "job_action",
      language: "pt",
      entities: { action: "confirm" },
      followUp: false,
    });
    expect(reply("yes")).toEqual({
      intent: "job_action",
      language: "en",
      entities: { action: "confirm" },
      followUp: false,
    });
    expect(reply("não", pending).entities).toEqual({ action: "decline" });
    expect(reply("cancela", pending).entities).toEqual({ action: "decline" });
    // After a question, not a proposal, "cancela" cancels the job spoken of.
    expect(reply("cancela", { intent: "job_status", entities: { job: "LOAD" }, language: "pt" }).entities).toEqual({
      job: "LOAD",
      action: "cancel",
    });
  });

  it("without a context, a follow-up keeps its intent and has no subject", () => {
    expect(reply("e o log?")).toEqual({ intent: "job_log", language: "pt", entities: {}, followUp: false });
    expect(reply("rerun it")).toEqual({
      intent: "job_action",
      language: "en",
      entities: { action: "rerun" },
      followUp: false,
    });
    expect(reply("and in stream BILLING_EOD?")).toEqual({
      intent: "jobstream_status",
      language: "en",
      entities: { job_stream: "BILLING_EOD" },
      followUp: false,
    });
  });

  it("a new full question does not inherit the previous one's filters", () => {
    const [, fresh] = conversation("abends no PAYROLL hoje", "quais jobs falharam desde as 6h?");
    expect(fresh).toEqual({
      intent: "failed_jobs",
      language: "pt",
      entities: { since: "2026-11-29T06:00:00.000Z" },
      followUp: false,
    });
    const [, other] = conversation("status do LOAD no stream DWH_NIGHTLY", "log do PAYROLL_CALC");
    expect(other).toEqual({ intent: "job_log", language: "pt", entities: { job: "PAYROLL_CALC" }, followUp: false });
  });

  it("a message without language evidence keeps the conversation's language", () => {
    expect(reply("LOAD?", { intent: "job_status", entities: { job: "PAYROLL_CALC" }, language: "pt" }).language).toBe(
      "pt",
    );
    expect(reply("LOAD?").language).toBe("en");
    expect(reply("ok", { intent: "job_action", entities: { action: "rerun", job: "LOAD" }, language: "pt" })).toEqual({
      intent: "job_action",
      language: "pt",
      entities: { action: "confirm" },
      followUp: false,
    });
  });
});
