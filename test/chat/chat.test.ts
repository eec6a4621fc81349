import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { bearer, createUser, freshIp, ORIGIN, postToken, tokenFor } from "../helpers/accounts";
import { borrowJobs } from "../helpers/borrowed-jobs";
import { apiJob, ask, conversation, nameNotUnique, postChat } from "../helpers/chat";
import { simulator } from "../helpers/hwa";
import { problemOf } from "../helpers/worker";

const { jobIn } = borrowJobs({ exclude: nameNotUnique });
let viewer: string;

beforeAll(async () => {
  viewer = await tokenFor(await createUser("viewer"));
});

/** A viewer of its own: the chat allows 10 messages per minute per user. */
async function freshViewer(): Promise<string> {
  return tokenFor(await createUser("viewer"));
}

describe("the old suite's scenario", () => {
  it("POST /token then POST /api/chat with the bearer token: 200 with response and correlation_id, helpful when ABC123 does not exist", async () => {
    const user = await createUser("viewer");
    const token = await postToken({ username: user.username, password: user.password });
    expect(token.status).toBe(200);
    const { access_token } = (await token.json()) as { access_token: string };
    const response = await postChat(access_token, { message: "What is the status of job ABC123?" }, "/api/chat", {
      "X-Correlation-ID": "old-suite-1",
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, any>;
    expect(body.correlation_id).toBe("old-suite-1");
    expect(response.headers.get("X-Correlation-ID")).toBe("old-suite-1");
    expect(body.session_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.intent).toBe("job_status");
    expect(body.response).toContain("ABC123");
    expect(body.response).toMatch(/did not find|not found/i);
    expect(body.data).toMatchObject({ written: "ABC123", kind: "job" });
  });
});

describe("input", () => {
  it.each([
    ["unknown fields", { message: "status do job X", extra: 1 }],
    ["an empty message", { message: "" }],
    ["only NUL bytes", { message: "\u0000\u0000" }],
    ["more than 10000 characters", { message: "a".repeat(10_001) }],
    ["a session id that is not a UUID", { message: "help", session_id: "abc" }],
    ["no message", {}],
  ])("%s → 400 problem+json", async (_what, body) => {
    const response = await postChat(viewer, body);
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.errors?.length).toBeGreaterThan(0);
  });

  it("requires authentication (401 with WWW-Authenticate) and JSON (415)", async () => {
    const anonymous = await SELF.fetch(`${ORIGIN}/api/v1/chat`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": freshIp() },
      body: '{"message":"help"}',
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    const form = await SELF.fetch(`${ORIGIN}/api/v1/chat`, {
      method: "POST",
      headers: { ...bearer(viewer), "Content-Type": "text/plain" },
      body: "help",
    });
    expect(form.status).toBe(415);
  });

  it("strips NUL bytes and never reflects markup", async () => {
    const token = await freshViewer();
    const answer = await ask(token, "status do job <img src=x onerror=alert(1)>\u0000<script>alert(1)</script>");
    expect(JSON.stringify(answer)).not.toMatch(/<img|<script|onerror=|\u0000/);
    const unknown = await ask(token, "<b>bom dia</b>");
    expect(JSON.stringify(unknown)).not.toMatch(/<b>/);
  });

  it("markup is stripped before the message is read: <b>RECON_MATCH</b> is RECON_MATCH, not a job B", async () => {
    const token = await freshViewer();
    for (const message of [
      "qual o status do <b>RECON_MATCH</b>?",
      "<b>RECON_MATCH</b> abendou?",
      "status of <i>RECON_MATCH</i>&nbsp;",
    ]) {
      const answer = await ask(token, message);
      expect(answer.intent, message).toBe("job_status");
      expect(answer.data, message).toMatchObject({ name: "RECON_MATCH" });
    }
  });

  it("a question that is not about HWA gets help, not 'job SP not found', even in a conversation about a job", async () => {
    const chat = conversation(await freshViewer());
    await chat.ask("qual o status do RECON_MATCH?");
    for (const message of ["vai chover amanhã?", "vai chover amanhã em SP?", "quem ganhou o jogo do Flamengo ontem?"]) {
      const answer = await chat.ask(message);
      expect(answer.intent, message).toBe("unknown");
      expect(answer.response, message).not.toMatch(/Não encontrei|not find/);
      expect((answer.data!.examples as unknown[]).length).toBeGreaterThan(3);
    }
  });

  it("questions about the assistant itself get help, in their language", async () => {
    const chat = conversation(await freshViewer());
    for (const [message, language] of [
      ["que tipo de pergunta vc responde?", "pt"],
      ["como você funciona?", "pt"],
      ["which questions do you understand?", "en"],
      ["how does this chat work?", "en"],
    ]) {
      const answer = await chat.ask(message!);
      expect(answer.intent, message).toBe("help");
      expect(answer.data!.language, message).toBe(language);
      expect((answer.data!.examples as unknown[]).length, message).toBeGreaterThan(3);
    }
  });

  it("a 10000-character message is answered", async () => {
    const answer = await ask(await freshViewer(), `qual o status do job PAYROLL_CALC? ${"x".repeat(9_960)}`);
    expect(answer.intent).toBeTypeOf("string");
  });
});

describe("answers grounded in HWA", () => {
  it("job status in Portuguese states the facts the jobs API states", async () => {
    const job = await jobIn("ABEND");
    const answer = await ask(await freshViewer(), `qual o status do job ${job.name.toLowerCase()}?`);
    const facts = await apiJob(viewer, job.id);
    expect(answer.intent).toBe("job_status");
    expect(answer.data).toMatchObject({
      language: "pt",
      id: job.id,
      name: job.name,
      status: "ABEND",
      job_stream: facts.job_stream,
      return_code: facts.return_code,
    });
    expect(answer.response).toContain(job.name);
    expect(answer.response).toContain("ABEND");
    expect(answer.suggestions?.length).toBeGreaterThan(0);
  });

  it("a typo in the job name is resolved to the plan's name", async () => {
    const job = await jobIn("SUCC");
    const typo = job.name.slice(0, 3) + job.name.slice(4); // one letter dropped
    const answer = await ask(await freshViewer(), `what is the status of job ${typo}?`);
    expect(answer.intent).toBe("job_status");
    expect(answer.data).toMatchObject({ language: "en", id: job.id, status: "SUCC" });
  });

  it("a name in several streams gets a question back listing them", async () => {
    const answer = await ask(await freshViewer(), "qual o status do job LOAD?");
    expect(answer.intent).toBe("job_status");
    expect(answer.response).toContain("ETL_DWH");
    expect(answer.response).toContain("DWH_NIGHTLY");
    const streams = (answer.data!.candidates as { job_stream: string }[]).map((c) => c.job_stream).sort();
    expect(streams).toEqual(["DWH_NIGHTLY", "ETL_DWH"]);
  });

  it("an ABEND that appears in HWA shows up in the next answers within the cache's freshness", async () => {
    const job = await jobIn("SUCC");
    const chat = conversation(await freshViewer());
    expect((await chat.ask(`status do job ${job.name}`)).data).toMatchObject({ status: "SUCC" });
    await simulator.forceStatus(job.id, "ABEND");
    // Asked again every 2 s, so that the session stays under the chat's 10 messages a minute.
    await vi.waitFor(async () => expect((await chat.ask(`e o ${job.name}?`)).data?.status).toBe("ABEND"), {
      timeout: 15_000,
      interval: 2_000,
    });
  }, 30_000);

  it("the log answer shows the tail and the error lines, never the whole log", async () => {
    const job = await jobIn("ABEND");
    const answer = await ask(await freshViewer(), `why did ${job.name} fail?`);
    expect(answer.intent).toBe("job_log");
    const log = await SELF.fetch(`${ORIGIN}/api/v1/jobs/${encodeURIComponent(job.id)}/log`, {
      headers: bearer(viewer),
    });
    const lines = (await log.text()).split("\n").filter((line, i, all) => i < all.length - 1 || line !== "");
    expect(answer.data).toMatchObject({ job_id: job.id, lines_total: lines.length });
    expect(answer.data!.tail.length).toBe(Math.min(15, lines.length));
    expect(answer.data!.tail).toEqual(lines.slice(-answer.data!.tail.length));
    expect(answer.data!.error_lines.length).toBeGreaterThan(0);
    // Bounded whatever the log's length: the tail, at most 10 error lines and a few lines of heading.
    expect(answer.response.split("\n").length).toBeLessThanOrEqual(15 + 10 + 5);
  });

  it.each(["what made %s blow up?", "what made %s crash?", "o que fez o %s abendar?", "por que o %s deu pau?"])(
    "'%s': the failed job's log, with its error lines",
    async (question) => {
      const job = await jobIn("ABEND");
      const answer = await ask(await freshViewer(), question.replace("%s", job.name));
      expect(answer.intent).toBe("job_log");
      expect(answer.data).toMatchObject({ job_id: job.id });
      expect(answer.data!.error_lines.length).toBeGreaterThan(0);
    },
  );

  it("failed jobs are grouped by stream and include a job that just abended", async () => {
    const job = await jobIn("ABEND");
    const answer = await ask(await freshViewer(), "quais jobs abendaram nas últimas 3 horas?");
    expect(answer.intent).toBe("failed_jobs");
    const group = (answer.data!.groups as { job_stream: string; jobs: { id: string }[] }[]).find(
      (g) => g.job_stream === job.job_stream,
    );
    expect(group?.jobs.map((j) => j.id)).toContain(job.id);
    const all = (answer.data!.groups as { jobs: { status: string }[] }[]).flatMap((g) => g.jobs);
    expect(all.every((j) => j.status === "ABEND" || j.status === "FAIL")).toBe(true);
  });

  it("job stream status matches the job streams API", async () => {
    const answer = await ask(await freshViewer(), "como está o stream PAYROLL?");
    expect(answer.intent).toBe("jobstream_status");
    const response = await SELF.fetch(`${ORIGIN}/api/v1/jobstreams/${answer.data!.id}`, { headers: bearer(viewer) });
    const stream = (await response.json()) as Record<string, any>;
    expect(answer.data).toMatchObject({ name: "PAYROLL", status: stream.status, started_at: stream.started_at });
    expect(answer.data!.jobs.total).toBe(stream.jobs.total);
  });

  it("workstation status: the unlinked AIX agent says so", async () => {
    const answer = await ask(await freshViewer(), "is workstation AGT_AIX01 linked?");
    expect(answer.intent).toBe("workstation_status");
    expect(answer.data!.workstation).toMatchObject({ name: "AGT_AIX01", linked: false });
    const all = await ask(await freshViewer(), "status das estações");
    expect((all.data!.not_linked as { name: string }[]).map((w) => w.name)).toContain("AGT_AIX01");
    // Each unlinked item says so itself, as the text does ("Não linkadas: AGT_AIX01 …").
    expect(all.data!.not_linked).toContainEqual(expect.objectContaining({ name: "AGT_AIX01", linked: false }));
  });

  it("dependencies match the jobs API's predecessors", async () => {
    const job = await jobIn("HOLD");
    const answer = await ask(await freshViewer(), `o que está segurando o ${job.name}?`);
    expect(answer.intent).toBe("job_dependencies");
    const response = await SELF.fetch(`${ORIGIN}/api/v1/jobs/${encodeURIComponent(job.id)}/dependencies`, {
      headers: bearer(viewer),
    });
    const api = (await response.json()) as { predecessors: { id: string }[] };
    expect((answer.data!.predecessors as { id: string }[]).map((p) => p.id).sort()).toEqual(
      api.predecessors.map((p) => p.id).sort(),
    );
  });

  it("counts answers by intent and language on /metrics", async () => {
    const count = async () => {
      const text = await (await SELF.fetch(`${ORIGIN}/metrics`)).text();
      return Number(/^resync_chat_messages_total\{intent="help",language="pt"\} (\d+)$/m.exec(text)?.[1] ?? 0);
    };
    const before = await count();
    await ask(await freshViewer(), "ajuda");
    // At least ours: files running at the same time may share this isolate.
    expect(await count()).toBeGreaterThanOrEqual(before + 1);
  });

  it("unknown questions get help with examples, not a guess", async () => {
    const answer = await ask(await freshViewer(), "what's the weather in Lisbon?");
    expect(answer.intent).toBe("unknown");
    expect((answer.data!.examples as unknown[]).length).toBeGreaterThan(3);
  });
});

describe("sessions", () => {
  it("follow-ups use the session's context: status, then 'e o log?'", async () => {
    const job = await jobIn("ABEND");
    const chat = conversation(await freshViewer());
    await chat.ask(`qual o status do job ${job.name}?`);
    const log = await chat.ask("e o log?");
    expect(log.intent).toBe("job_log");
    expect(log.data).toMatchObject({ job_id: job.id, language: "pt" });
  });

  it("a session belongs to its user: another user's session id carries none of its context", async () => {
    const job = await jobIn("ABEND");
    const owner = conversation(await freshViewer());
    await owner.ask(`status do job ${job.name}`);
    const other = await ask(await freshViewer(), "e o log?", owner.id);
    expect(other.intent).toBe("job_log");
    expect(other.data?.job_id).toBeUndefined();
  });

  it("10 messages per minute per user: then 429 with Retry-After and the chat policy", async () => {
    // The binding counts in fixed windows: 21 messages within a minute span at most two windows of 10, so at least
    // one is refused, and none of the first 10 is.
    const token = await freshViewer();
    const responses: Response[] = [];
    for (let i = 0; i < 21; i++) {
      const response = await postChat(token, { message: "ajuda" });
      await response.body?.cancel();
      responses.push(response);
      if (response.status === 429) break;
    }
    expect(responses.slice(0, 10).every((r) => r.status === 200)).toBe(true);
    expect(responses[0]!.headers.get("RateLimit-Policy")).toBe('"chat";q=10;w=60');
    const limited = responses.at(-1)!;
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).toBe("60");
    // The chat's limit is its own: the rest of the API still answers this user.
    expect((await SELF.fetch(`${ORIGIN}/api/v1/auth/me`, { headers: bearer(token) })).status).toBe(200);
  });
});
