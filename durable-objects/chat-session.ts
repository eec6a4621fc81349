import { DurableObject } from "cloudflare:workers";
import { answerMessage, type ChatAnswer } from "../src/chat/answer-message";
import { countInvalidFrame, socketFrame, type SocketFrame } from "../src/chat/frames";
import {
  emptySession,
  remember,
  SESSION_IDLE_MS,
  SOCKET_IDLE_MS,
  type Asker,
  type PendingAction,
  type SessionState,
} from "../src/chat/session";
import type { Bindings } from "../src/platform/env/bindings";

const SESSION_KEY = "session";
/** Single-use WebSocket tickets already redeemed here, until they expire. */
const TICKETS_KEY = "redeemed-tickets";
/** Header by which the Worker hands the authenticated asker to `fetch` (the object is reachable only from the Worker). */
export const ASKER_HEADER = "X-Resync-Chat-Asker";
export const TICKET_HEADER = "X-Resync-Chat-Ticket";
/** WebSocket close codes of this API (4000–4999 are the application's). */
export const CLOSE = { unauthorized: 4401, idle: 4408, tooLarge: 1009, policy: 1008 } as const;

interface SocketAttachment {
  asker: Asker;
  sessionId: string;
  lastSeen: number;
  /** When this socket's recent invalid frames arrived (epoch ms, oldest first; bounded by countInvalidFrame). */
  invalidFrames?: number[];
}

/**
 * One chat session of one user: bounded history, the context follow-ups need, the action waiting for
 * confirmation, and the session's WebSockets (Hibernation API: the object may sleep between messages).
 * Answers are computed here for REST and WebSocket alike, so one session's state has one writer.
 */
export class ChatSession extends DurableObject<Bindings> {
  /** Answers one message (REST `POST /api/v1/chat`). */
  async ask(asker: Asker, sessionId: string, message: string): Promise<ChatAnswer> {
    return this.answer(asker, sessionId, message);
  }

  /** Opens a WebSocket for an asker the Worker authenticated; a ticket is redeemed once. */
  override async fetch(request: Request): Promise<Response> {
    const asker = JSON.parse(request.headers.get(ASKER_HEADER) ?? "null") as Asker | null;
    const sessionId = new URL(request.url).searchParams.get("session_id");
    if (!asker || !sessionId) return new Response("missing asker", { status: 400 });
    const ticket = request.headers.get(TICKET_HEADER);
    if (ticket && !this.redeem(ticket)) return new Response("ticket already used", { status: 401 });

    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    this.ctx.acceptWebSocket(server, [asker.username]);
    const attachment: SocketAttachment = { asker, sessionId, lastSeen: Date.now() };
    server.serializeAttachment(attachment);
    server.send(JSON.stringify(socketFrame.info(sessionId, "connected")));
    await this.touch();
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    // A frame the client sent before it saw our close: nothing may be sent back any more.
    if (ws.readyState !== WebSocket.OPEN) return;
    const attachment = ws.deserializeAttachment() as SocketAttachment;
    attachment.lastSeen = Date.now();
    ws.serializeAttachment(attachment);
    let outcome: Awaited<ReturnType<typeof socketFrame.handle>>;
    try {
      outcome = await socketFrame.handle(this.env, attachment.asker, message, (correlationId, text) =>
        this.answer({ ...attachment.asker, correlationId }, attachment.sessionId, text),
      );
    } catch (error) {
      // As the REST route would answer 500: say so without internals, and keep the socket.
      console.error(
        JSON.stringify({
          level: "error",
          message: "chat message failed",
          error: error instanceof Error ? error.message : String(error),
        }),
      );
      outcome = { send: socketFrame.failed() };
    }
    if (ws.readyState !== WebSocket.OPEN) return;
    const close = (outcome.invalid && this.countInvalid(ws)) || outcome.close;
    if (outcome.send) ws.send(JSON.stringify(outcome.send satisfies SocketFrame));
    if (close) ws.close(close.code, close.reason);
  }

