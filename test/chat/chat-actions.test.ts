import { env, runInDurableObject, SELF } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionState } from "../../src/chat/session";
import { auditEvents } from "../../src/platform/db/schema";
import { bearer, createUser, ORIGIN, tokenFor, type TestUser } from "../helpers/accounts";
import { auditRows } from "../helpers/audit";
import { borrowJobs } from "../helpers/borrowed-jobs";
import { apiJob, conversation, nameNotUnique } from "../helpers/chat";

const { jobIn } = borrowJobs({ exclude: nameNotUnique });
let viewer: string;

beforeAll(async () => {
  viewer = await tokenFor(await createUser("viewer"));
});

async function operator(): Promise<{ user: TestUser; token: string }> {
  const user = await createUser("operator");
  return { user, token: await tokenFor(user) };
}

function sessionObject(username: string, sessionId: string) {
  const namespace = env.CHAT_SESSION;
  return namespace.get(namespace.idFromName(`${username}\n${sessionId}`));
}

/** The outcomes audited for `actor` acting on `target`, in order: an action is its attempt, then how it ended. */
async function audited(actor: string, target: string, action: string) {
  const rows = await auditRows(
    and(eq(auditEvents.actor, actor), eq(auditEvents.target, target), eq(auditEvents.action, action)),
  );
  return { rows, outcomes: rows.map((row) => row.outcome) };
}

