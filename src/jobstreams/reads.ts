import { hwa } from "../hwa/connection";
import { hasMorePages } from "../hwa/paging";
import { cacheKeys, readThrough } from "../hwa/cache";
import { pageOf, type Page, type Read } from "../platform/cache";
import type { Scope } from "../platform/scope/scope";
import { toJobStream, type JobStream } from "./jobstream";

// Reads of job streams through the cache, shared by the job streams API and the chat.

/** One page of the plan's job streams matching `oql`. */
export function readJobStreamPage(
  scope: Scope,
  oql: string,
  limit: number,
  offset: number,
): Promise<Read<Page<"items", JobStream>>> {
  return readThrough(scope, {
    resource: "jobstreams",
    key: cacheKeys.jobStreamList(oql, limit, offset),
    load: async () => {
      const result = await hwa(scope).listJobStreams({ oql, limit, offset });
      return pageOf("items", result.results.map(toJobStream), hasMorePages(result, offset, limit));
    },
  });
}

/** One job stream instance. */
export function readJobStream(scope: Scope, id: string): Promise<Read<JobStream>> {
  return readThrough(scope, {
    resource: "jobstream",
    key: cacheKeys.jobStream(id),
    load: async () => toJobStream(await hwa(scope).jobStream(id)),
  });
}
