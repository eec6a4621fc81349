import type { Scope } from "../platform/scope/scope";

// How the API names an engine's objects: a single-engine deployment keeps today's paths and cursors; with several
// engines, a link names its engine, so it resolves on the same engine whoever follows it (per-user defaults differ).

/** `/api/v1/jobs/…` as a path of the scope's engine: `/api/v1/engines/HML/jobs/…` unless it is the only engine. */
export function enginePath(scope: Scope, path: string): string {
  const engine = scope.engine;
  if (!engine || engine.sole) return path;
  return path.replace(/^\/api\/v1\//, `/api/v1/engines/${encodeURIComponent(engine.name)}/`);
}

/** What a signed cursor is bound to, with the engine: a cursor of one engine's list is refused on another's. */
export function engineBound(scope: Scope, query: string): string {
  const namespace = scope.engine?.cacheNamespace ?? "";
  return namespace === "" ? query : `${query}|engine=${namespace}`;
}
