import { createScheduledController, runDurableObjectAlarm, SELF } from "cloudflare:test";
import { describe, expect, inject, it, vi } from "vitest";
import worker from "../../src/index";
import type { NotificationEvent } from "../../src/notifications/events";
import { planWatcher } from "../../src/notifications/watcher";
import { bearer, ORIGIN } from "../helpers/accounts";
import { simulatorAt, testClient } from "../helpers/hwa";
import { bindings } from "../helpers/worker";
import { receivedCount, receiver, signedIn, subscribe } from "./helpers";

// A watcher per enabled engine of the registry: the cron starts DR's beside `default`'s, DR's looks read DR, its
// events name DR, a subscription may ask for one engine's events, and a disabled engine's watcher stops.

const second = simulatorAt(inject("hwaSecondUrl"));
const drWatcher = () => planWatcher(bindings, "DR");
const cron = () =>
  worker.scheduled(createScheduledController({ scheduledTime: new Date(), cron: "*/5 * * * *" }), bindings);

describe("a plan watcher per engine", () => {
  it("watches each enabled engine, tells its events with their engine, and stops with its engine", async () => {
    const { token: admin } = await signedIn("admin");
    const call = (method: string, path: string, body: unknown) =>
      SELF.fetch(`${ORIGIN}${path}`, {
        method,
        headers: { ...bearer(admin), "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const auth = { kind: "basic", username: inject("hwaUsername"), password: inject("hwaPassword") };
    const created = await call("POST", "/api/v1/engines", { name: "DR", base_url: second.url, auth });
    expect(created.status, await created.clone().text()).toBe(201);
    try {
      await cron();
      await vi.waitFor(async () => expect((await drWatcher().status()).last_look).not.toBeNull(), { timeout: 20_000 });
      expect((await drWatcher().status()).engine).toBe("DR");
      expect((await planWatcher(bindings).status()).running).toBe(true);

      const { token } = await signedIn();
      const target = receiver();
      const job = await waitingJobOnDr();
      await subscribe(token, {
        events: ["job.abend"],
        match: { engine: "dr", job: job.name },
        target: { kind: "webhook", url: target.url, format: "json" },
      });
      await second.forceStatus(job.id, "ABEND");
      expect(await runDurableObjectAlarm(drWatcher())).toBe(true);
      const [delivery] = await receivedCount(target, 1);
      const event = JSON.parse(delivery!.body).event as NotificationEvent;
      expect(event).toMatchObject({ kind: "job.abend", engine: "DR" });
      expect(event.id.startsWith("DR:")).toBe(true);
    } finally {
      const disabled = await call("PATCH", "/api/v1/engines/DR", { enabled: false });
      expect(disabled.status).toBe(200);
    }
    // Its next look finds the engine disabled: no further look is scheduled.
    await vi.waitFor(
      async () => {
        await runDurableObjectAlarm(drWatcher());
        expect((await drWatcher().status()).running).toBe(false);
      },
      { timeout: 15_000, interval: 500 },
    );
  });
});

/** A job of DR's plan waiting in HOLD, read from the simulator itself. */
async function waitingJobOnDr(): Promise<{ id: string; name: string }> {
  const { client } = testClient({}, undefined, inject("hwaSecondUrl"));
  const jobs = (await client.listJobs({ oql: "jobruns.compositeStatus.status = 'HOLD'", limit: 50, offset: 0 }))
    .results;
  return jobs[0]!;
}
