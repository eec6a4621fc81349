import { runInDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { PlanWatcher } from "../../durable-objects/plan-watcher";
import type { Bindings } from "../../src/platform/env/bindings";
import { durationMs } from "../../src/hwa/duration";
import {
  borrowWaitingJobs,
  patchSubscription,
  hwaClient,
  look,
  receivedCount,
  receiver,
  runOf,
  signatureValid,
  signedIn,
  simulator,
  subscribe,
  watcher,
  watcherStarted,
} from "./helpers";

// The plan watcher end to end: the simulator's plan changes, the watcher's alarm notices, the NOTIFY queue delivers
// to the test run's webhook receiver.

const jobs = borrowWaitingJobs();
let token: string;

beforeAll(async () => {
  token = (await signedIn()).token;
  await watcherStarted();
});

/** A webhook subscription of the token's user for one job's events, with its receiver. */
async function webhookFor(job: { name: string; jobStreamName?: string }, events: string[]) {
  const hook = receiver();
  const created = await subscribe(token, {
    events,
    match: { job: job.name, job_stream: job.jobStreamName },
    target: { kind: "webhook", url: hook.url, format: "json" },
  });
  return { hook, secret: created.secret as string, id: created.id as string };
}

const bodyOf = (received: { body: string }) => JSON.parse(received.body) as Record<string, any>;

/**
 * What `hook` has received once everything the looks so far queued has arrived: a later event is made behind them in
 * the queue, and once it has arrived, they have too.
 */
async function receivedOnceAllArrived(hook: ReturnType<typeof receiver>) {
  const marker = jobs.next();
  const { hook: markerHook } = await webhookFor(marker, ["job.abend"]);
  await simulator.forceStatus(marker.id, "ABEND");
  await look();
  await receivedCount(markerHook, 1);
  return hook.received();
}

describe("the plan watcher", () => {
  it("tells a subscribed webhook of an ABEND within one alarm period, once, signed; ten more looks tell nothing new", async () => {
    const job = jobs.next();
    const { hook, secret } = await webhookFor(job, ["job.abend"]);
    const forcedAt = Date.now();
    await simulator.forceStatus(job.id, "ABEND");

    const [delivery] = await receivedCount(hook, 1, 20_000);
    const period = (await watcher().status()).period_seconds;
    // Within one alarm period of the change, plus the queue and the request (measured in bench/notifications.mjs).
    expect(delivery!.at - forcedAt).toBeLessThan(period * 1000 + 5_000);
    expect(await signatureValid(secret, String(delivery!.headers["resync-signature"]), delivery!.body)).toBe(true);
    expect(delivery!.headers["resync-event"]).toBe("job.abend");
    const body = bodyOf(delivery!);
    expect(body.event).toMatchObject({
      kind: "job.abend",
      engine: "default",
      id: `default:job:${job.id}:${runOf(job)}:abend`,
      job: { id: job.id, name: job.name, status: "ABEND", return_code: 8 },
    });
    expect(body.id).toBe(delivery!.headers["resync-delivery"]);
    expect(body.text).toMatch(new RegExp(`^Job ${job.name} .*ended in ABEND \\(return code 8\\)\\.$`));

    for (let i = 0; i < 10; i++) await look();
    expect(await receivedOnceAllArrived(hook)).toHaveLength(1);
  });

  it("tells of a job running past twice its estimate", async () => {
    const job = jobs.next();
    const estimate = durationMs(job.jobDefinition?.estimatedDuration)! / 1000;
    const { hook } = await webhookFor(job, ["job.late"]);
    await fetch(`${simulator.url}/__control/jobs/${job.id}/status`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ status: "EXEC", runSeconds: estimate * 4 }),
    });
    await look();
    await simulator.step(estimate * 2 + 5);
    await look();
    const [delivery] = await receivedCount(hook, 1);
    expect(bodyOf(delivery!).event).toMatchObject({
      kind: "job.late",
      job: { id: job.id, status: "EXEC" },
      reason: expect.stringMatching(/^running 2\.\d× its estimate$/),
    });
    await simulator.forceStatus(job.id, "SUCC");
  });

  it("tells of a job still waiting when its deadline passes, once", async () => {
    const job = jobs.next();
    await hwaClient().jobAction(job.id, "hold"); // held by an operator: it cannot start while the clock moves
    const { hook } = await webhookFor(job, ["job.late"]);
    const deadline = new Date((await simulator.now()).getTime() + 60_000);
    await simulator.deadline(job.id, deadline);
    await look();
    expect(await hook.received()).toEqual([]);
    await simulator.step(61);
    await look();
    await look();
    const [delivery] = await receivedCount(hook, 1);
    expect(bodyOf(delivery!).event).toMatchObject({
      kind: "job.late",
      job: { id: job.id, status: "HOLD" },
      reason: "deadline passed",
    });
    expect(await receivedOnceAllArrived(hook)).toHaveLength(1);
    await simulator.deadline(job.id, null);
    await hwaClient().jobAction(job.id, "release");
  });

  it("tells a subscription changed to another job of that job's events, no longer the first one's", async () => {
    const first = jobs.next();
    const second = jobs.next();
    const { hook, id } = await webhookFor(first, ["job.abend"]);
    const changed = await patchSubscription(token, id, {
      match: { job: second.name, job_stream: second.jobStreamName },
    });
    expect(changed.status, await changed.clone().text()).toBe(200);
    await simulator.forceStatus(first.id, "ABEND");
    await simulator.forceStatus(second.id, "ABEND");
    await look();
    const received = await receivedOnceAllArrived(hook);
    expect(received.map((delivery) => bodyOf(delivery).event.job.id)).toEqual([second.id]);
  });

  it("tells of an ABEND, then of its recovery when a rerun ends well", async () => {
    const job = jobs.next();
    const { hook } = await webhookFor(job, ["job.abend", "job.recovered"]);
    await simulator.forceStatus(job.id, "ABEND");
    await look();
    await receivedCount(hook, 1);

    const rerun = await hwaClient().rerun(runOf(job));
    await simulator.forceStatus(job.id, "SUCC");
    await look();
    const [, recovered] = await receivedCount(hook, 2);
    expect(bodyOf(recovered!).event).toMatchObject({
      kind: "job.recovered",
      id: `default:job:${job.id}:${rerun.id}:recovered`,
      job: { id: job.id, status: "SUCC", run_id: rerun.id },
    });
    expect(bodyOf(recovered!).text).toMatch(/recovered: its rerun ended successfully/);
  });

  it("tells of a workstation unlinked and linked again", async () => {
    const name = "AGT_WIN01";
    const own = receiver();
    await subscribe(token, {
      events: ["workstation.unlinked", "workstation.linked"],
      match: { workstation: name },
      target: { kind: "webhook", url: own.url },
    });
    const workstation = (await hwaClient().listWorkstations({ limit: 500, offset: 0 })).results.find(
      (w) => w.name === name,
    )!;
    const act = (action: string) =>
      fetch(`${simulator.url}/api/v2/plan/workstation/${workstation.id}/action/${action}`, {
        method: "PUT",
        headers: { ...hwaAuthorization(), "Content-Type": "application/json" },
        body: "{}",
      });
    expect((await act("unlink")).status).toBe(200);
    await look();
    expect((await act("link")).status).toBe(200);
    await look();
    const [unlinked, linked] = await receivedCount(own, 2);
    expect(bodyOf(unlinked!).event).toMatchObject({ kind: "workstation.unlinked", workstation: { name } });
    expect(bodyOf(linked!).event).toMatchObject({ kind: "workstation.linked", workstation: { name } });
  });

  it("tells that the engine is unreachable once, and that it is back", async () => {
    const hook = receiver();
    await subscribe(token, {
      events: ["engine.unreachable", "engine.back"],
      target: { kind: "webhook", url: hook.url },
    });
    // One look's calls fail (a first try and three retries), fewer than open the circuit breaker.
    await simulator.faults({ failNext: { status: 503, count: 4 } });
    await look();
    await look();
    const [down, back] = await receivedCount(hook, 2);
    expect(bodyOf(down!).event).toMatchObject({ kind: "engine.unreachable", engine: "default" });
    expect(bodyOf(back!).event).toMatchObject({ kind: "engine.back", engine: "default" });
    await simulator.clearFaults();
  });
});

