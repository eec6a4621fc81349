import { matches, oneOf, query } from "../hwa/oql";
import type { Job } from "../jobs/job";
import { readJobPage } from "../jobs/reads";
import type { JobStream } from "../jobstreams/jobstream";
import type { Read } from "../platform/cache";
import type { Scope } from "../platform/scope/scope";

// What the chat reads from HWA, always through the same cache entries as the API.

const PAGE = 500;

/** The oldest of the reads an answer used: its age says how fresh the answer is. */
export class Freshness {
  private stale: number | undefined;
  /** Records how fresh `read` is without parsing its value. */
  saw(read: Read<unknown>): void {
    if (read.source === "stale") this.stale = Math.max(this.stale ?? 0, read.ageSeconds);
  }
  note<T>(read: Read<T>): T {
    this.saw(read);
    return read.value;
  }
  /** Seconds of the stalest value served while HWA failed, when one was. */
  get staleSeconds(): number | undefined {
    return this.stale;
  }
}

/** Jobs named exactly `name` (any stream): for plans larger than what the chat indexes. */
export async function jobsNamed(scope: Scope, name: string, freshness: Freshness): Promise<Job[]> {
  return freshness.note(
    await readJobPage(scope, query([matches("name", name)], "jobStreamName ASC, name ASC"), PAGE, 0),
  ).jobs;
}

/** Jobs whose current run ended in error (ABEND, FAIL), optionally of one stream. */
export async function failedJobs(scope: Scope, stream: string | undefined, freshness: Freshness): Promise<Job[]> {
  const conditions = [oneOf("jobruns.compositeStatus.status", ["ABEND", "FAIL"])];
  if (stream) conditions.push(matches("jobStreamName", stream));
  return freshness.note(await readJobPage(scope, query(conditions, "jobStreamName ASC, name ASC"), PAGE, 0)).jobs;
}

/** The jobs of one job stream instance. */
export async function jobsOfStream(scope: Scope, stream: JobStream, freshness: Freshness): Promise<Job[]> {
  const page = freshness.note(
    await readJobPage(scope, query([matches("jobStreamName", stream.name)], "jobStreamName ASC, name ASC"), PAGE, 0),
  );
  return page.jobs.filter((job) => job.job_stream_id === stream.id);
}
