// What the e2e tests read and count outside the browser: jobs through the API (the page's own session), and the
// HWA simulator's request counts through its control endpoints.
import type { APIRequestContext } from "playwright-core";

export interface PlanJob {
  id: string;
  name: string;
  job_stream: string;
  workstation: string;
  status: string;
}

/** Jobs in `status` whose workstation, stream and name no other job of the plan shares (so chat and steps name one). */
export async function uniqueJobs(request: APIRequestContext, base: string, status: string): Promise<PlanJob[]> {
  const all = (await (await request.get(`${base}/api/v1/jobs?limit=500`)).json()) as { items: PlanJob[] };
  const key = (job: PlanJob) => `${job.workstation}#${job.job_stream}.${job.name}`;
  const seen = new Map<string, number>();
  for (const job of all.items) seen.set(key(job), (seen.get(key(job)) ?? 0) + 1);
  const names = new Map<string, number>();
  for (const job of all.items) names.set(job.name, (names.get(job.name) ?? 0) + 1);
  return all.items.filter((job) => job.status === status && seen.get(key(job)) === 1 && names.get(job.name) === 1);
}

/** How many calls HWA received whose route contains `word` (e.g. "rerun"), from the simulator's statistics. */
export async function hwaCalls(hwaUrl: string, word: string): Promise<number> {
  const stats = (await (await fetch(`${hwaUrl}/__control/stats`)).json()) as { byRoute: Record<string, number> };
  return Object.entries(stats.byRoute)
    .filter(([route]) => route.includes(word))
    .reduce((sum, [, count]) => sum + count, 0);
}

/** Sets a job's status in the simulator, as HWA would change it while an operator looks at the page. */
export async function forceStatus(hwaUrl: string, jobId: string, status: string) {
  const response = await fetch(`${hwaUrl}/__control/jobs/${encodeURIComponent(jobId)}/status`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ status }),
  });
  if (!response.ok) throw new Error(`forcing ${jobId} to ${status}: ${response.status} ${await response.text()}`);
}

/** Polls `read` until `accept` holds (bounded by `withinMs`), for what arrives on its own: audit rows, run steps. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, withinMs = 20_000) {
  const deadline = Date.now() + withinMs;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > deadline) throw new Error(`not reached within ${withinMs} ms; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
}
