import { database } from "../platform/db/client";
import type { Bindings } from "../platform/env/bindings";
import { readConfig } from "../platform/env/config";
import { createLogger, describeError, logLevelOf } from "../platform/observability/logger";
import { activeSubscriptions, type Subscription } from "../subscriptions/store";
import { deliver, retryDelaySeconds, type DeliveryStep } from "./deliver";
import { fanOut } from "./fan-out";
import { NotifyMessage } from "./messages";
import { queueMessages } from "./metrics";
import type { Resolver } from "./webhook-url";

export interface ConsumerOptions {
  /** Milliseconds since the epoch (quiet hours are judged by it). */
  now?: () => number;
  /** How webhook host names are resolved (DNS over HTTPS by default). */
  resolve?: Resolver;
}

/**
 * The NOTIFY queue's consumer. An event is fanned out to its subscribers' deliveries (retried with backoff while
 * libSQL or the queue fails); each delivery is one try at its target, retried on its own. A message that cannot be
 * read is retried too, so it ends in the dead-letter queue instead of vanishing.
 */
export async function consumeNotifications(
  batch: MessageBatch<unknown>,
  env: Bindings,
  options: ConsumerOptions = {},
): Promise<void> {
  const now = options.now ?? Date.now;
  const log = createLogger(logLevelOf(env), { queue: batch.queue, correlation_id: crypto.randomUUID() });
  const db = await database(readConfig(env)).catch(() => undefined);
  let subscriptions: Promise<Subscription[]> | undefined;

  await Promise.all(
    batch.messages.map(async (message) => {
      const parsed = NotifyMessage.safeParse(message.body);
      if (!parsed.success) {
        queueMessages.inc({ kind: "unknown", result: "invalid" });
        log.error("unreadable notify message", { message_id: message.id, attempts: message.attempts });
        return message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
      }
      const { kind } = parsed.data;
      let step: DeliveryStep;
      try {
        if (!db) throw new Error("the database is unavailable");
        if (parsed.data.kind === "event") {
          subscriptions ??= activeSubscriptions(db);
          await fanOut(env, db, await subscriptions, parsed.data.event, now());
          step = { kind: "done" };
        } else {
          step = await deliver({ env, db, log, now: now(), resolve: options.resolve }, parsed.data.delivery_id);
        }
      } catch (error) {
        log.warn("notify message not handled; retrying", { kind, ...describeError(error) });
        step = { kind: "retry", delaySeconds: retryDelaySeconds(message.attempts) };
      }
      if (step.kind === "done") {
        queueMessages.inc({ kind, result: "done" });
        message.ack();
      } else {
        queueMessages.inc({ kind, result: "retried" });
        message.retry({ delaySeconds: step.delaySeconds });
      }
    }),
  );
}
