import { createScheduledController } from "cloudflare:test";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { database } from "../../src/platform/db/client";
import { notificationDeliveries } from "../../src/platform/db/schema";
import { readConfig } from "../../src/platform/env/config";
import { bindings } from "../helpers/worker";
import { signedIn, subscribe, watcher } from "./helpers";

// The notifications' cron: the watcher started again if it stopped, finished deliveries kept 30 days.

describe("the */5 cron", () => {
  it("starts the watcher and removes sent and missed deliveries older than 30 days, never dead letters", async () => {
    const { token } = await signedIn();
    const { id: subscriptionId } = await subscribe(token, { events: ["engine.back"], target: { kind: "console" } });
    const db = await database(readConfig(bindings));
    const old = new Date(Date.now() - 31 * 24 * 60 * 60_000);
    const row = (status: "sent" | "missed" | "failed", createdAt: Date) => ({
      id: crypto.randomUUID(),
      eventId: `cron-test:${crypto.randomUUID()}`,
      subscriptionId,
      event: {},
      status,
      createdAt,
    });
    const rows = [row("sent", old), row("missed", old), row("failed", old), row("sent", new Date())];
    await db.insert(notificationDeliveries).values(rows);

    await worker.scheduled(createScheduledController({ scheduledTime: new Date(), cron: "*/5 * * * *" }), bindings);

    const left = await db
      .select({ id: notificationDeliveries.id })
      .from(notificationDeliveries)
      .where(
        inArray(
          notificationDeliveries.id,
          rows.map((r) => r.id),
        ),
      );
    expect(left.map((r) => r.id).sort()).toEqual([rows[2]!.id, rows[3]!.id].sort());
    expect((await watcher().status()).running).toBe(true);
    await db.delete(notificationDeliveries).where(eq(notificationDeliveries.subscriptionId, subscriptionId));
  });
});
