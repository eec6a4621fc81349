import { SELF } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { toJob } from "../../src/jobs/job";
import { bearer, createUser, ORIGIN, tokenFor } from "../helpers/accounts";
import { borrowJobs } from "../helpers/borrowed-jobs";
import { conversation, nameNotUnique } from "../helpers/chat";
import { testClient } from "../helpers/hwa";

// The chat keeps answering questions during maintenance, and says why it will not act.

const MESSAGE = "Janela de manutenção do HWA";
const { jobIn } = borrowJobs({ exclude: nameNotUnique });
let admin: string;

beforeAll(async () => {
  admin = await tokenFor(await createUser("admin"));
});

afterEach(async () => {
  expect((await putMaintenance({ enabled: false })).status).toBe(200);
});

function putMaintenance(maintenance: Record<string, unknown>): Promise<Response> {
  return SELF.fetch(`${ORIGIN}/api/v1/settings`, {
    method: "PUT",
    headers: { ...bearer(admin), "Content-Type": "application/json" },
    body: JSON.stringify({ maintenance }),
  });
}

async function turnOn(until?: string): Promise<void> {
  expect((await putMaintenance({ enabled: true, message: MESSAGE, ...(until && { until }) })).status).toBe(200);
}

const operatorToken = async () => tokenFor(await createUser("operator"));

/** The job's status as HWA has it now, read past the Worker and its cache. */
async function statusOf(jobId: string): Promise<string | null> {
  return toJob(await testClient().client.job(jobId)).status;
}

describe("the chat during maintenance", () => {
  it("answers a proposed action with the maintenance notice instead of a confirmation (pt and en)", async () => {
    const token = await operatorToken();
    const job = await jobIn("READY");
    const until = new Date(Date.now() + 3_600_000).toISOString();
    await turnOn(until);

    const chat = conversation(token);
    const pt = await chat.ask(`faz hold do job ${job.name}`);
    expect(pt.intent).toBe("job_action");
    expect(pt.data).toMatchObject({
      outcome: "maintenance",
      action: "hold",
      job_id: job.id,
      maintenance: { message: MESSAGE, until },
    });
    expect(pt.response).toContain(
      `O Resync está em manutenção: não vou colocar em hold o job ${job.name} agora; nada foi feito.`,
    );
    expect(pt.response).toContain(`Aviso do administrador: "${MESSAGE}".`);
    expect(pt.response).toContain("Previsão de término:");
    expect(pt.data!.pending).toBeUndefined();
    expect((await chat.ask("sim")).data).toMatchObject({ outcome: "nothing_pending" });

    const en = await conversation(token).ask(`please hold job ${job.name}`);
    expect(en.data).toMatchObject({ outcome: "maintenance", action: "hold", job_id: job.id });
    expect(en.response).toContain(`Resync is in maintenance: I will not hold job ${job.name} now; nothing was done.`);
    expect(en.response).toContain(`The administrator's notice: "${MESSAGE}".`);
    expect(await statusOf(job.id)).toBe("READY");
  });

  it("does nothing on a confirmation given during maintenance, and forgets the action", async () => {
    const token = await operatorToken();
    const job = await jobIn("READY");
    const chat = conversation(token);
    expect((await chat.ask(`faz hold do job ${job.name}`)).data!.pending).toMatchObject({ job_id: job.id });

    await turnOn();
    const refused = await chat.ask("sim");
    expect(refused.data).toMatchObject({ outcome: "maintenance", action: "hold", job_id: job.id });
    expect(refused.response).toContain("Sem hora prevista para terminar.");
    expect(await statusOf(job.id)).toBe("READY");

    await putMaintenance({ enabled: false });
    expect((await chat.ask("sim")).data).toMatchObject({ outcome: "nothing_pending" });
    expect(await statusOf(job.id)).toBe("READY");
  });

  it("keeps answering questions", async () => {
    const token = await operatorToken();
    const job = await jobIn("ABEND");
    await turnOn();
    const answer = await conversation(token).ask(`qual o status do job ${job.name}?`);
    expect(answer.intent).toBe("job_status");
    expect(answer.response).toContain(job.name);
  });
});
