import { describe, expect, it } from "vitest";
import type { ConversationContext, Entities, Language } from "../../../src/chat/understanding/types";
import { type Case, expectUnderstood, understood } from "./expect-understood";

// The fourth held-out set's misses (held-out-fourth.test.ts), fixed by word families: each family in both languages,
// in phrasings the set does not hold, and the neighbours that must keep their old meaning. Every case must hold.
// corpusNow is Sunday 2026-11-29 15:30 UTC: this week began on Monday the 23rd.

describe("a polite tail or a short form says Portuguese, even when nothing else does", () => {
  it.each<[string, Language]>([
    ["status PAYROLL_CALC pfvr", "pt"],
    ["PAYROLL_CALC status, vlw", "pt"],
    ["status RECON_MATCH blz?", "pt"],
    ["RECON_MATCH log obg", "pt"],
  ])("%s", (message, language) => {
    expect(understood(message).language).toBe(language);
  });

  it.each<[string, Language]>([
    ["RECON_MATCH status por favor", "pt"],
    ["status PAYROLL_CALC pls", "en"],
    ["RECON_MATCH status thx", "en"],
  ])("and an English one English: %s", (message, language) => {
    expect(understood(message).language).toBe(language);
  });
});

describe("this week's, last week's: the week's window, the possessive like the plain phrase", () => {
  const monday = "2026-11-23T00:00:00.000Z";
  it.each<Case>([
    ["what were this week's abends?", "failed_jobs", { since: monday }],
    ["list this week's failures", "failed_jobs", { since: monday }],
    ["failed jobs of the current week", "failed_jobs", { since: monday }],
    ["last week's failed jobs", "failed_jobs", { since: "2026-11-16T00:00:00.000Z", until: monday }],
  ])("%s", (...c) => expectUnderstood(c));
});

describe("what must finish before a job can start: its dependencies", () => {
  it.each<Case>([
    ["o que precisa acabar pro PAYROLL_TAX rodar?", "job_dependencies", { job: "PAYROLL_TAX" }],
    ["o que tem que acabar para o RECON_REPORT começar?", "job_dependencies", { job: "RECON_REPORT" }],
    ["o que impede o RECON_REPORT de rodar?", "job_dependencies", { job: "RECON_REPORT" }],
    ["what has to finish before PAYROLL_TAX can start?", "job_dependencies", { job: "PAYROLL_TAX" }],
    ["what needs to complete for RECON_REPORT to run?", "job_dependencies", { job: "RECON_REPORT" }],
    ["what's stopping RECON_REPORT from running?", "job_dependencies", { job: "RECON_REPORT" }],
    ["what is preventing PAYROLL_TAX from starting?", "job_dependencies", { job: "PAYROLL_TAX" }],
    ["why hasn't RECON_REPORT kicked off yet?", "job_dependencies", { job: "RECON_REPORT" }],
    ["PAYROLL_TAX didn't kick off, why?", "job_dependencies", { job: "PAYROLL_TAX" }],
  ])("%s", (...c) => expectUnderstood(c));

  it.each<Case>([
    ["o PAYROLL_TAX rodou?", "job_status", { job: "PAYROLL_TAX" }],
    ["did RECON_REPORT start?", "job_status", { job: "RECON_REPORT" }],
    ["status for RECON_REPORT", "job_status", { job: "RECON_REPORT" }],
    ["roda o PAYROLL_TAX de novo", "job_action", { job: "PAYROLL_TAX", action: "rerun" }],
  ])("a job's own start, or an order, is not this: %s", (...c) => expectUnderstood(c));

  it("a stream asked the same way: what blocks it", () => {
    expectUnderstood(["o que falta pro stream BANK_RECON rodar?", "jobstream_status", { focus: "blocking" }]);
  });
});

describe("ready jobs no agent takes: what runs now, per unlinked agent", () => {
  it.each<Case>([
    ["tem job pronto sem agente?", "running_now", { focus: "agent" }],
    ["jobs prontos sem máquina pra rodar?", "running_now", { focus: "agent" }],
    ["algum job sem estação?", "running_now", { focus: "agent" }],
    ["any ready jobs without an agent?", "running_now", { focus: "agent" }],
    ["anything ready but no agent?", "running_now", { focus: "agent" }],
    ["jobs with no machine to run them?", "running_now", { focus: "agent" }],
  ])("%s", (...c) => expectUnderstood(c));

  it.each<Case>([
    ["quais jobs estão no agente AGT_LNX01?", "workstation_status", { workstation: "AGT_LNX01" }],
    ["o INV_MERGE está pronto?", "job_status", { job: "INV_MERGE" }],
  ])("'no agente' is where, and one ready job is its status: %s", (...c) => expectUnderstood(c));
});

describe("running longer than it should: what runs now, the late ones", () => {
  it.each<Case>([
    ["tem algum job passando do tempo?", "running_now", { focus: "late" }],
    ["algo rodando acima do previsto?", "running_now", { focus: "late" }],
    ["o que está demorando mais do que o esperado?", "running_now", { focus: "late" }],
    ["anything taking too long?", "running_now", { focus: "late" }],
    ["which jobs are running longer than expected?", "running_now", { focus: "late" }],
    ["is something overrunning?", "running_now", { focus: "late" }],
  ])("%s", (...c) => expectUnderstood(c));

  it("one job named is that job's status", () => {
    expectUnderstood(["is RECON_MATCH taking longer than usual?", "job_status", { job: "RECON_MATCH" }]);
  });
});

