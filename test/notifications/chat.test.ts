import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { bearer, ORIGIN } from "../helpers/accounts";
import { conversation } from "../helpers/chat";
import { borrowWaitingJobs, look, signedIn, simulator, watcherStarted } from "./helpers";

// "me avise quando o PAYROLL terminar": a one-shot console subscription, proposed, confirmed like an action, and
// used up by the job's end.

const jobs = borrowWaitingJobs();

async function subscriptionsOf(token: string) {
  const response = await SELF.fetch(`${ORIGIN}/api/v1/subscriptions`, { headers: bearer(token) });
  return ((await response.json()) as { items: Record<string, any>[] }).items;
}

async function openConsole(token: string) {
  const response = await SELF.fetch(`${ORIGIN}/api/v1/notifications/ws`, {
    headers: { Upgrade: "websocket", ...bearer(token) },
  });
  const ws = response.webSocket!;
  const frames: Record<string, any>[] = [];
  ws.addEventListener("message", (event) => {
    frames.push(JSON.parse(event.data as string));
  });
  ws.accept();
  return { ws, frames };
}

beforeAll(() => watcherStarted());

describe("notify me when a job ends, from the chat", () => {
  it("proposes, creates the one-shot subscription on 'sim', tells its end once in the console, and is used up", async () => {
    const { user, token } = await signedIn();
    const job = jobs.next();
    const chat = conversation(token);
    const proposal = await chat.ask(`me avise quando o job ${job.name} terminar`);
    expect(proposal.response).toMatch(new RegExp(`^Vou avisar você no console quando o job ${job.name} .*confirma\\?`));
    expect(proposal.data?.pending).toMatchObject({ action: "notify" });
    expect(await subscriptionsOf(token)).toEqual([]);

    const confirmed = await chat.ask("sim");
    expect(confirmed.response).toMatch(new RegExp(`^Combinado: vou avisar no console quando o job ${job.name}`));
    const [subscription] = await subscriptionsOf(token);
    expect(subscription).toMatchObject({
      id: confirmed.data?.subscription_id,
      owner: user.username,
      events: ["job.succeeded", "job.abend", "job.failed"],
      match: { job: job.name, job_stream: job.jobStreamName },
      target: { kind: "console" },
      language: "pt",
      one_shot: true,
    });

    const socket = await openConsole(token);
    await look();
    await simulator.forceStatus(job.id, "SUCC");
    await look();
    await vi.waitFor(() => expect(socket.frames.filter((f) => f.type === "notification")).toHaveLength(1), {
      timeout: 20_000,
    });
    const frame = socket.frames.find((f) => f.type === "notification")!;
    expect(frame.event).toMatchObject({ kind: "job.succeeded", job: { id: job.id } });
    expect(frame.text).toMatch(new RegExp(`^O job ${job.name} .*terminou com sucesso\\.$`));
    expect(await subscriptionsOf(token)).toEqual([]);
    socket.ws.close(1000, "bye");
  });

  it("creates nothing on 'no', and says so of a job that already ended", async () => {
    const { token } = await signedIn();
    const job = jobs.next();
    const chat = conversation(token);
    const proposal = await chat.ask(`notify me when ${job.name} finishes`);
    expect(proposal.response).toMatch(new RegExp(`^I will tell you in the console when job ${job.name} .*confirm\\?`));
    const declined = await chat.ask("no");
    expect(declined.response).toBe(`OK, no notification for job ${job.name} (stream ${job.jobStreamName}).`);
    expect(await subscriptionsOf(token)).toEqual([]);

    const ended = jobs.next();
    await simulator.forceStatus(ended.id, "ABEND");
    const answer = await chat.ask(`let me know when ${ended.name} is done`);
    expect(answer.response).toMatch(/has already ended \(ABEND\): there is nothing to wait for/);
    expect(await chat.ask("yes")).toMatchObject({ response: "There is no action waiting for confirmation." });
    expect(await subscriptionsOf(token)).toEqual([]);
  });
});
