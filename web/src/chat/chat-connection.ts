// The chat over its WebSocket (GET /api/v1/chat/ws): a browser cannot send headers on an upgrade, so each connection
// starts with a single-use ticket from POST /api/v1/chat/tickets (cookie + CSRF), bound to the chat session kept for
// this tab. A dropped connection comes back with a new ticket (1 s doubling to 30 s); one closed for an expired
// session (4401) waits for the next sign-in; one closed for idleness (4408) waits for the next message.
import { signal } from "@preact/signals";
import { ApiProblem, call } from "../api/client";
import type { ChatAnswer } from "../api/types";

export type ChatEntry =
  | { from: "operator"; text: string }
  | { from: "resync"; answer: ChatAnswer }
  | { from: "error"; text: string };

export const entries = signal<ChatEntry[]>([]);
export const connection = signal<"connecting" | "open" | "closed">("closed");

const SESSION_KEY = "resync.chat.session";
const MAX_BACKOFF_MS = 30_000;
const IDLE_CLOSE = 4408;
const UNAUTHORIZED_CLOSE = 4401;

let socket: WebSocket | undefined;
let wanted = false;
let attempts = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
const outbox: string[] = [];

function add(entry: ChatEntry) {
  entries.value = [...entries.value, entry];
}

function retryLater() {
  if (!wanted) return;
  clearTimeout(retryTimer);
  retryTimer = setTimeout(open, Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempts));
  attempts += 1;
}

function received(raw: string) {
  const frame = JSON.parse(raw) as { type: string } & Partial<ChatAnswer> & { detail?: string; title?: string };
  if (frame.type === "message") add({ from: "resync", answer: frame as ChatAnswer });
  else if (frame.type === "error") add({ from: "error", text: frame.detail || frame.title || "error" });
}

async function open() {
  if (!wanted || socket || connection.value === "connecting") return;
  connection.value = "connecting";
  try {
    const stored = sessionStorage.getItem(SESSION_KEY);
    const ticket = await call<{ ticket: string; session_id: string }>("/api/v1/chat/tickets", {
      method: "POST",
      body: stored ? { session_id: stored } : {},
    });
    sessionStorage.setItem(SESSION_KEY, ticket.session_id);
    const url = new URL("/api/v1/chat/ws", location.href);
    url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
    url.searchParams.set("ticket", ticket.ticket);
    url.searchParams.set("session_id", ticket.session_id);
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      connection.value = "open";
      attempts = 0;
      for (const message of outbox.splice(0)) ws.send(JSON.stringify({ type: "message", message }));
    };
    ws.onmessage = (event) => received(String(event.data));
    ws.onclose = (event) => {
      if (socket === ws) socket = undefined;
      connection.value = "closed";
      if (event.code !== IDLE_CLOSE && event.code !== UNAUTHORIZED_CLOSE) retryLater();
    };
  } catch (problem) {
    connection.value = "closed";
    if (!(problem instanceof ApiProblem && problem.status === 401)) retryLater();
  }
}

/** Connects (after signing in, again after a new sign-in). */
export function connectChat() {
  wanted = true;
  attempts = 0;
  void open();
}

/** Disconnects and forgets the conversation (signing out). */
export function disconnectChat() {
  wanted = false;
  clearTimeout(retryTimer);
  socket?.close(1000);
  socket = undefined;
  outbox.length = 0;
  entries.value = [];
  sessionStorage.removeItem(SESSION_KEY);
}

export function sendChat(message: string) {
  add({ from: "operator", text: message });
  if (socket?.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify({ type: "message", message }));
    return;
  }
  outbox.push(message);
  void open();
}
