import { readThrough } from "../hwa/cache";
import { hwa } from "../hwa/connection";
import { query } from "../hwa/oql";
import { hasMorePages } from "../hwa/paging";
import type { JobInPlan } from "../hwa/schemas";
import { currentRun, toJob } from "../jobs/job";
import type { Scope } from "../platform/scope/scope";
import type { Freshness } from "./freshness";

// The jobs of the plan whose rerun chain holds a failed run, with every run: "what failed since 6h" includes a job
// that abended and was rerun successfully (HWA's status, and its filters, only say the last run). Cached under
// the jobs lists' family, so a job action invalidates it with them.

export interface RunOutcome {
  run_id: string;
  status: string | null;
  return_code: number | null;
  started_at: string | null;
  ended_at: string | null;
  current: boolean;
}

export interface JobRuns {
  id: string;
  name: string;
  job_stream: string | null;
  workstation: string | null;
  runs: RunOutcome[];
}

const PAGE = 500;
const MAX_JOBS = 2_000;
const FAILED = new Set(["ABEND", "FAIL"]);

function runsOf(job: JobInPlan): JobRuns {
  const current = currentRun(job);
  const basics = toJob(job);
  return {
    id: basics.id,
    name: basics.name,
    job_stream: basics.job_stream,
    workstation: basics.workstation,
    runs: (job.jobruns ?? []).map((run) => ({
      run_id: run.id,
      status: run.compositeStatus?.status ?? null,
      return_code: run.returnCode ?? null,
      started_at: run.timeInfo?.actualStartTime ?? null,
      ended_at: run.timeInfo?.actualEndTime ?? null,
      current: run === current,
    })),
  };
}

/** Every job of the plan (up to 2,000) with a failed run, and all its runs. */
export async function readFailedRuns(scope: Scope, freshness: Freshness): Promise<JobRuns[]> {
  const oql = query([], "jobStreamName ASC, name ASC");
  const found: JobRuns[] = [];
  for (let offset = 0; offset < MAX_JOBS; offset += PAGE) {
    const page = freshness.note(
      await readThrough(scope, {
        resource: "jobs",
        // In the `jobs:` family: invalidated with every job list (hwa/cache/keys.ts).
        key: `jobs:failed-runs:${PAGE}:${offset}:${oql}`,
        load: async () => {
          const result = await hwa(scope).listJobs({ oql, limit: PAGE, offset });
          const jobs = result.results.filter((job) =>
            job.jobruns?.some((run) => FAILED.has(run.compositeStatus?.status ?? "")),
          );
          return { jobs: jobs.map(runsOf), more: hasMorePages(result, offset, PAGE) };
        },
      }),
    );
    found.push(...page.jobs);
    if (!page.more) break;
  }
  return found;
}
