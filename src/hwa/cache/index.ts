export { invalidateJob } from "./invalidate-job";
export { cacheKeys } from "./keys";
export { hwaCachePolicy, type HwaResource } from "./policy";
export { invalidate, readThrough } from "./read";
