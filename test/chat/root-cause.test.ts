import { describe, expect, it } from "vitest";
import { apiGet, freshChat, storyJob } from "./story";

// Issue #14, items 1 and 2: what blocks a stream or a job, followed down to the root cause; predecessors listed
// with their status whenever asked; a job held by an operator said as such.

type Chain = { chain: { name: string }[]; root: { name: string; kind: string; return_code: number | null } };

describe("what blocks a job stream goes to the stream and down to the root cause", () => {
  it.each([
    ["O que tá travando o stream BANK_RECON?", "pt"],
    ["what's blocking job stream BANK_RECON?", "en"],
    ["o BANK_RECON tá preso?", "pt"],
  ])("%s", async (message, language) => {
    const match = await storyJob("BANK_RECON", "RECON_MATCH");
    const answer = await (await freshChat()).ask(message);
    expect(answer.intent).toBe("jobstream_status");
    expect(answer.data).toMatchObject({ name: "BANK_RECON", language });
    const blocked = answer.data!.blocked_by as Chain & { root: { error_line: { line: number; text: string } } };
    expect(blocked.chain.map((job) => job.name)).toEqual(["RECON_REPORT", "RECON_EXCEPTIONS", "RECON_MATCH"]);
    expect(blocked.root).toMatchObject({ name: "RECON_MATCH", kind: "failed", return_code: match.return_code });
    // The error line is the log's own, at its own line number.
    const log = (await (await apiGet(`/api/v1/jobs/${encodeURIComponent(match.id)}/log`)).text()).split("\n");
    expect(log[blocked.root.error_line.line - 1]).toContain(blocked.root.error_line.text);
    expect(blocked.root.error_line.text).toMatch(/ORA-|Exception|error|denied|not found/i);
    expect(answer.response).toContain(
      language === "pt"
        ? `RECON_REPORT aguarda RECON_EXCEPTIONS, que aguarda RECON_MATCH, que terminou com erro (ABEND, RC ${match.return_code})`
        : `RECON_REPORT waits on RECON_EXCEPTIONS, which waits on RECON_MATCH, which ended in error (ABEND, RC ${match.return_code})`,
    );
    expect(answer.response).toContain(blocked.root.error_line.text);
    expect(answer.suggestions?.[0]).toBe(
      language === "pt" ? "fazer rerun do job RECON_MATCH" : "rerun job RECON_MATCH",
    );
  });

  it("a stream blocked by jobs that no agent can take says which workstation", async () => {
    const answer = await (await freshChat()).ask("o que está travando o INVENTORY_SYNC?");
    expect(answer.intent).toBe("jobstream_status");
    const blocked = answer.data!.blocked_by as Chain;
    expect(blocked.root).toMatchObject({ kind: "agent" });
    expect(blocked.root.name).toMatch(/^INV_EXTRACT_STORE_\d{3}$/);
    expect(answer.response).toContain("a estação AGT_AIX01 não está linkada");
  });
});

describe("why a job does not run: the same chain, from the job", () => {
  it("why is job RECON_REPORT not running? / o RECON_REPORT tá parado pq?", async () => {
    const chat = await freshChat();
    for (const message of ["why is job RECON_REPORT not running?", "o RECON_REPORT tá parado pq?"]) {
      const answer = await chat.ask(message);
      expect(answer.intent).toBe("job_dependencies");
      const cause = answer.data!.root_cause as Chain;
      expect(cause.chain.map((job) => job.name)).toEqual(["RECON_REPORT", "RECON_EXCEPTIONS", "RECON_MATCH"]);
      expect(cause.root.kind).toBe("failed");
    }
  });
});

describe("why a job has not run yet, however it is asked: the chain down to the unlinked agent", () => {
  it.each([
    "por que o INV_MERGE ainda não foi executado?",
    "o INV_MERGE nem começou, pq?",
    "why hasn't INV_MERGE run yet?",
    "why wasn't INV_MERGE launched?",
  ])("%s", async (message) => {
    const answer = await (await freshChat()).ask(message);
    expect(answer.intent).toBe("job_dependencies");
    const cause = answer.data!.root_cause as Chain;
    expect(cause.root.kind).toBe("agent");
    expect(cause.root.name).toMatch(/^INV_EXTRACT_STORE_\d{3}$/);
  });
});

describe("what must finish before a job can start: the chain down to the agent, which the data names", () => {
  it.each([
    ["o que precisa acabar pro INV_MERGE rodar?", "pt"],
    ["o que impede o INV_MERGE de começar?", "pt"],
    ["o INV_MERGE não startou, pq?", "pt"],
    ["what has to finish before INV_MERGE can start?", "en"],
    ["what's stopping INV_MERGE from running?", "en"],
    ["INV_MERGE hasn't kicked off yet, why?", "en"],
  ])("%s", async (message, language) => {
    const answer = await (await freshChat()).ask(message);
    expect(answer.intent).toBe("job_dependencies");
    expect(answer.data!.language).toBe(language);
    const cause = answer.data!.root_cause as Chain & { root: { workstation?: string } };
    expect(cause.root).toMatchObject({ kind: "agent", workstation: "AGT_AIX01" });
    expect(answer.response).toContain(language === "pt" ? "a estação AGT_AIX01 não está linkada" : "AGT_AIX01");
  });

  it("a root that is not an agent names no workstation", async () => {
    const answer = await (await freshChat()).ask("what has to finish before RECON_REPORT can start?");
    const cause = answer.data!.root_cause as Chain;
    expect(cause.root.kind).toBe("failed");
    expect(cause.root).not.toHaveProperty("workstation");
  });
});

