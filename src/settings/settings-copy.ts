import { DEFAULT_SETTINGS, type SettingsDocument } from "../../durable-objects/settings-rules";

/** How stale an isolate's copy may be: a change made through another isolate is seen here within this time. */
export const COPY_MAX_AGE_MS = 5_000;

/**
 * One isolate's copy of the settings, so a request pays no Durable Object round trip for them. The copy is read
 * again once it is `COPY_MAX_AGE_MS` old (counted from when that read started); concurrent requests share one read.
 * When the object does not answer, the copy keeps what it knew (the defaults if nothing) for another period:
 * maintenance mode never takes the API down by itself.
 */
export class SettingsCopy {
  private value: { settings: SettingsDocument; readAt: number } | undefined;
  private reading: Promise<SettingsDocument> | undefined;
  /** Bumped by `remember`, so a read started before a change never overwrites what the change left. */
  private generation = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** The copy while it is fresh, else the object's answer through `read` (failures go to `failed`). */
  get(read: () => Promise<SettingsDocument>, failed: (error: unknown) => void): Promise<SettingsDocument> {
    const value = this.value;
    if (value && this.now() - value.readAt < COPY_MAX_AGE_MS) return Promise.resolve(value.settings);
    this.reading ??= this.readOnce(read, failed);
    return this.reading;
  }

  /** The settings this isolate has just written: seen by its next request at once. */
  remember(settings: SettingsDocument): void {
    this.generation += 1;
    this.value = { settings, readAt: this.now() };
  }

  private async readOnce(
    read: () => Promise<SettingsDocument>,
    failed: (error: unknown) => void,
  ): Promise<SettingsDocument> {
    const startedAt = this.now();
    const generation = this.generation;
    let settings: SettingsDocument;
    try {
      settings = await read();
    } catch (error) {
      failed(error);
      settings = this.value?.settings ?? DEFAULT_SETTINGS;
    } finally {
      this.reading = undefined;
    }
    if (generation !== this.generation) return this.value!.settings;
    this.value = { settings, readAt: startedAt };
    return settings;
  }
}
