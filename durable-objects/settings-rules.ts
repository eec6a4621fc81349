/** Maintenance mode as an admin set it: off, or on with the operators' message and an optional end (ISO-8601). */
export type MaintenanceSetting = { enabled: false } | { enabled: true; message: string; until?: string };

/** Everything the Settings object keeps: one small document, replaced whole by each change. */
export interface SettingsDocument {
  maintenance: MaintenanceSetting;
}

/** Maintenance while it is on: what operators are told, and when it ends by itself. */
export interface Maintenance {
  message: string;
  until?: string;
}

export const DEFAULT_SETTINGS: SettingsDocument = { maintenance: { enabled: false } };

/** What a change did to maintenance mode; each kind but "unchanged" is audited. */
export type MaintenanceTransition =
  | { kind: "turned-on"; maintenance: Maintenance }
  | { kind: "turned-off"; previous: Maintenance }
  | { kind: "changed"; maintenance: Maintenance; previous: Maintenance }
  | { kind: "unchanged" };

/** Maintenance as of `now`: undefined when off or when its `until` has passed. */
export function activeMaintenance(setting: MaintenanceSetting, now: number): Maintenance | undefined {
  if (!setting.enabled) return undefined;
  if (setting.until !== undefined && Date.parse(setting.until) <= now) return undefined;
  return setting.until === undefined
    ? { message: setting.message }
    : { message: setting.message, until: setting.until };
}

/** The settings as of `now`: a maintenance whose `until` has passed reads as off. */
export function effectiveSettings(settings: SettingsDocument, now: number): SettingsDocument {
  return activeMaintenance(settings.maintenance, now) ? settings : { ...settings, maintenance: { enabled: false } };
}

/** The settings after a change, and what the change did to maintenance mode. */
export interface SettingsChange {
  settings: SettingsDocument;
  transition: MaintenanceTransition;
}

/** Replaces the settings with `next` and says what that did to maintenance mode, compared as of `now`. */
export function applySettings(stored: SettingsDocument, next: SettingsDocument, now: number): SettingsChange {
  const previous = activeMaintenance(stored.maintenance, now);
  const maintenance = activeMaintenance(next.maintenance, now);
  const settings = effectiveSettings(next, now);
  if (!previous && !maintenance) return { settings, transition: { kind: "unchanged" } };
  if (!previous) return { settings, transition: { kind: "turned-on", maintenance: maintenance! } };
  if (!maintenance) return { settings, transition: { kind: "turned-off", previous } };
  const same = previous.message === maintenance.message && previous.until === maintenance.until;
  return { settings, transition: same ? { kind: "unchanged" } : { kind: "changed", maintenance, previous } };
}

/** The maintenance whose `until` has passed by `now` while it is still stored as on: the alarm ends it. */
export function expiredMaintenance(stored: SettingsDocument, now: number): Maintenance | undefined {
  const setting = stored.maintenance;
  if (!setting.enabled || setting.until === undefined || Date.parse(setting.until) > now) return undefined;
  return { message: setting.message, until: setting.until };
}

/** When the object's alarm should end maintenance by itself: `until` while on, else never. */
export function alarmAt(settings: SettingsDocument): number | undefined {
  const setting = settings.maintenance;
  return setting.enabled && setting.until !== undefined ? Date.parse(setting.until) : undefined;
}
