export { cacheIoOf } from "./io";
export { MemoryCache } from "./memory";
export { pageOf, pageText, type Page } from "./page";
export type { CachePolicy, Freshness } from "./policy";
export type { ReadRequest } from "./refresh";
export { TieredCache, uncachedRead, type Read, type Source } from "./tiered-cache";
