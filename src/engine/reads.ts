import type { Context } from "hono";
import { hwa } from "../hwa/connection";
import { cacheKeys, readThrough, type Read } from "../platform/cache";
import type { AppEnv } from "../platform/http/app-env";

/** Every page HWA allows; a plan has tens of workstations, so one call holds them all. */
export const WORKSTATION_PAGE = 500;

export interface Workstation {
  id: string;
  name: string;
  folder: string | null;
  type: string | null;
  active_states: string[];
  linked: boolean;
  limit: number | null;
  fence: number | null;
  os: string | null;
  node_name: string | null;
  version: string | null;
}

/** The plan's workstations through the cache, shared by the engine API and the chat. */
export function readWorkstations(c: Context<AppEnv>): Promise<Read<Workstation[]>> {
  return readThrough(c, {
    resource: "workstations",
    key: cacheKeys.workstations(WORKSTATION_PAGE),
    load: async () => {
      const result = await hwa(c).listWorkstations({ limit: WORKSTATION_PAGE, offset: 0 });
      return result.results.map((w) => ({
        id: w.id,
        name: w.name,
        folder: w.folder ?? null,
        type: w.type ?? null,
        active_states: w.activeStates ?? [],
        linked: (w.activeStates ?? []).includes("LINKED"),
        limit: w.limit ?? null,
        fence: w.fence ?? null,
        os: w.os ?? null,
        node_name: w.nodeName ?? null,
        version: w.version ?? null,
      }));
    },
  });
}

export interface EngineFacts {
  display_version: string | null;
  full_version: string | null;
  license_type: string | null;
  locale: string | null;
  timezone: string | null;
}

/** The engine's version, license, locale and time zone through the cache. */
export function readEngine(c: Context<AppEnv>): Promise<Read<EngineFacts>> {
  return readThrough(c, {
    resource: "engine",
    key: cacheKeys.engine(),
    load: async () => {
      const info = await hwa(c).engineInfo();
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
