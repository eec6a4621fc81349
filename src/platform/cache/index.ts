export { invalidateJob } from "./invalidate-job";
export { cacheKeys } from "./keys";
export type { Resource } from "./policy";
export { invalidate, readThrough, setCacheHeaders, type CacheContext } from "./read-through";
export type { Read, Source } from "./tiered-cache";
