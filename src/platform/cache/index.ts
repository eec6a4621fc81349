export { cachedReadHeaders } from "./headers";
export { invalidateJob } from "./invalidate-job";
export { cacheKeys } from "./keys";
export { pageOf, pageText, type Page } from "./page";
export type { Resource } from "./policy";
export { invalidate, jsonText, readThrough, setCacheHeaders, type CacheContext } from "./read-through";
export type { Read, Source } from "./tiered-cache";
