import { createExecutionContext, createMessageBatch, getQueueResult, SELF } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { consumeNotifications } from "../../src/notifications/consumer";
import { MAX_TRIES, retryDelaySeconds } from "../../src/notifications/deliver";
import type { NotificationEvent } from "../../src/notifications/events";
import type { NotifyMessage } from "../../src/notifications/messages";
import { database } from "../../src/platform/db/client";
import { notificationDeliveries } from "../../src/platform/db/schema";
import { readConfig } from "../../src/platform/env/config";
import { bearer, ORIGIN } from "../helpers/accounts";
import { bindings } from "../helpers/worker";
import {
  borrowWaitingJobs,
  look,
  receivedCount,
  receiver,
  signatureValid,
  signedIn,
  simulator,
  subscribe,
  watcherStarted,
} from "./helpers";

// Deliveries: retries with backoff, dead letters, quiet hours and formats. The NOTIFY consumer is called directly
// with a queue of its own (what it queues is kept, not delivered) wherever a test needs to hold the clock.

const jobs = borrowWaitingJobs();
let token: string;

beforeAll(async () => {
  token = (await signedIn()).token;
});

interface QueueResult {
  explicitAcks: string[];
  retryMessages: { msgId: string }[];
}

/** A NOTIFY binding that keeps what it is sent. */
function keptQueue() {
  const sent: { body: NotifyMessage; delaySeconds?: number }[] = [];
  const queue = {
    async sendBatch(messages: { body: NotifyMessage }[], options?: { delaySeconds?: number }) {
      for (const message of messages) sent.push({ body: message.body, delaySeconds: options?.delaySeconds });
    },
  } as unknown as Queue;
  return { queue, sent };
}

/** One batch through the consumer, `attempts` being its delivery number; the retry delays it asked for. */
async function consume(bodies: unknown[], options: { attempts?: number; now?: number; queue?: Queue } = {}) {
  const batch = createMessageBatch(
    "resync-notify",
    bodies.map((body, i) => ({
      id: `m-${i}-${crypto.randomUUID()}`,
      timestamp: new Date(),
      attempts: options.attempts ?? 1,
      body,
    })),
  );
  const retries = batch.messages.map((message) => vi.spyOn(message, "retry"));
  const ctx = createExecutionContext();
  const env = options.queue ? { ...bindings, NOTIFY: options.queue } : bindings;
  await consumeNotifications(batch, env, options.now === undefined ? {} : { now: () => options.now! });
  const result = (await getQueueResult(batch, ctx)) as QueueResult;
  return { result, delays: retries.map((spy) => spy.mock.calls[0]?.[0]?.delaySeconds) };
}

function eventAbout(jobName: string, kind: NotificationEvent["kind"] = "job.abend"): NotificationEvent {
  const id = crypto.randomUUID();
  return {
    id: `default:job:${id}:${id}:${kind.split(".")[1]}`,
    kind,
    engine: "default",
    detected_at: new Date().toISOString(),
    job: {
      id,
      name: jobName,
      job_stream: "PAYROLL",
      workstation: "AGT_LNX01",
      run_id: id,
      status: "ABEND",
      return_code: 12,
      started_at: "2026-07-04T03:00:00.000Z",
      ended_at: "2026-07-04T03:02:00.000Z",
      elapsed_ms: 120_000,
      estimated_ms: 100_000,
    },
  };
}

