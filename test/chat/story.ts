import { SELF } from "cloudflare:test";
import { expect } from "vitest";
import type { Job } from "../../src/jobs/job";
import { bearer, createUser, ORIGIN, tokenFor } from "../helpers/accounts";
import { conversation } from "../helpers/chat";

// The simulator's story as the chat's tests read it (dev/hwa-simulator/seed-data.mjs `story`): BANK_RECON stuck
// behind RECON_MATCH's ABEND, ORDERS_SFTP_PARTNER held by an operator, LOAD_SALES_FACT rerun after an ABEND,
// INVENTORY_SYNC's jobs READY on the unlinked AGT_AIX01. test/helpers/borrowed-jobs.ts never lends these streams.

/** A conversation of a fresh user: the chat allows 10 messages a minute per user. */
export async function freshChat(role: "viewer" | "operator" = "viewer") {
  return conversation(await tokenFor(await createUser(role)));
}

/** The plan's jobs as the API lists them. */
export async function planJobs(): Promise<Job[]> {
  const token = await tokenFor(await createUser("viewer"));
  const response = await SELF.fetch(`${ORIGIN}/api/v1/jobs?limit=500`, { headers: bearer(token) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: Job[] }).items;
}

/** The one job of the plan with this name in this stream. */
export async function storyJob(jobStream: string, name: string): Promise<Job> {
  const job = (await planJobs()).find((j) => j.job_stream === jobStream && j.name === name);
  if (!job) throw new Error(`no ${jobStream}.${name} in the simulator's plan`);
  return job;
}

/** A job's detail and a run's log through the API, to compare the chat's facts with. */
export async function apiGet(path: string): Promise<Response> {
  const token = await tokenFor(await createUser("viewer"));
  return SELF.fetch(`${ORIGIN}${path}`, { headers: bearer(token) });
}
