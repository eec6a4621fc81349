import { cacheKeys, readThrough } from "../hwa/cache";
import { hwa } from "../hwa/connection";
import type { Read } from "../platform/cache";
import type { Scope } from "../platform/scope/scope";

export interface EngineFacts {
  display_version: string | null;
  full_version: string | null;
  license_type: string | null;
  locale: string | null;
  timezone: string | null;
}

/** The engine's version, license, locale and time zone through the cache. */
export function readEngine(scope: Scope): Promise<Read<EngineFacts>> {
  return readThrough(scope, {
    resource: "engine",
    key: cacheKeys.engine(),
    load: async () => {
      const info = await hwa(scope).engineInfo();
      return {
        display_version: info.displayVersion ?? null,
        full_version: info.fullVersion ?? null,
        license_type: info.licenseType ?? null,
        locale: info.locale ?? null,
        timezone: info.timezone ?? null,
      };
    },
  });
}
