import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { bearer, createUser, ORIGIN, sessionFor } from "../helpers/accounts";
import { socketOf } from "../helpers/socket";
import { problemOf } from "../helpers/worker";
import { borrowWaitingJobs, look, signedIn, simulator, subscribe, watcherStarted } from "./helpers";

// The console's notification socket: a frame for each console subscription's event, on every socket the user has open.

const jobs = borrowWaitingJobs();

/** An open socket and the frames it received, in order; how it closed, by its code. */
async function open(headers: Record<string, string>) {
  const socket = await socketOf(
    await SELF.fetch(`${ORIGIN}/api/v1/notifications/ws`, { headers: { Upgrade: "websocket", ...headers } }),
  );
  return { ...socket, closed: socket.closed.then(({ code }) => ({ code })) };
}

beforeAll(() => watcherStarted());

describe("GET /api/v1/notifications/ws", () => {
  it("sends a console subscription's event as a frame to each of the user's sockets", async () => {
    const { token } = await signedIn();
    const job = jobs.next();
    await subscribe(token, {
      events: ["job.abend"],
      match: { job: job.name },
      target: { kind: "console" },
      language: "pt",
    });
    const [first, second] = [await open(bearer(token)), await open(bearer(token))];
    for (const socket of [first, second]) expect(await socket.next()).toEqual({ type: "info", state: "connected" });

    await simulator.forceStatus(job.id, "ABEND");
    await look();
    for (const socket of [first, second]) {
      const frame = await socket.next();
      expect(frame).toMatchObject({
        type: "notification",
        event: { kind: "job.abend", job: { id: job.id, name: job.name } },
        title: `Resync: job.abend ${job.name}`,
        language: "pt",
      });
      expect(frame.text).toMatch(new RegExp(`^O job ${job.name} .*terminou em ABEND`));
    }
    first.ws.close(1000, "bye");
    second.ws.close(1000, "bye");
  });

  it("closes a socket whose credential was revoked (4401) instead of sending to it", async () => {
    const { token } = await signedIn();
    const job = jobs.next();
    await subscribe(token, { events: ["job.abend"], match: { job: job.name }, target: { kind: "console" } });
    const socket = await open(bearer(token));
    await socket.next();
    const logout = await SELF.fetch(`${ORIGIN}/api/v1/auth/logout`, { method: "POST", headers: bearer(token) });
    expect(logout.status).toBe(204);
    await simulator.forceStatus(job.id, "ABEND");
    await look();
    expect(await socket.closed).toEqual({ code: 4401 });
  });

  it("opens only for a caller who proves who they are, from this origin, as a WebSocket", async () => {
    expect(
      (await problemOf(await SELF.fetch(`${ORIGIN}/api/v1/notifications/ws`, { headers: { Upgrade: "websocket" } })))
        .status,
    ).toBe(401);
    const { token } = await signedIn();
    expect((await SELF.fetch(`${ORIGIN}/api/v1/notifications/ws`, { headers: bearer(token) })).status).toBe(426);
    const session = await sessionFor(await createUser("viewer"));
    const crossSite = await SELF.fetch(`${ORIGIN}/api/v1/notifications/ws`, {
      headers: { Upgrade: "websocket", Cookie: session.cookie, Origin: "https://evil.example" },
    });
    expect((await problemOf(crossSite)).status).toBe(403);
    const sameSite = await open({ Cookie: session.cookie, Origin: ORIGIN });
    expect(await sameSite.next()).toEqual({ type: "info", state: "connected" });
    sameSite.ws.close(1000, "bye");
  });
});
