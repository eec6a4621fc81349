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

/**
 * A key in an engine's namespace: `job:123` of engine HML is `job@HML:123`, so a key of one engine never answers
 * another; the class still comes first (freshness, metrics, hashed KV names), and the environment's `default`
 * engine (namespace "") keeps today's keys.
 */
export function inNamespace(namespace: string, key: string): string {
  if (namespace === "") return key;
  const colon = key.indexOf(":");
  return colon < 0 ? `${key}@${namespace}` : `${key.slice(0, colon)}@${namespace}${key.slice(colon)}`;
}

/** The families invalidated by prefix: every list of a class, every log of one job — each per engine. */
export const cacheFamilies = [/^jobs(?:@[^:]*)?:/, /^jobstreams(?:@[^:]*)?:/, /^joblog(?:@[^:]*)?:[^:]*:/] as const;