describe("the plan watcher across a failure between detection and send", () => {
  it("keeps detected events in its outbox, sends them at the next look, and a repeated send notifies nobody twice", async () => {
    const job = jobs.next();
    const { hook } = await webhookFor(job, ["job.abend"]);
    let original: Bindings | undefined;
    await runInDurableObject(watcher(), (instance: PlanWatcher) => {
      const object = instance as unknown as { env: Bindings };
      original = object.env;
      const refusing = {
        sendBatch: async () => {
          throw new Error("Queue sendBatch failed: the queue is unavailable");
        },
      } as unknown as Queue;
      object.env = { ...original, NOTIFY: refusing };
    });
    await simulator.forceStatus(job.id, "ABEND");
    await look();
    // Detected and recorded, not sent: it waits in the outbox, in storage.
    expect((await watcher().status()).unsent_events).toBe(1);
    const outbox = await runInDurableObject(watcher(), (_instance: PlanWatcher, state) =>
      state.storage.sql.exec<{ id: string; body: string }>("SELECT id, body FROM outbox").toArray(),
    );
    expect(outbox.map((row) => row.id)).toEqual([`default:job:${job.id}:${runOf(job)}:abend`]);
    expect(await hook.received()).toHaveLength(0);

    await runInDurableObject(watcher(), (instance: PlanWatcher) => {
      (instance as unknown as { env: Bindings }).env = original!;
    });
    await look();
    await receivedCount(hook, 1);
    expect((await watcher().status()).unsent_events).toBe(0);

    // The object died after the queue took the event and before the outbox forgot it: the event goes again.
    await runInDurableObject(watcher(), (_instance: PlanWatcher, state) => {
      const row = outbox[0]!;
      state.storage.sql.exec("INSERT INTO outbox (id, body, at) VALUES (?, ?, ?)", row.id, row.body, Date.now());
    });
    await look();
    expect((await watcher().status()).unsent_events).toBe(0);
    const marker = jobs.next();
    const { hook: markerHook } = await webhookFor(marker, ["job.abend"]);
    await simulator.forceStatus(marker.id, "ABEND");
    await look();
    await receivedCount(markerHook, 1);
    expect(await hook.received()).toHaveLength(1);
  });
});

function hwaAuthorization() {
  return { Authorization: `Basic ${btoa(`${inject("hwaUsername")}:${inject("hwaPassword")}`)}` };
}
