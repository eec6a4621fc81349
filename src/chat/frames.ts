import { z } from "zod";
import { isRevoked } from "../platform/auth/revocation";
import type { Bindings } from "../platform/env/bindings";
import { Problem } from "../platform/http/problem";
import { chatPolicy, consume } from "../platform/http/rate-limit";
import { correlationIdFrom } from "../platform/http/request-context";
import type { ChatAnswer } from "./answer-message";
import { ChatMessage } from "./message";
import type { Asker } from "./session";

// The WebSocket protocol of `GET /api/v1/chat/ws` (API.md): the client sends `{type: "message", message}`; the
// server answers with `message` frames (the REST answer's fields), `error` frames, and `info` frames.

/** Largest text frame accepted; a message is at most 10,000 characters. */
export const MAX_FRAME_BYTES = 64 * 1024;

export type SocketFrame =
  | ({ type: "message" } & ChatAnswer)
  | { type: "info"; session_id: string; state: "connected" }
  | { type: "error"; status: number; title: string; detail: string; correlation_id: string; retry_after?: number };

const ClientFrame = z.strictObject({
  type: z.literal("message"),
  message: ChatMessage,
  correlation_id: z.string().max(64).optional(),
});

/** `invalid`: the frame was not one the protocol allows (not text, not JSON, not a message): counted per socket. */
type Outcome = { send?: SocketFrame; close?: { code: number; reason: string }; invalid?: true };

/** Invalid frames a socket may send within `INVALID_FRAME_WINDOW_MS`; the last one closes it with 1008. */
export const MAX_INVALID_FRAMES = 20;
export const INVALID_FRAME_WINDOW_MS = 60_000;

/**
 * Counts one invalid frame at `now` into a socket's recent ones (times, oldest first; at most MAX_INVALID_FRAMES kept);
 * `exceeded` once MAX_INVALID_FRAMES fall within the window, when the socket is closed as a policy violation.
 */
export function countInvalidFrame(recent: readonly number[], now: number): { recent: number[]; exceeded: boolean } {
  const live = [...recent.filter((at) => now - at < INVALID_FRAME_WINDOW_MS), now].slice(-MAX_INVALID_FRAMES);
  return { recent: live, exceeded: live.length >= MAX_INVALID_FRAMES };
}

function error(status: number, title: string, detail: string, correlationId: string, retryAfter?: number): SocketFrame {
  return {
    type: "error",
    status,
    title,
    detail,
    correlation_id: correlationId,
    ...(retryAfter ? { retry_after: retryAfter } : {}),
  };
}

export const socketFrame = {
  info: (sessionId: string, state: "connected"): SocketFrame => ({ type: "info", session_id: sessionId, state }),
  failed: (): SocketFrame => error(500, "Internal Server Error", "An unexpected error occurred", crypto.randomUUID()),

  /** What to send back (and whether to close) for one frame from the client. */
  async handle(
    env: Bindings,
    asker: Asker,
    raw: string | ArrayBuffer,
    answer: (correlationId: string, message: string) => Promise<ChatAnswer>,
  ): Promise<Outcome> {
    const correlationId = crypto.randomUUID();
    if (typeof raw !== "string")
      return { send: error(400, "Bad Request", "Send text frames of JSON", correlationId), invalid: true };
    if (new TextEncoder().encode(raw).byteLength > MAX_FRAME_BYTES) {
      return { close: { code: 1009, reason: "frame too large" } };
    }
    if (
      asker.exp * 1000 <= Date.now() ||
      (await isRevoked(env.CACHE, { jti: asker.jti, sub: asker.username, iat: asker.iat, exp: asker.exp }))
    ) {
      return {
        send: error(
          401,
          "Unauthorized",
          "The credential of this connection expired or was revoked; reconnect",
          correlationId,
        ),
        close: { code: 4401, reason: "unauthorized" },
      };
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return {
        send: error(400, "Bad Request", 'Frames are JSON: {"type": "message", "message": "..."}', correlationId),
        invalid: true,
      };
    }
    const frame = ClientFrame.safeParse(json);
    if (!frame.success) {
      const detail = frame.error.issues
        .map((issue) => `${issue.path.join(".") || "frame"}: ${issue.message}`)
        .join("; ");
      return { send: error(400, "Bad Request", detail.slice(0, 500), correlationId), invalid: true };
    }
    const id = frame.data.correlation_id ? correlationIdFrom(frame.data.correlation_id) : correlationId;
    try {
      await consume(env, chatPolicy, `user:${asker.username}`);
    } catch (problem) {
      if (problem instanceof Problem)
        return {
          send: error(problem.status, problem.title, problem.message, id, Number(problem.headers["Retry-After"])),
        };
      throw problem;
    }
    return { send: { type: "message", ...(await answer(id, frame.data.message)) } };
  },
};