describe("after 'qual deles?' for a proposed action, a pick however it is said", () => {
  const asked: ConversationContext = {
    intent: "job_action",
    entities: { action: "rerun" },
    language: "pt",
    choice: {
      intent: "job_action",
      action: "rerun",
      kind: "job",
      candidates: [
        { name: "SFTP_SEND_BANK", job_stream: "PAYROLL" },
        { name: "SFTP_SEND_BANK", job_stream: "SUPPLIER_PAYMENTS" },
      ],
    },
  };
  const rerunIn = (job_stream: string): Entities => ({ job: "SFTP_SEND_BANK", job_stream, action: "rerun" });
  it.each<Case>([
    ["quero o q está no PAYROLL", "job_action", rerunIn("PAYROLL")],
    ["o q ta no SUPPLIER_PAYMENTS", "job_action", rerunIn("SUPPLIER_PAYMENTS")],
    ["tô falando do SUPPLIER_PAYMENTS", "job_action", rerunIn("SUPPLIER_PAYMENTS")],
    ["aquele do PAYROLL mesmo", "job_action", rerunIn("PAYROLL")],
    ["I meant the SUPPLIER_PAYMENTS one", "job_action", rerunIn("SUPPLIER_PAYMENTS")],
    ["I'm talking about the PAYROLL one", "job_action", rerunIn("PAYROLL")],
    ["the one that's in SUPPLIER_PAYMENTS", "job_action", rerunIn("SUPPLIER_PAYMENTS")],
  ])("%s", (...c) => expectUnderstood(c, asked));

  it("a question of its own is not a pick", () => {
    expectUnderstood(["status do stream PAYROLL", "jobstream_status", { job_stream: "PAYROLL" }], asked);
  });
});

describe("a refusal that says how to leave the job declines the proposed action", () => {
  const proposed: ConversationContext = {
    intent: "job_action",
    entities: { job: "LOAD_SALES_INTRADAY", action: "kill" },
    language: "pt",
  };
  it.each<Case>([
    ["não, deixa ele rodar", "job_action", { action: "decline" }],
    ["não, deixa terminar", "job_action", { action: "decline" }],
    ["não, mantém em hold", "job_action", { action: "decline" }],
    ["no, let it finish", "job_action", { action: "decline" }],
    ["no, keep it running", "job_action", { action: "decline" }],
    ["leave it on hold", "job_action", { action: "decline" }],
  ])("%s", (...c) => expectUnderstood(c, proposed));

  it.each<Case>([
    ["no, rerun it", "job_action", { action: "rerun", job: "LOAD_SALES_INTRADAY" }],
    ["sim", "job_action", { action: "confirm" }],
  ])("another order, or a yes, is not a refusal: %s", (...c) => expectUnderstood(c, proposed));
});

describe("questions about the assistant itself are help", () => {
  it.each<Case>([
    ["que tipo de pergunta vc responde?", "help"],
    ["o que eu posso perguntar?", "help"],
    ["como você funciona?", "help"],
    ["o que vc entende?", "help"],
    ["which questions do you understand?", "help"],
    ["what sort of questions do you take?", "help"],
    ["what do you understand?", "help"],
    ["how does this chat work?", "help"],
  ])("%s", (...c) => expectUnderstood(c));

  it.each<Case>([
    ["pergunta: o que falhou hoje?", "failed_jobs"],
    ["quick question, what is running now?", "running_now"],
    ["did RECON_MATCH work?", "job_status", { job: "RECON_MATCH" }],
  ])("a question about the plan stays one: %s", (...c) => expectUnderstood(c));
});

// Regressed by 77ba6bb (a pronoun made a running question one job's), caught when CI ran the fourth set: the "it" of
// "longer than it should" compares and names nothing.
describe("taking longer than it should: what runs late, the pronoun after 'than' names no job", () => {
  it.each<Case>([
    ["is anything taking longer than it should?", "running_now", { focus: "late" }],
    ["any job taking longer than it should have?", "running_now", { focus: "late" }],
    ["is anything running longer than it normally does?", "running_now", { focus: "late" }],
    ["anything taking more time than it usually does?", "running_now", { focus: "late" }],
    ["tem algum job demorando mais do que ele deveria?", "running_now", { focus: "late" }],
    ["tem job levando mais tempo do que deveria?", "running_now", { focus: "late" }],
    ["algo rodando mais que deveria?", "running_now", { focus: "late" }],
  ])("%s", (...c) => expectUnderstood(c));

  const context: ConversationContext = { intent: "job_status", entities: { job: "PAYROLL_CALC" }, language: "en" };
  it.each<Case>([
    ["is it still running?", "job_status", { job: "PAYROLL_CALC" }],
    ["is it taking longer than usual?", "job_status", { job: "PAYROLL_CALC" }],
    ["ele ainda ta rodando?", "job_status", { job: "PAYROLL_CALC" }],
  ])("a pronoun before the comparison still names the job spoken of: %s", (...c) => expectUnderstood(c, context));
});
