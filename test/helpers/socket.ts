import { expect } from "vitest";

// A WebSocket the Worker answered (101): its JSON frames in order, how it closed, and a way to send.

export interface Socket {
  ws: WebSocket;
  /** The next frame, waiting for it if none is queued. */
  next(): Promise<Record<string, any>>;
  closed: Promise<{ code: number; reason: string }>;
  send(frame: unknown): void;
}

/** Accepts the socket of a 101 `response` (fails the test otherwise, with the answer's body). */
export async function socketOf(response: Response): Promise<Socket> {
  expect(response.status, response.status === 101 ? "" : await response.text()).toBe(101);
  const ws = response.webSocket!;
  const frames: Record<string, any>[] = [];
  const waiting: ((frame: Record<string, any>) => void)[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.addEventListener("close", (event) => resolve({ code: event.code, reason: event.reason })),
  );
  ws.addEventListener("message", (event) => {
    const frame = JSON.parse(event.data as string) as Record<string, any>;
    const waiter = waiting.shift();
    if (waiter) waiter(frame);
    else frames.push(frame);
  });
  ws.accept();
  return {
    ws,
    closed,
    next: () => {
      const frame = frames.shift();
      return frame ? Promise.resolve(frame) : new Promise((resolve) => waiting.push(resolve));
    },
    send: (frame) => ws.send(typeof frame === "string" ? frame : JSON.stringify(frame)),
  };
}
