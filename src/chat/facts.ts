import { readThrough } from "../hwa/cache";
import { HwaError } from "../hwa/errors";
import { matches, query } from "../hwa/oql";
import type { Job, JobDetail } from "../jobs/job";
import { readJob, readJobLog, readJobPage, readRelatives } from "../jobs/reads";
import type { JobStream } from "../jobstreams/jobstream";
import { readJobStream } from "../jobstreams/reads";
import type { Scope } from "../platform/scope/scope";
import type { Freshness } from "./freshness";
import type { Plan } from "./plan";
import { readFailedRuns, type JobRuns } from "./run-history";

// What the chat reads from HWA for one message, always through the cache (the same entries as the API where the
// API reads the same thing), each read noting how fresh it was.

const PAGE = 500;

export interface Relatives {
  predecessors: Job[];
  successors: Job[];
}

export class Facts {
  constructor(
    private readonly scope: Scope,
    private readonly planRead: Plan | HwaError,
    /** How fresh the reads of this message were, the plan's included. */
    readonly freshness: Freshness,
  ) {}

  /** The plan; throws the HWA failure that kept it from being read. */
  get plan(): Plan {
    if (this.planRead instanceof HwaError) throw this.planRead;
    return this.planRead;
  }

  /** Whether the plan could be read (the answer may then need HWA for nothing else). */
  get hasPlan(): boolean {
    return !(this.planRead instanceof HwaError);
  }

  /** A job as the plan's lists show it now (their entries are the ones a job action invalidates). */
  current(job: Job): Job {
    return this.planRead instanceof HwaError ? job : (this.planRead.byId.get(job.id) ?? job);
  }

  async job(id: string): Promise<JobDetail> {
    return this.freshness.note(await readJob(this.scope, id));
  }

  /** A run's log; null when HWA has none for it (a run that has not started has no log). */
  async log(job: JobDetail, runId: string): Promise<string | null> {
    try {
      return this.freshness.note(await readJobLog(this.scope, job, runId));
    } catch (error) {
      if (error instanceof HwaError && error.failure === "not-found") return null;
      throw error;
    }
  }

  async jobStream(id: string): Promise<JobStream> {
    return this.freshness.note(await readJobStream(this.scope, id));
  }

  /** The jobs of one job stream instance. */
  async jobsOfStream(stream: JobStream): Promise<Job[]> {
    const page = this.freshness.note(
      await readJobPage(
        this.scope,
        query([matches("jobStreamName", stream.name)], "jobStreamName ASC, name ASC"),
        PAGE,
        0,
      ),
    );
    return page.jobs.filter((job) => job.job_stream_id === stream.id);
  }

  /** Jobs named exactly `name` (any stream): for plans larger than what the chat indexes. */
  async jobsNamed(name: string): Promise<Job[]> {
    return this.freshness.note(
      await readJobPage(this.scope, query([matches("name", name)], "jobStreamName ASC, name ASC"), PAGE, 0),
    ).jobs;
  }

  /**
   * What a job waits for and what waits for it, cached like a job; their statuses are the plan lists' when the plan
   * has them, so an action on one of them shows at once.
   */
  async relatives(jobId: string): Promise<Relatives> {
    const read = await readThrough(this.scope, {
      resource: "job",
      key: `relatives:${jobId}`,
      load: () => readRelatives(this.scope, jobId),
    });
    const { predecessors, successors } = this.freshness.note(read);
    return {
      predecessors: predecessors.map((job) => this.current(job)),
      successors: successors.map((job) => this.current(job)),
    };
  }

  /** Every job of the plan with a failed run, with all its runs. */
  failedRuns(): Promise<JobRuns[]> {
    return readFailedRuns(this.scope, this.freshness);
  }
}
