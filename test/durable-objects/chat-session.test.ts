import { env, runDurableObjectAlarm, runInDurableObject, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_IDLE_MS, SOCKET_IDLE_MS, type SessionState } from "../../src/chat/session";
import { bearer, createUser, ORIGIN, tokenFor, type TestUser } from "../helpers/accounts";
import { ask } from "../helpers/chat";

const namespace = env.CHAT_SESSION;
const sessionObject = (username: string, sessionId: string) =>
  namespace.get(namespace.idFromName(`${username}\n${sessionId}`));

let user: TestUser;
let token: string;
beforeAll(async () => {
  user = await createUser("viewer");
  token = await tokenFor(user);
});

describe("ChatSession lifetime", () => {
  it("keeps a bounded history and schedules its expiry", async () => {
    const first = await ask(token, "ajuda");
    const stub = sessionObject(user.username, first.session_id);
    const stored = await runInDurableObject(stub, async (_instance, state) => ({
      session: state.storage.kv.get<SessionState>("session")!,
      alarm: await state.storage.getAlarm(),
    }));
    expect(stored.session.history.map((turn) => turn.from)).toEqual(["operator", "assistant"]);
    expect(stored.session.history[0]!.text).toBe("ajuda");
    expect(stored.alarm).toBeGreaterThan(Date.now());
  });

  it("forgets a session idle for longer than its lifetime, and keeps a recent one", async () => {
    const first = await ask(token, "help");
    const stub = sessionObject(user.username, first.session_id);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await runInDurableObject(stub, (_instance, state) => state.storage.kv.get("session"))).toBeDefined();

    await runInDurableObject(stub, (_instance, state) =>
      state.storage.kv.put("last-active", Date.now() - SESSION_IDLE_MS - 1),
    );
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await runInDurableObject(stub, (_instance, state) => state.storage.kv.get("session"))).toBeUndefined();
  });

  it("closes an idle WebSocket with 4408", async () => {
    const sessionId = crypto.randomUUID();
    const response = await SELF.fetch(`${ORIGIN}/api/v1/chat/ws?session_id=${sessionId}`, {
      headers: { Upgrade: "websocket", ...bearer(token) },
    });
    expect(response.status).toBe(101);
    const ws = response.webSocket!;
    const closed = new Promise<number>((resolve) => ws.addEventListener("close", (event) => resolve(event.code)));
    ws.accept();
    const stub = sessionObject(user.username, sessionId);
    await runInDurableObject(stub, (_instance, state) => {
      for (const socket of state.getWebSockets()) {
        socket.serializeAttachment({
          ...(socket.deserializeAttachment() as object),
          lastSeen: Date.now() - SOCKET_IDLE_MS - 1,
        });
      }
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await closed).toBe(4408);
  });
});
