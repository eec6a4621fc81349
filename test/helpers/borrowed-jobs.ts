import { SELF } from "cloudflare:test";
import { afterAll, beforeAll } from "vitest";
import type { Job } from "../../src/jobs/job";
import { bearer, createUser, ORIGIN, tokenFor } from "./accounts";
import { simulator } from "./hwa";

const FORCEABLE = new Set(["HOLD", "READY", "EXEC", "SUCC", "ABEND", "CANCL"]);
/** Streams of the simulator's story that the chat's tests read as the story left them (test/chat/story.ts). */
const STORY_STREAMS = new Set([
  "BANK_RECON",
  "ORDERS_EXPORT",
  "CRM_CAMPAIGNS",
  "ETL_DWH",
  "INVENTORY_SYNC",
  "GL_POSTING",
  "HR_SYNC",
  "PAYROLL",
  "BACKUP_FILES",
  "CARDS_AUTH_SETTLE",
  "HOURLY_HEALTH",
  "ETL_INTRADAY",
  "BI_REPORTS",
  "SAP_FI_OPEN",
]);

/**
 * Jobs of the shared simulator a test file may force into a status and act on. They are taken in a random
 * order, so files rarely pick the same job, and put back in the status they had when the file ends
 * (an ABEND with return code 0 would surprise other files). Call at the top level of a test file.
 */
export function borrowJobs(options: { exclude?: (job: Job, plan: readonly Job[]) => boolean } = {}): {
  jobIn(status: string): Promise<Job>;
} {
  let pool: Job[] = [];
  const used: Job[] = [];
  beforeAll(async () => {
    const viewer = await tokenFor(await createUser("viewer"));
    const response = await SELF.fetch(`${ORIGIN}/api/v1/jobs?limit=500`, { headers: bearer(viewer) });
    const jobs = ((await response.json()) as { items: Job[] }).items;
    pool = jobs
      .filter((job) => !STORY_STREAMS.has(job.job_stream ?? "") && !options.exclude?.(job, jobs))
      .sort(() => Math.random() - 0.5);
  });
  afterAll(async () => {
    await Promise.all(
      used.filter((job) => FORCEABLE.has(job.status ?? "")).map((job) => simulator.forceStatus(job.id, job.status!)),
    );
  });
  return {
    async jobIn(status) {
      const job = pool.pop();
      if (!job) throw new Error("no simulator job left to borrow");
      used.push(job);
      await simulator.forceStatus(job.id, status);
      return job;
    },
  };
}