describe("actions by chat need a confirmation", () => {
  it("rerun: described, nothing done until 'sim', then done once and audited", async () => {
    const { user, token } = await operator();
    const job = await jobIn("ABEND");
    const runsBefore = (await apiJob(viewer, job.id)).runs.length;
    const chat = conversation(token);

    const proposal = await chat.ask(`faz rerun do job ${job.name}`);
    expect(proposal.intent).toBe("job_action");
    expect(proposal.response).toContain(job.name);
    expect(proposal.response).toMatch(/confirma/);
    expect(proposal.data!.pending).toMatchObject({ action: "rerun", job_id: job.id, job_name: job.name });
    expect((await apiJob(viewer, job.id)).runs.length).toBe(runsBefore);

    const done = await chat.ask("sim");
    expect(done.data).toMatchObject({ outcome: "done", action: "rerun", job_id: job.id });
    expect((await apiJob(viewer, job.id)).runs.length).toBe(runsBefore + 1);

    const again = await chat.ask("sim");
    expect(again.data).toMatchObject({ outcome: "nothing_pending" });
    expect((await apiJob(viewer, job.id)).runs.length).toBe(runsBefore + 1);

    const { rows, outcomes } = await audited(user.username, job.id, "job.rerun");
    expect(outcomes).toEqual(["attempt", "success"]);
    expect(rows[1]).toMatchObject({ correlationId: done.correlation_id });
    expect(rows[1]!.metadata).toMatchObject({ reason: `confirmed in chat session ${chat.id}` });
  });

  it("the confirmation token is the Idempotency-Key: the API replays the chat's action instead of acting again", async () => {
    const { user, token } = await operator();
    const job = await jobIn("READY");
    const chat = conversation(token);
    await chat.ask(`hold ${job.name}`);
    const pending = await runInDurableObject(
      sessionObject(user.username, chat.id!),
      (_instance, state) => state.storage.kv.get<SessionState>("session")!.pending!,
    );
    expect(pending).toMatchObject({ action: "hold", jobId: job.id });
    expect((await chat.ask("yes")).data).toMatchObject({ outcome: "done" });

    const replay = await SELF.fetch(`${ORIGIN}/api/v1/jobs/${encodeURIComponent(job.id)}/actions/hold`, {
      method: "POST",
      headers: { ...bearer(token), "Idempotency-Key": pending.token },
    });
    expect(replay.status).toBe(200);
    expect(replay.headers.get("Idempotency-Replayed")).toBe("true");
    expect((await audited(user.username, job.id, "job.hold")).outcomes).toEqual(["attempt", "success"]);
  });

  it("two confirmations at once act once", async () => {
    const { user, token } = await operator();
    const job = await jobIn("READY");
    const chat = conversation(token);
    await chat.ask(`segura o job ${job.name}`);
    const answers = await Promise.all([chat.ask("sim"), chat.ask("sim")]);
    expect(answers.map((a) => a.data!.outcome).sort()).toEqual(["done", "nothing_pending"]);
    expect((await apiJob(viewer, job.id)).status).toBe("HOLD");
    expect((await audited(user.username, job.id, "job.hold")).outcomes).toEqual(["attempt", "success"]);
  });

  it("'não' declines, and a late 'sim' does nothing", async () => {
    const { token } = await operator();
    const job = await jobIn("READY");
    const chat = conversation(token);
    await chat.ask(`hold ${job.name}`);
    expect((await chat.ask("não")).data).toMatchObject({ outcome: "declined", job_id: job.id });
    expect((await chat.ask("sim")).data).toMatchObject({ outcome: "nothing_pending" });
    expect((await apiJob(viewer, job.id)).status).toBe("READY");
  });

  it.each([
    ["não, deixa", "declined"],
    ["deixa pra lá", "declined"],
    ["melhor não", "declined"],
    ["no, leave it", "declined"],
    ["não, deixa ele rodar", "declined"],
    ["não, deixa como está", "declined"],
    ["no, let it run", "declined"],
    ["no, keep it running", "declined"],
    ["not now", "declined"],
  ])("'%s' declines the proposed action", async (reply, outcome) => {
    const { token } = await operator();
    const job = await jobIn("READY");
    const chat = conversation(token);
    await chat.ask(`hold ${job.name}`);
    const answer = await chat.ask(reply);
    expect(answer.intent).toBe("job_action");
    expect(answer.data).toMatchObject({ outcome, action: "hold", job_id: job.id });
    expect((await chat.ask("sim")).data).toMatchObject({ outcome: "nothing_pending" });
    expect((await apiJob(viewer, job.id)).status).toBe("READY");
  });

  it("an expired confirmation does nothing", async () => {
    const { user, token } = await operator();
    const job = await jobIn("READY");
    const chat = conversation(token);
    await chat.ask(`hold job ${job.name}`);
    await runInDurableObject(sessionObject(user.username, chat.id!), (_instance, state) => {
      const session = state.storage.kv.get<SessionState>("session")!;
      state.storage.kv.put("session", { ...session, pending: { ...session.pending!, expiresAt: Date.now() - 1 } });
    });
    expect((await chat.ask("yes")).data).toMatchObject({ outcome: "expired", job_id: job.id });
    expect((await apiJob(viewer, job.id)).status).toBe("READY");
  });

  it("a viewer asking is told they cannot, and nothing waits for confirmation", async () => {
    const job = await jobIn("ABEND");
    const user = await createUser("viewer");
    const chat = conversation(await tokenFor(user));
    const refused = await chat.ask(`rerun ${job.name}`);
    expect(refused.data).toMatchObject({ outcome: "forbidden", role: "viewer" });
    expect(refused.response).toMatch(/viewer/);
    expect((await chat.ask("yes")).data).toMatchObject({ outcome: "nothing_pending" });
    const { rows, outcomes } = await audited(user.username, job.id, "job.rerun");
    expect(outcomes).toEqual(["denied"]);
    expect(rows[0]).toMatchObject({ correlationId: refused.correlation_id });
    expect(rows[0]!.metadata).toMatchObject({ role: "viewer", required_role: "operator", via: "chat" });
  });

  it("an action the job's status excludes is refused with why, before any confirmation", async () => {
    const { token } = await operator();
    const job = await jobIn("SUCC");
    const chat = conversation(token);
    const refused = await chat.ask(`kill ${job.name}`);
    expect(refused.data).toMatchObject({ outcome: "refused", status: "SUCC", accepted_statuses: ["EXEC"] });
    // It says why, and that nothing awaits a "yes": the refusal is the answer, not a proposal.
    expect(refused.response).toMatch(/kill needs a job in EXEC\. No action is waiting for confirmation\./);
    expect((await chat.ask("yes")).data).toMatchObject({ outcome: "nothing_pending" });
    const pt = await chat.ask(`faz kill no ${job.name}`);
    expect(pt.response).toMatch(/kill só vale para jobs em EXEC\. Nenhuma ação ficou esperando confirmação\./);
    expect((await chat.ask("sim")).data).toMatchObject({ outcome: "nothing_pending" });
  });
});
