import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { countInvalidFrame, MAX_INVALID_FRAMES } from "../../src/chat/frames";
import { bearer, createUser, ORIGIN, tokenFor } from "../helpers/accounts";
import { socketOf } from "../helpers/socket";

/** An open chat socket: its frames in order, and how it closed. */
async function open(token: string) {
  return socketOf(
    await SELF.fetch(`${ORIGIN}/api/v1/chat/ws`, { headers: { Upgrade: "websocket", ...bearer(token) } }),
  );
}

const bad = ["not json", JSON.stringify({ type: "message", message: "" }), JSON.stringify({ type: "other" })];

describe("invalid WebSocket frames", () => {
  it(`closes the socket with 1008 at the ${MAX_INVALID_FRAMES}th invalid frame within a minute`, async () => {
    const socket = await open(await tokenFor(await createUser("viewer")));
    expect(await socket.next()).toMatchObject({ type: "info" });
    for (let i = 0; i < MAX_INVALID_FRAMES - 1; i++) {
      socket.ws.send(bad[i % bad.length]!);
      expect(await socket.next()).toMatchObject({ type: "error", status: 400 });
    }
    // Still open after 19: a valid message is answered.
    socket.ws.send(JSON.stringify({ type: "message", message: "help" }));
    expect(await socket.next()).toMatchObject({ type: "message" });

    socket.ws.send("still not json");
    expect(await socket.next()).toMatchObject({ type: "error", status: 400 });
    // Whatever comes next, the socket closes; a valid frame sent now is not answered.
    socket.ws.send(JSON.stringify({ type: "message", message: "help" }));
    const outcome = await Promise.race([socket.closed, socket.next().then((frame) => ({ frame }))]);
    expect(outcome).toEqual({ code: 1008, reason: "too many invalid frames" });
  });

  it("counts binary frames as invalid too, and each socket on its own", async () => {
    const token = await tokenFor(await createUser("viewer"));
    const first = await open(token);
    const second = await open(token);
    await first.next();
    await second.next();
    for (let i = 0; i < MAX_INVALID_FRAMES; i++) {
      first.ws.send(new Uint8Array([1, 2, 3]));
      expect(await first.next()).toMatchObject({ type: "error", status: 400 });
    }
    first.ws.send(JSON.stringify({ type: "message", message: "help" }));
    const outcome = await Promise.race([first.closed, first.next().then((frame) => ({ frame }))]);
    expect(outcome).toMatchObject({ code: 1008 });
    second.ws.send("not json");
    expect(await second.next()).toMatchObject({ type: "error", status: 400 });
    second.ws.close(1000);
  });
});

describe("countInvalidFrame", () => {
  it("keeps a sliding minute of invalid frames, bounded, and says when the limit is reached", () => {
    let recent: number[] = [];
    for (let i = 0; i < MAX_INVALID_FRAMES - 1; i++) {
      const counted = countInvalidFrame(recent, 1_000 + i);
      expect(counted.exceeded).toBe(false);
      recent = counted.recent;
    }
    expect(countInvalidFrame(recent, 2_000).exceeded).toBe(true);
    // A minute after the first ones, they no longer count.
    const later = countInvalidFrame(recent, 61_001);
    expect(later.exceeded).toBe(false);
    expect(later.recent.length).toBeLessThan(MAX_INVALID_FRAMES);
    expect(later.recent.every((at) => at > 1_001)).toBe(true);
  });
});
