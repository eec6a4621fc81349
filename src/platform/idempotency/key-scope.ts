import type { EngineTarget } from "../scope/scope";

/**
 * The path part of a key's scope: an engine's alias path and `?engine=` name the same scope, and only an engine other
 * than the environment's (namespace "") adds anything, so a single-engine deployment's scopes are as they were. The
 * REST middleware and the chat's confirmations both scope their keys with it.
 */
export function keyScopePath(path: string, engine: EngineTarget | undefined): string {
  const plain = path.replace(/^\/api\/v1\/engines\/[^/]+\//, "/api/v1/");
  return engine && engine.cacheNamespace !== "" ? `${plain}?engine=${engine.cacheNamespace}` : plain;
}
