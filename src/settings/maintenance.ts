import { activeMaintenance, type Maintenance, type SettingsDocument } from "../../durable-objects/settings-rules";
import type { Bindings } from "../platform/env/bindings";
import { Problem } from "../platform/http/problem";
import { describeError } from "../platform/observability/logger";
import type { Scope } from "../platform/scope/scope";
import { SettingsCopy } from "./settings-copy";

export type { Maintenance };

/** Retry-After while maintenance has no announced end: five minutes. */
const RETRY_WITHOUT_END_SECONDS = 300;

/** This isolate's copy of the settings; read from the object on first use, never at module scope. */
const copy = new SettingsCopy();

/** The Worker's one Settings object. */
export function settingsObject(env: Bindings) {
  return env.SETTINGS.get(env.SETTINGS.idFromName("settings"));
}

/** The settings an admin has just read or written: this isolate's next request sees them at once. */
export function rememberSettings(settings: SettingsDocument): void {
  copy.remember(settings);
}

/**
 * Maintenance while it is on, as this isolate's copy of the settings says (at most 5 s stale); undefined when off or
 * past its `until`, which is compared with the clock on every call, so it ends on time with no request to end it.
 */
export async function currentMaintenance(scope: Scope): Promise<Maintenance | undefined> {
  const settings = await copy.get(
    () => settingsObject(scope.env).read(),
    (error) => scope.log.warn("settings not read; keeping the last known", describeError(error)),
  );
  return activeMaintenance(settings.maintenance, Date.now());
}

/** Seconds a client should wait: until `until` (at least 1), else five minutes. */
export function retryAfterSeconds(maintenance: Maintenance, now: number = Date.now()): number {
  if (maintenance.until === undefined) return RETRY_WITHOUT_END_SECONDS;
  return Math.max(1, Math.ceil((Date.parse(maintenance.until) - now) / 1000));
}

/** The 503 answered instead of a change while maintenance is on: the admin's message and when to retry. */
export function maintenanceProblem(maintenance: Maintenance, now: number = Date.now()): Problem {
  return new Problem({
    status: 503,
    kind: "maintenance",
    detail: maintenance.message,
    headers: { "Retry-After": String(retryAfterSeconds(maintenance, now)) },
  });
}

/** Refuses work that must not start during maintenance (new workflow runs), for admins too. */
export async function refuseDuringMaintenance(scope: Scope): Promise<void> {
  const maintenance = await currentMaintenance(scope);
  if (maintenance) throw maintenanceProblem(maintenance);
}
