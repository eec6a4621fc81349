// The names of cached values. A key starts with its class and a colon, so a class (or a job's logs) can be
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

/** KV keys are at most 512 bytes; longer names (long OQL filters) are stored under their class and a SHA-256. */
const MAX_STORAGE_KEY_BYTES = 400;
const encoder = new TextEncoder();

/** The name a key has in KV and in the Coalescer namespace. */
export async function storageKey(key: string): Promise<string> {
  const bytes = encoder.encode(key);
  if (bytes.length <= MAX_STORAGE_KEY_BYTES) return key;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hex = [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${key.slice(0, key.indexOf(":") + 1)}sha256:${hex}`;
}
