import { runDurableObjectAlarm, SELF } from "cloudflare:test";
import { beforeAll, expect, inject, vi } from "vitest";
import type { JobInPlan } from "../../src/hwa/schemas";
import { currentRun } from "../../src/jobs/job";
import { planWatcher } from "../../src/notifications/watcher";
import { bearer, createUser, ORIGIN, tokenFor, type TestUser } from "../helpers/accounts";
import { simulatorAt, testClient } from "../helpers/hwa";
import { bindings } from "../helpers/worker";
import type { Received } from "../helpers/webhook-receiver";

/** This project's own simulator: only the watcher and these files see what they force. */
export const simulator = simulatorAt(inject("hwaUrl"));
export const hwaClient = () => testClient().client;
export const watcher = () => planWatcher(bindings);

/** A path of the test run's webhook receiver: its URL, what it received, and how it should answer. */
export function receiver(name = crypto.randomUUID()) {
  const base = inject("webhookReceiverUrl");
  return {
    url: `${base}/hooks/${name}`,
    async received(): Promise<Received[]> {
      return (await fetch(`${base}/received/${name}`)).json();
    },
    /** The next `times` deliveries (every one without `times`) are answered `status`. */
    async answer(status: number, times?: number, retryAfter?: string): Promise<void> {
      await fetch(`${base}/behaviour/${name}`, { method: "PUT", body: JSON.stringify({ status, times, retryAfter }) });
    },
  };
}

/** Waits until `receiver` got `count` requests, and returns them. */
export async function receivedCount(
  target: ReturnType<typeof receiver>,
  count: number,
  timeout = 30_000,
): Promise<Received[]> {
  return vi.waitFor(
    async () => {
      const received = await target.received();
      expect(received).toHaveLength(count);
      return received;
    },
    { timeout, interval: 100 },
  );
}

/** The watcher looking once more now, through its real alarm (started first if it was not). */
export async function look(): Promise<void> {
  await watcher().start("default");
  expect(await runDurableObjectAlarm(watcher())).toBe(true);
}

/** Waits until the watcher has made a first look (which only learns the plan). */
export async function watcherStarted(): Promise<void> {
  await watcher().start("default");
  await vi.waitFor(async () => expect((await watcher().status()).last_look).not.toBeNull(), { timeout: 20_000 });
}

/**
 * Jobs of the simulator's plan a file may force into statuses: waiting (HOLD), unique by name, in a random order so
 * files rarely pick the same one. Call at the top level of a test file.
 */
export function borrowWaitingJobs(): { next(): JobInPlan } {
  let pool: JobInPlan[] = [];
  beforeAll(async () => {
    const jobs = (await hwaClient().listJobs({ oql: "jobruns.compositeStatus.status = 'HOLD'", limit: 500, offset: 0 }))
      .results;
    const all = (await hwaClient().listJobs({ limit: 1000, offset: 0 })).results;
    const unique = jobs.filter((job) => all.filter((other) => other.name === job.name).length === 1);
    pool = unique.sort(() => Math.random() - 0.5);
  });
  return {
    next() {
      const job = pool.pop();
      if (!job) throw new Error("no waiting job left to borrow");
      return job;
    },
  };
}

export const runOf = (job: JobInPlan) => currentRun(job)?.id ?? "";

/** A user with a Bearer token. */
export async function signedIn(role: TestUser["role"] = "viewer") {
  const user = await createUser(role);
  return { user, token: await tokenFor(user) };
}

export function postSubscription(token: string, body: unknown): Promise<Response> {
  return SELF.fetch(`${ORIGIN}/api/v1/subscriptions`, {
    method: "POST",
    headers: { ...bearer(token), "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

export function patchSubscription(token: string, id: string, body: unknown): Promise<Response> {
  return SELF.fetch(`${ORIGIN}/api/v1/subscriptions/${id}`, {
    method: "PATCH",
    headers: { ...bearer(token), "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** Subscribes and expects a 201; returns the answer (with the secret of a webhook). */
export async function subscribe(token: string, body: unknown): Promise<Record<string, any>> {
  const response = await postSubscription(token, body);
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json();
}

/** Checks `Resync-Signature` as README's scheme tells a receiver to. */
export async function signatureValid(secret: string, header: string, body: string): Promise<boolean> {
  const { t, v1 } = Object.fromEntries(header.split(",").map((part) => part.split("=") as [string, string]));
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${t}\n${body}`)));
  const expected = btoa(String.fromCharCode(...mac))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
  return expected === v1 && Math.abs(Date.now() / 1000 - Number(t)) < 300;
}
