import type { Context } from "hono";
import { hwa } from "../hwa/connection";
import { hasMorePages } from "../hwa/paging";
import { cacheKeys, pageOf, readThrough, type Page, type Read } from "../platform/cache";
import type { AppEnv } from "../platform/http/app-env";
import { toJobStream, type JobStream } from "./jobstream";

// Reads of job streams through the cache, shared by the job streams API and the chat.

/** One page of the plan's job streams matching `oql`. */
export function readJobStreamPage(
  c: Context<AppEnv>,
  oql: string,
  limit: number,
  offset: number,
): Promise<Read<Page<"items", JobStream>>> {
  return readThrough(c, {
    resource: "jobstreams",
    key: cacheKeys.jobStreamList(oql, limit, offset),
    load: async () => {
      const result = await hwa(c).listJobStreams({ oql, limit, offset });
      return pageOf("items", result.results.map(toJobStream), hasMorePages(result, offset, limit));
    },
  });
}

/** One job stream instance. */
export function readJobStream(c: Context<AppEnv>, id: string): Promise<Read<JobStream>> {
  return readThrough(c, {
    resource: "jobstream",
    key: cacheKeys.jobStream(id),
    load: async () => toJobStream(await hwa(c).jobStream(id)),
  });
}
