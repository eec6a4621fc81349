import { describe, expect, it } from "vitest";
import { freshChat } from "./story";

// Issue #14, item 6: "o que está rodando agora?", "what's running?", "tem algo atrasado?": counts per stream, late
// jobs (past their estimate) on the engine's clock, and the ready jobs no agent can take.

type Running = {
  running: number;
  streams: { job_stream: string; count: number; jobs: string[] }[];
  late: { running_ms: number; estimated_duration_ms: number }[];
  waiting_for_agent: { workstation: string; count: number }[];
};

describe("what runs now", () => {
  it.each([
    ["o que está rodando agora?", "pt"],
    ["what's running?", "en"],
  ])("%s: counts per stream, and the jobs waiting for an unlinked agent", async (message, language) => {
    const answer = await (await freshChat()).ask(message);
    expect(answer.intent).toBe("running_now");
    expect(answer.data!.language).toBe(language);
    const data = answer.data as unknown as Running;
    expect(data.running).toBeGreaterThan(0);
    expect(data.streams.reduce((sum, s) => sum + s.count, 0)).toBe(data.running);
    for (const stream of data.streams) expect(answer.response).toContain(`- ${stream.job_stream} (${stream.count}): `);
    // INVENTORY_SYNC's 12 extracts are READY on AGT_AIX01, which is not linked.
    expect(data.waiting_for_agent).toContainEqual({ workstation: "AGT_AIX01", count: 12 });
  });

  it("tem algo atrasado? / is anything late?: late jobs first, each past its estimate", async () => {
    const chat = await freshChat();
    for (const message of ["tem algo atrasado?", "is anything late?"]) {
      const answer = await chat.ask(message);
      expect(answer.intent).toBe("running_now");
      const data = answer.data as unknown as Running;
      for (const job of data.late) expect(job.running_ms).toBeGreaterThan(job.estimated_duration_ms);
      const first = answer.response.split("\n")[0]!;
      expect(first).toMatch(data.late.length > 0 ? /atrasad|late/ : /Nenhum job atrasado|No job is late/);
    }
  });

  it.each([
    ["tem job esperando agente?", "pt", /^12 jobs prontos esperam o agente de AGT_AIX01/],
    ["algum job aguardando workstation?", "pt", /^12 jobs prontos esperam o agente de AGT_AIX01/],
    ["any jobs waiting for an agent?", "en", /^12 ready jobs wait for the agent of AGT_AIX01/],
    ["what is waiting for AGT_AIX01?", "en", /^12 ready jobs wait for the agent of AGT_AIX01/],
  ])("%s: the ready jobs no agent takes, first, per workstation", async (message, language, first) => {
    const answer = await (await freshChat()).ask(message);
    expect(answer.intent).toBe("running_now");
    expect(answer.data!.language).toBe(language);
    expect((answer.data as unknown as Running).waiting_for_agent).toEqual([{ workstation: "AGT_AIX01", count: 12 }]);
    const [line, perAgent] = answer.response.split("\n");
    expect(line).toMatch(first);
    expect(perAgent).toMatch(/^- AGT_AIX01 \(12\): INV_EXTRACT_STORE_\d{3}/);
  });

  it.each([
    ["tem job pronto sem agente?", "pt", /^12 jobs prontos esperam o agente de AGT_AIX01/],
    ["jobs prontos sem máquina pra rodar?", "pt", /^12 jobs prontos esperam o agente de AGT_AIX01/],
    ["any ready jobs without an agent?", "en", /^12 ready jobs wait for the agent of AGT_AIX01/],
    ["anything ready but no agent to take it?", "en", /^12 ready jobs wait for the agent of AGT_AIX01/],
  ])("%s: ready jobs no agent takes, said as waiting for it", async (message, language, first) => {
    const answer = await (await freshChat()).ask(message);
    expect(answer.intent).toBe("running_now");
    expect(answer.data!.language).toBe(language);
    expect((answer.data as unknown as Running).waiting_for_agent).toEqual([{ workstation: "AGT_AIX01", count: 12 }]);
    expect(answer.response.split("\n")[0]).toMatch(first);
  });

  it.each([
    ["tem algum job passando do tempo?", "pt"],
    ["algo rodando acima do previsto?", "pt"],
    ["anything taking too long?", "en"],
    ["which jobs are running longer than expected?", "en"],
  ])("%s: the late jobs first, each past its estimate", async (message, language) => {
    const answer = await (await freshChat()).ask(message);
    expect(answer.intent).toBe("running_now");
    expect(answer.data!.language).toBe(language);
    const data = answer.data as unknown as Running;
    for (const job of data.late) expect(job.running_ms).toBeGreaterThan(job.estimated_duration_ms);
    expect(answer.response.split("\n")[0]).toMatch(
      data.late.length > 0 ? /atrasad|late/ : /Nenhum job atrasado|No job is late/,
    );
  });

  it("a linked workstation named: no ready job waits for it", async () => {
    const answer = await (await freshChat()).ask("tem job esperando o AGT_WIN01?");
    expect(answer.intent).toBe("running_now");
    expect((answer.data as unknown as Running).waiting_for_agent).toEqual([]);
    expect(answer.response.split("\n")[0]).toMatch(/^Nenhum job pronto está esperando um agente/);
  });

  it("one job named is still a question about that job", async () => {
    const answer = await (await freshChat()).ask("o LOAD_SALES_FACT tá atrasado?");
    expect(answer.intent).toBe("job_status");
    expect(answer.data).toMatchObject({ name: "LOAD_SALES_FACT" });
  });
});
