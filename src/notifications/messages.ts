import { z } from "zod";
import type { Bindings } from "../platform/env/bindings";
import { NotificationEvent } from "./events";

// What travels through the NOTIFY queue: an event on its way to its subscribers (fanned out by the consumer), then
// one message per delivery (an event for one subscription), retried on its own.

export const NotifyMessage = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("event"), event: NotificationEvent }),
  z.strictObject({ kind: z.literal("delivery"), delivery_id: z.uuid() }),
]);
export type NotifyMessage = z.infer<typeof NotifyMessage>;

/** A batch of the queue holds at most this many messages. */
const MAX_BATCH = 100;

/** Queues messages in batches; `delaySeconds` holds them back (a delivery waiting for quiet hours to end). */
export async function sendNotify(env: Bindings, messages: NotifyMessage[], delaySeconds?: number): Promise<void> {
  for (let i = 0; i < messages.length; i += MAX_BATCH) {
    const batch = messages.slice(i, i + MAX_BATCH).map((body) => ({ body, contentType: "json" as const }));
    await env.NOTIFY.sendBatch(batch, delaySeconds ? { delaySeconds } : undefined);
  }
}

/** The Worker's `queue()` serves two queues: NOTIFY's name ends in `-notify` (wrangler.toml). */
export const isNotifyQueue = (name: string) => name.endsWith("-notify");
