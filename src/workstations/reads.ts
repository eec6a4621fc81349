import { cacheKeys, readThrough } from "../hwa/cache";
import { hwa } from "../hwa/connection";
import type { Read } from "../platform/cache";
import type { Scope } from "../platform/scope/scope";

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
export function readWorkstations(scope: Scope): Promise<Read<Workstation[]>> {
  return readThrough(scope, {
    resource: "workstations",
    key: cacheKeys.workstations(WORKSTATION_PAGE),
    load: async () => {
      const result = await hwa(scope).listWorkstations({ limit: WORKSTATION_PAGE, offset: 0 });
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
