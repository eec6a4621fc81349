import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { bearer, createUser, ORIGIN, sessionFor, tokenFor } from "../helpers/accounts";
import { borrowJobs } from "../helpers/borrowed-jobs";
import { ask, nameNotUnique } from "../helpers/chat";
import { type Socket, socketOf } from "../helpers/socket";
import { problemOf } from "../helpers/worker";

const { jobIn } = borrowJobs({ exclude: nameNotUnique });

/** An open chat socket and the frames it received, in order. */
async function open(query = "", headers: Record<string, string> = {}): Promise<Socket> {
  return socketOf(
    await SELF.fetch(`${ORIGIN}/api/v1/chat/ws${query}`, { headers: { Upgrade: "websocket", ...headers } }),
  );
}

let viewer: string;
beforeAll(async () => {
  viewer = await tokenFor(await createUser("viewer"));
});

describe("GET /api/v1/chat/ws", () => {
  it("with a Bearer header: an info frame, then answers as message frames", async () => {
    const job = await jobIn("ABEND");
    const socket = await open("", bearer(await tokenFor(await createUser("viewer"))));
    const info = await socket.next();
    expect(info).toMatchObject({ type: "info", state: "connected" });
    expect(info.session_id).toMatch(/^[0-9a-f-]{36}$/);
    socket.send({ type: "message", message: `qual o status do job ${job.name}?`, correlation_id: "ws-status-1" });
    const answer = await socket.next();
    expect(answer).toMatchObject({
      type: "message",
      intent: "job_status",
      session_id: info.session_id,
      correlation_id: "ws-status-1",
    });
    expect(answer.data).toMatchObject({ id: job.id, status: "ABEND" });
    socket.ws.close(1000, "bye");
  });

  it("bad frames get error frames; an oversized frame closes the socket with 1009", async () => {
    const socket = await open("", bearer(viewer));
    await socket.next();
    socket.send("not json");
    expect(await socket.next()).toMatchObject({ type: "error", status: 400 });
    socket.send({ type: "message", message: "help", extra: true });
    expect(await socket.next()).toMatchObject({ type: "error", status: 400 });
    socket.send({ type: "message", message: "" });
    expect(await socket.next()).toMatchObject({ type: "error", status: 400 });
    socket.send({ type: "message", message: "x".repeat(70_000) });
    expect((await socket.closed).code).toBe(1009);
  });

  it("refuses what is not an authenticated upgrade", async () => {
    const anonymous = await SELF.fetch(`${ORIGIN}/api/v1/chat/ws`, { headers: { Upgrade: "websocket" } });
    expect(anonymous.status).toBe(401);
    await problemOf(anonymous);
    const notUpgrade = await SELF.fetch(`${ORIGIN}/api/v1/chat/ws`, { headers: bearer(viewer) });
    expect(notUpgrade.status).toBe(426);
    const tokenInUrl = await SELF.fetch(`${ORIGIN}/api/v1/chat/ws?access_token=${viewer}`, {
      headers: { Upgrade: "websocket" },
    });
    expect(tokenInUrl.status).toBe(400);
  });

  it("with the session cookie: only from the same origin", async () => {
    const { cookie } = await sessionFor(await createUser("viewer"));
    const crossSite = await SELF.fetch(`${ORIGIN}/api/v1/chat/ws`, {
      headers: { Upgrade: "websocket", Cookie: cookie, Origin: "https://evil.example" },
    });
    expect(crossSite.status).toBe(403);
    const noOrigin = await SELF.fetch(`${ORIGIN}/api/v1/chat/ws`, {
      headers: { Upgrade: "websocket", Cookie: cookie },
    });
    expect(noOrigin.status).toBe(403);
    const socket = await open("", { Cookie: cookie, Origin: ORIGIN });
    expect(await socket.next()).toMatchObject({ type: "info" });
    socket.ws.close(1000);
  });

  it("with a ticket: once, for its session only; a ticket is not a token", async () => {
    const token = await tokenFor(await createUser("viewer"));
    const issued = await SELF.fetch(`${ORIGIN}/api/v1/chat/tickets`, {
      method: "POST",
      headers: { ...bearer(token), "Content-Type": "application/json" },
      body: "{}",
    });
    expect(issued.status).toBe(201);
    const { ticket, session_id } = (await issued.json()) as { ticket: string; session_id: string };
    const socket = await open(`?ticket=${ticket}`);
    expect(await socket.next()).toMatchObject({ type: "info", session_id });
    socket.ws.close(1000);

    const reused = await SELF.fetch(`${ORIGIN}/api/v1/chat/ws?ticket=${ticket}`, { headers: { Upgrade: "websocket" } });
    expect(reused.status).toBe(401);
    const another = await SELF.fetch(`${ORIGIN}/api/v1/chat/tickets`, {
      method: "POST",
      headers: { ...bearer(token), "Content-Type": "application/json" },
      body: "{}",
    });
    const second = (await another.json()) as { ticket: string };
    const wrongSession = await SELF.fetch(
      `${ORIGIN}/api/v1/chat/ws?ticket=${second.ticket}&session_id=${crypto.randomUUID()}`,
      { headers: { Upgrade: "websocket" } },
    );
    expect(wrongSession.status).toBe(401);
    const asToken = await SELF.fetch(`${ORIGIN}/api/v1/auth/me`, { headers: bearer(second.ticket) });
    expect(asToken.status).toBe(401);
  });

  it("shares the session with REST: a follow-up over the socket uses the REST question's context", async () => {
    const job = await jobIn("ABEND");
    const token = await tokenFor(await createUser("viewer"));
    const first = await ask(token, `status do job ${job.name}`);
    const socket = await open(`?session_id=${first.session_id}`, bearer(token));
    await socket.next();
    socket.send({ type: "message", message: "e o log?" });
    const log = await socket.next();
    expect(log).toMatchObject({ type: "message", intent: "job_log", session_id: first.session_id });
    expect(log.data).toMatchObject({ job_id: job.id });
    socket.ws.close(1000);
  });

  it("a rerun over the socket needs the confirmation, then happens", async () => {
    const job = await jobIn("ABEND");
    const socket = await open("", bearer(await tokenFor(await createUser("operator"))));
    await socket.next();
    socket.send({ type: "message", message: `rerun ${job.name}` });
    expect((await socket.next()).data).toMatchObject({ pending: { action: "rerun", job_id: job.id } });
    socket.send({ type: "message", message: "yes" });
    expect((await socket.next()).data).toMatchObject({ outcome: "done", job_id: job.id });
    socket.ws.close(1000);
  });

  it("counts messages against the chat's limit: error frames with 429 and retry_after", async () => {
    const socket = await open("", bearer(await tokenFor(await createUser("viewer"))));
    await socket.next();
    const frames: Record<string, any>[] = [];
    for (let i = 0; i < 21; i++) {
      socket.send({ type: "message", message: "help" });
      const frame = await socket.next();
      frames.push(frame);
      if (frame.type === "error") break;
    }
    expect(frames.slice(0, 10).every((f) => f.type === "message")).toBe(true);
    expect(frames.at(-1)).toMatchObject({ type: "error", status: 429, retry_after: 60 });
    socket.ws.close(1000);
  });
});