/** A webhook subscription to a fresh job name, and the delivery its event makes (queued on a kept queue). */
async function pendingDelivery(target: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const hook = receiver();
  const name = `JOB_${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
  const created = await subscribe(token, {
    events: ["job.abend"],
    match: { job: name },
    target: { kind: "webhook", url: hook.url, ...target },
    ...extra,
  });
  const kept = keptQueue();
  await consume([{ kind: "event", event: eventAbout(name) }], { queue: kept.queue });
  expect(kept.sent).toHaveLength(1);
  return { hook, secret: created.secret as string, message: kept.sent[0]!.body, name };
}

async function deliveryRow(id: string) {
  const db = await database(readConfig(bindings));
  const [row] = await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.id, id));
  return row!;
}

const deliveryIdOf = (message: NotifyMessage) => (message as { delivery_id: string }).delivery_id;

describe("delivery through the NOTIFY queue", () => {
  it("retries a receiver that fails three times and delivers once when it accepts (the same delivery id each time)", async () => {
    await watcherStarted();
    const job = jobs.next();
    const hook = receiver();
    await hook.answer(503, 3);
    await subscribe(token, {
      events: ["job.abend"],
      match: { job: job.name },
      target: { kind: "webhook", url: hook.url },
    });
    await simulator.forceStatus(job.id, "ABEND");
    await look();
    const received = await receivedCount(hook, 4, 40_000);
    const ids = new Set(received.map((r) => r.headers["resync-delivery"]));
    expect(ids.size).toBe(1);
    const row = await deliveryRow(String([...ids][0]));
    expect(row).toMatchObject({ status: "sent", attempts: 4, lastError: null });
  });

  it("dead-letters after 10 tries with exponential backoff; an admin sees it and retries it", async () => {
    const { hook, message } = await pendingDelivery();
    await hook.answer(500);
    const delays: (number | undefined)[] = [];
    for (let attempt = 1; attempt <= MAX_TRIES; attempt++) {
      const { result, delays: asked } = await consume([message], { attempts: attempt });
      if (attempt < MAX_TRIES) expect(result.retryMessages).toHaveLength(1);
      else expect(result.explicitAcks).toHaveLength(1);
      delays.push(asked[0]);
    }
    await receivedCount(hook, MAX_TRIES);
    // Between half and all of 1, 2, 4 … 256 s.
    delays.slice(0, -1).forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(Math.ceil(2 ** i / 2));
      expect(delay).toBeLessThanOrEqual(2 ** i);
    });
    const id = deliveryIdOf(message);
    expect(await deliveryRow(id)).toMatchObject({
      status: "failed",
      attempts: MAX_TRIES,
      lastError: "the receiver answered 500, after 10 tries",
    });

    const admin = (await signedIn("admin")).token;
    const page = await (
      await SELF.fetch(`${ORIGIN}/api/v1/notifications/failed?limit=200`, { headers: bearer(admin) })
    ).json();
    expect((page as { items: { id: string; attempts: number }[] }).items).toContainEqual(
      expect.objectContaining({ id, attempts: MAX_TRIES, event_kind: "job.abend" }),
    );
    const viewerAnswer = await SELF.fetch(`${ORIGIN}/api/v1/notifications/failed/${id}/retry`, {
      method: "POST",
      headers: bearer(token),
    });
    expect(viewerAnswer.status).toBe(403);
    await hook.answer(200, 0);
    const retried = await SELF.fetch(`${ORIGIN}/api/v1/notifications/failed/${id}/retry`, {
      method: "POST",
      headers: bearer(admin),
    });
    expect(retried.status).toBe(202);
    await receivedCount(hook, MAX_TRIES + 1);
    await vi.waitFor(async () => expect((await deliveryRow(id)).status).toBe("sent"));
    const again = await SELF.fetch(`${ORIGIN}/api/v1/notifications/failed/${id}/retry`, {
      method: "POST",
      headers: bearer(admin),
    });
    expect(again.status).toBe(404);
  });

  it("honours a 429's Retry-After, and refuses for good on a 4xx", async () => {
    const limited = await pendingDelivery();
    await limited.hook.answer(429, 1, "42");
    const { delays } = await consume([limited.message]);
    expect(delays[0]).toBe(42);

    const gone = await pendingDelivery();
    await gone.hook.answer(410);
    const { result } = await consume([gone.message]);
    expect(result.explicitAcks).toHaveLength(1);
    expect(await deliveryRow(deliveryIdOf(gone.message))).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: "the receiver answered 410",
    });
  });

  it("delivers an event once however often the queue brings it", async () => {
    const { hook, message, name } = await pendingDelivery();
    // Two copies at once: one sends, the other finds the delivery held and comes back later, to find it sent.
    const both = await consume([message, message]);
    expect(both.result.explicitAcks).toHaveLength(1);
    expect(both.result.retryMessages).toHaveLength(1);
    expect((await consume([message])).result.explicitAcks).toHaveLength(1);
    expect(await hook.received()).toHaveLength(1);
    const kept = keptQueue();
    const event = eventAbout(name);
    await consume(
      [
        { kind: "event", event },
        { kind: "event", event },
      ],
      { queue: kept.queue },
    );
    await consume(kept.sent.map((sent) => sent.body));
    await consume(kept.sent.map((sent) => sent.body));
    const received = await hook.received();
    expect(received).toHaveLength(2);
    expect(new Set(received.map((r) => JSON.parse(r.body).event.id)).size).toBe(2);
  });

  it("holds a notification during quiet hours and sends it once they end", async () => {
    const now = Date.now();
    const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);
    const quiet = { from: clock(now - 3_600_000), to: clock(now + 3_600_000), time_zone: "UTC" };
    const { hook, message } = await pendingDelivery({}, { quiet_hours: quiet });
    const kept = keptQueue();
    const { result } = await consume([message], { queue: kept.queue, now });
    expect(result.explicitAcks).toHaveLength(1);
    expect(kept.sent).toHaveLength(1);
    expect(kept.sent[0]!.body).toEqual(message);
    expect(kept.sent[0]!.delaySeconds).toBeGreaterThan(3_540);
    expect(kept.sent[0]!.delaySeconds).toBeLessThanOrEqual(3_600);
    expect(await hook.received()).toHaveLength(0);

    await consume([kept.sent[0]!.body], { now: now + 3_700_000 });
    expect(await hook.received()).toHaveLength(1);
  });

  it("sends Teams an Adaptive Card and Slack Block Kit, signed like JSON, in the subscription's language", async () => {
    const teams = await pendingDelivery({ format: "teams" }, { language: "pt" });
    await consume([teams.message]);
    const [card] = await teams.hook.received();
    expect(await signatureValid(teams.secret, String(card!.headers["resync-signature"]), card!.body)).toBe(true);
    const message = JSON.parse(card!.body);
    expect(message.type).toBe("message");
    expect(message.attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");
    const content = message.attachments[0].content;
    expect(content).toMatchObject({ type: "AdaptiveCard", version: "1.4" });
    expect(content.body[1].text).toBe(
      `O job ${teams.name} (stream PAYROLL, estação AGT_LNX01) terminou em ABEND (código de retorno 12).`,
    );
    expect(content.body[2].facts).toContainEqual({ title: "Código de retorno", value: "12" });

    const slack = await pendingDelivery({ format: "slack" });
    await consume([slack.message]);
    const [post] = await slack.hook.received();
    const blocks = JSON.parse(post!.body);
    expect(blocks.text).toMatch(new RegExp(`Job ${slack.name} .*ended in ABEND`));
    expect(blocks.blocks.map((block: { type: string }) => block.type)).toEqual([
      "header",
      "section",
      "section",
      "context",
    ]);
    expect(blocks.blocks[2].fields).toContainEqual({ type: "mrkdwn", text: "*Return code*\n12" });
  });

  it("counts every notification sent or failed, and every event emitted, in /metrics", async () => {
    const text = await (await SELF.fetch(`${ORIGIN}/metrics`)).text();
    for (const line of [
      /^resync_notifications_total\{result="sent",target="json"\} [1-9]\d*$/m,
      /^resync_notifications_total\{result="failed",target="json"\} [1-9]\d*$/m,
      /^resync_notifications_total\{result="retried",target="json"\} [1-9]\d*$/m,
      /^resync_notifications_total\{result="held",target="json"\} [1-9]\d*$/m,
      /^resync_notification_events_total\{kind="job.abend"\} [1-9]\d*$/m,
      /^resync_plan_watcher_looks_total\{result="ok"\} [1-9]\d*$/m,
    ])
      expect(text).toMatch(line);
  });

  it("retries a message it cannot read, toward the dead-letter queue", async () => {
    const { result, delays } = await consume([{ kind: "delivery", delivery_id: "not-a-uuid" }, "garbage"], {
      attempts: 3,
    });
    expect(result.retryMessages).toHaveLength(2);
    expect(delays).toEqual([expect.any(Number), expect.any(Number)]);
    expect(retryDelaySeconds(3, 0, () => 1)).toBe(4);
  });
});