  /** Counts an invalid frame of this socket; the close to send once too many came within a minute. */
  private countInvalid(ws: WebSocket): { code: number; reason: string } | undefined {
    // Read again after the await above: another frame of this socket may have been counted meanwhile.
    const attachment = ws.deserializeAttachment() as SocketAttachment;
    const counted = countInvalidFrame(attachment.invalidFrames ?? [], Date.now());
    ws.serializeAttachment({ ...attachment, invalidFrames: counted.recent });
    return counted.exceeded ? { code: CLOSE.policy, reason: "too many invalid frames" } : undefined;
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    // Completes the closing handshake; 1005/1006 may not be sent back.
    ws.close(code === 1005 || code === 1006 ? 1000 : code, "closed");
  }

  /** Idle sockets are closed; a session idle past its lifetime is forgotten. */
  override async alarm(): Promise<void> {
    const now = Date.now();
    for (const ws of this.ctx.getWebSockets()) {
      const attachment = ws.deserializeAttachment() as SocketAttachment;
      if (now - attachment.lastSeen >= SOCKET_IDLE_MS) ws.close(CLOSE.idle, "idle");
    }
    const lastActive = this.ctx.storage.kv.get<number>("last-active") ?? 0;
    if (now - lastActive >= SESSION_IDLE_MS && this.ctx.getWebSockets().length === 0) {
      await this.ctx.storage.deleteAll();
      return;
    }
    await this.ctx.storage.setAlarm(now + Math.min(SOCKET_IDLE_MS, SESSION_IDLE_MS) / 2);
  }

  /** Readiness: one round trip through this object's storage; returns Date.now(). */
  async ping(): Promise<number> {
    this.ctx.storage.kv.get(SESSION_KEY);
    return Date.now();
  }

  private async answer(asker: Asker, sessionId: string, message: string): Promise<ChatAnswer> {
    const state = this.ctx.storage.kv.get<SessionState>(SESSION_KEY) ?? emptySession();
    const session = {
      context: state.context,
      pendingEngine: state.pending?.engine,
      // Taken out before anything is awaited, so one confirmation can never act twice.
      takePending: (): PendingAction | undefined => this.update((s) => ({ ...s, pending: undefined })).taken,
      setPending: (pending: PendingAction | undefined) => void this.update((s) => ({ ...s, pending })),
    };
    const answer = await answerMessage(
      { asker, env: this.env, waitUntil: (promise) => this.ctx.waitUntil(promise), sessionId },
      session,
      message,
    );
    this.update((s) => ({ ...s, context: answer.context, history: remember(s.history, ...answer.turns) }));
    await this.touch();
    return answer.reply;
  }

  /** Changes the stored session synchronously (no await between read and write); returns the pending action it held. */
  private update(change: (state: SessionState) => SessionState): { taken: PendingAction | undefined } {
    const state = this.ctx.storage.kv.get<SessionState>(SESSION_KEY) ?? emptySession();
    this.ctx.storage.kv.put(SESSION_KEY, change(state));
    return { taken: state.pending };
  }

  /** `ticket` is "<id>.<expiry in epoch seconds>"; true the first time only. */
  private redeem(ticket: string): boolean {
    const [ticketId = "", expiresAtSeconds = "0"] = ticket.split(".");
    const now = Date.now();
    const redeemed = (this.ctx.storage.kv.get<Record<string, number>>(TICKETS_KEY) ?? {}) as Record<string, number>;
    if (redeemed[ticketId] !== undefined) return false;
    const live = Object.fromEntries(Object.entries(redeemed).filter(([, until]) => until > now));
    live[ticketId] = Math.max(now, Number(expiresAtSeconds) * 1000);
    this.ctx.storage.kv.put(TICKETS_KEY, live);
    return true;
  }

  private async touch(): Promise<void> {
    this.ctx.storage.kv.put("last-active", Date.now());
    if ((await this.ctx.storage.getAlarm()) === null)
      await this.ctx.storage.setAlarm(Date.now() + Math.min(SOCKET_IDLE_MS, SESSION_IDLE_MS) / 2);
  }
}
