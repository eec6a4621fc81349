import { DurableObject } from "cloudflare:workers";
import { audit } from "../src/platform/audit/writer";
import type { Bindings } from "../src/platform/env/bindings";
import { backgroundScope } from "../src/platform/scope/scope";
import {
  alarmAt,
  applySettings,
  DEFAULT_SETTINGS,
  effectiveSettings,
  expiredMaintenance,
  type SettingsChange,
  type SettingsDocument,
} from "./settings-rules";

export type {
  Maintenance,
  MaintenanceSetting,
  MaintenanceTransition,
  SettingsChange,
  SettingsDocument,
} from "./settings-rules";

/** The storage key of the one settings document. */
export const SETTINGS_KEY = "settings";

/**
 * The single writer of the Worker's settings: one instance (see `settingsObject`), read by isolates through a
 * short in-memory copy. A change reads, decides and writes through synchronous storage with no `await` in
 * between, so two admins' changes apply one after the other and each transition is computed from the last.
 */
export class Settings extends DurableObject<Bindings> {
  /** The settings as of now: a maintenance whose `until` has passed reads as off. */
  async read(): Promise<SettingsDocument> {
    return effectiveSettings(this.load(), Date.now());
  }

  /** Replaces the settings and says what that did to maintenance mode; the alarm is set to its `until`. */
  async replace(next: SettingsDocument): Promise<SettingsChange> {
    const change = applySettings(this.load(), next, Date.now());
    this.ctx.storage.kv.put(SETTINGS_KEY, change.settings);
    await this.armAlarm(change.settings);
    return change;
  }

  /** Readiness: one round trip through this object's storage; returns Date.now(). */
  async ping(): Promise<number> {
    this.ctx.storage.kv.get(SETTINGS_KEY);
    return Date.now();
  }

  /** Reads already answer "off" past `until`; the alarm makes the stored document and the audit trail say so too. */
  override async alarm(): Promise<void> {
    const now = Date.now();
    const stored = this.load();
    const ended = expiredMaintenance(stored, now);
    const current = effectiveSettings(stored, now);
    if (ended) {
      this.ctx.storage.kv.put(SETTINGS_KEY, current);
      const scope = backgroundScope({ env: this.env, waitUntil: (promise) => this.ctx.waitUntil(promise) });
      await audit(scope, {
        action: "settings.maintenance",
        target: "maintenance",
        outcome: "success",
        metadata: { enabled: false, ended_by: "until", until: ended.until },
      });
    }
    await this.armAlarm(current);
  }

  private load(): SettingsDocument {
    return this.ctx.storage.kv.get<SettingsDocument>(SETTINGS_KEY) ?? DEFAULT_SETTINGS;
  }

  private armAlarm(settings: SettingsDocument): Promise<void> {
    const at = alarmAt(settings);
    return at === undefined ? this.ctx.storage.deleteAlarm() : this.ctx.storage.setAlarm(at);
  }
}