describe("what comes after a job: the jobs that wait on it, said first", () => {
  it.each([
    ["o que depende do PAYROLL_CALC?", "pt"],
    ["o que roda depois do PAYROLL_CALC?", "pt"],
    ["what runs after PAYROLL_CALC?", "en"],
    ["who waits on PAYROLL_CALC?", "en"],
  ])("%s", async (message, language) => {
    const calc = await storyJob("PAYROLL", "PAYROLL_CALC");
    const api = (await (await apiGet(`/api/v1/jobs/${encodeURIComponent(calc.id)}/dependencies`)).json()) as {
      successors: { name: string }[];
    };
    expect(api.successors.length).toBeGreaterThan(0);
    const answer = await (await freshChat()).ask(message);
    expect(answer.intent).toBe("job_dependencies");
    expect(answer.data!.language).toBe(language);
    const listed = (answer.data!.successors as { name: string }[]).map((s) => s.name);
    expect(listed.sort()).toEqual(api.successors.map((s) => s.name).sort());
    // The first line is the job; the second, what waits on it.
    expect(answer.response.split("\n")[1]).toMatch(language === "pt" ? /^Esperam por ele \(/ : /^Waiting on it \(/);
  });

  it("'o que depende dele?' after a question about the job", async () => {
    const chat = await freshChat();
    await chat.ask("status do PAYROLL_CALC");
    const answer = await chat.ask("o que depende dele?");
    expect(answer.intent).toBe("job_dependencies");
    expect(answer.data).toMatchObject({ job: { name: "PAYROLL_CALC" } });
    expect(answer.response.split("\n")[1]).toMatch(/^Esperam por ele \(/);
  });
});

describe("predecessors, whenever asked, each with its status", () => {
  it("'e os predecessores dele?' after a status question about a job that ended lists them all", async () => {
    const load = await storyJob("ETL_DWH", "LOAD_SALES_FACT");
    const chat = await freshChat();
    await chat.ask("qual o status do LOAD_SALES_FACT?");
    const answer = await chat.ask("e os predecessores dele?");
    expect(answer.intent).toBe("job_dependencies");
    const api = (await (await apiGet(`/api/v1/jobs/${encodeURIComponent(load.id)}/dependencies`)).json()) as {
      predecessors: { name: string; status: string }[];
    };
    const listed = (answer.data!.predecessors as { name: string; status: string }[]).map((p) => [p.name, p.status]);
    expect(listed.sort()).toEqual(api.predecessors.map((p) => [p.name, p.status]).sort());
    expect(answer.response).toContain("Não está esperando: já terminou.");
    for (const predecessor of api.predecessors) expect(answer.response).toContain(`- ${predecessor.name}: `);
  });

  it("'what does it depend on?' in English", async () => {
    const chat = await freshChat();
    await chat.ask("status of RECON_REPORT");
    const answer = await chat.ask("what does it depend on?");
    expect(answer.intent).toBe("job_dependencies");
    expect(answer.response).toContain("Waiting on 1 of 1 predecessor:\n- RECON_EXCEPTIONS: on hold (waiting; HOLD)");
  });
});

describe("a job held by an operator", () => {
  it("says so distinctly, suggests releasing it, and never blames HWA", async () => {
    const answer = await (await freshChat()).ask("o job ORDERS_SFTP_PARTNER tá parado pq?");
    expect(answer.intent).toBe("job_dependencies");
    expect(answer.response.split("\n")[0]).toContain("retido por um operador (HOLD, prioridade 0)");
    expect(answer.response).not.toMatch(/aguardando|Não consegui consultar o HWA/);
    expect(answer.data!.job).toMatchObject({ name: "ORDERS_SFTP_PARTNER", held_by_operator: true });
    expect(answer.suggestions?.[0]).toBe("liberar o job ORDERS_SFTP_PARTNER");
  });

  it("is the root cause of the jobs after it", async () => {
    const answer = await (await freshChat()).ask("what does ORDERS_ARCHIVE depend on?");
    const cause = answer.data!.root_cause as Chain;
    expect(cause.chain.map((job) => job.name)).toEqual(["ORDERS_ARCHIVE", "ORDERS_SFTP_PARTNER"]);
    expect(cause.root.kind).toBe("held");
    expect(answer.response).toContain("To unblock it: release ORDERS_SFTP_PARTNER.");
    expect(answer.suggestions?.[0]).toBe("release job ORDERS_SFTP_PARTNER");
  });

  it("its status says held, not waiting", async () => {
    const answer = await (await freshChat()).ask("status do SEND_EMAIL_BLAST");
    expect(answer.data).toMatchObject({ status: "HOLD", held_by_operator: true });
    expect(answer.response.split("\n")[0]).toContain("retido por um operador (HOLD, prioridade 0)");
    expect(answer.suggestions?.[0]).toBe("liberar o job SEND_EMAIL_BLAST");
  });

  it.each([
    ["status SEND_EMAIL_BLAST pfvr", "pt", "prioridade 0"],
    ["ORDERS_SFTP_PARTNER status, vlw", "pt", "prioridade 0"],
    ["status ORDERS_SFTP_PARTNER blz?", "pt", "prioridade 0"],
    ["SEND_EMAIL_BLAST status please", "en", "priority 0"],
  ])("'%s': in the operator's language, the priority it states in its data", async (message, language, said) => {
    const answer = await (await freshChat()).ask(message);
    expect(answer.intent).toBe("job_status");
    expect(answer.data).toMatchObject({ language, held_by_operator: true, priority: 0 });
    expect(answer.response.split("\n")[0]).toContain(said);
  });

  it("a job not held states no priority, and its data holds none", async () => {
    const answer = await (await freshChat()).ask("status do RECON_MATCH");
    expect(answer.response).not.toMatch(/prioridade/);
    expect(answer.data).not.toHaveProperty("priority");
  });
});
