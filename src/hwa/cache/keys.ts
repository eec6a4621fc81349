// The names of cached HWA values. A key starts with its class and a colon, so a class (or a job's logs) can be
// invalidated by prefix: a target ending in `*`.

export const cacheKeys = {
  job: (jobId: string) => `job:${jobId}`,
  /** Every log of a job, whatever the run and line range. */
  jobLogs: (jobId: string) => `joblog:${jobId}:*`,
  jobLog: (jobId: string, runId: string, range: { fromLine?: number; toLine?: number }) =>
    `joblog:${jobId}:${runId}:${range.fromLine ?? ""}-${range.toLine ?? ""}`,
  jobList: (query: string, limit: number, offset: number) => `jobs:${limit}:${offset}:${query}`,
  allJobLists: () => "jobs:*",
  jobStream: (jobStreamId: string) => `jobstream:${jobStreamId}`,
  jobStreamList: (query: string, limit: number, offset: number) => `jobstreams:${limit}:${offset}:${query}`,
  allJobStreamLists: () => "jobstreams:*",
  workstations: (limit: number) => `workstations:${limit}`,
  engine: () => "engine",
};

/** The families invalidated by prefix: every list of a class, every log of one job. */
export const cacheFamilies = [/^jobs:/, /^jobstreams:/, /^joblog:[^:]*:/] as const;
