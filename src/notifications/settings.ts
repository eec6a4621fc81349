import { z } from "zod";
import type { Bindings } from "../platform/env/bindings";
import { ConfigError } from "../platform/env/config";

// The notifications' own settings, parsed once per bindings object like the rest of the configuration.

const settingsSchema = z.object({
  /** Seconds between two looks of the plan watcher. */
  PLAN_WATCH_PERIOD_SECONDS: z.coerce.number().int().min(10).max(300).default(30),
  /**
   * Seconds between two reads of the jobs not started yet, for those past their deadline (a read costs a page of
   * 500 such jobs per HWA call; running jobs are read on every look).
   */
  PLAN_WATCH_DEADLINE_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
  /**
   * "true" keeps the watcher from looking: for a second deployment against the same engine (it would notify twice),
   * an engine migration, or tests that count HWA's requests.
   */
  PLAN_WATCH_DISABLED: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  /** "true" accepts webhooks at http(s)://127.0.0.1 and localhost: the local configuration only (tests, dev). */
  WEBHOOK_ALLOW_LOOPBACK: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
});

export type NotificationSettings = z.infer<typeof settingsSchema>;

const parsed = new WeakMap<object, NotificationSettings>();

/** Throws ConfigError (the variable named, never its value) when a value is invalid. */
export function notificationSettings(env: Bindings): NotificationSettings {
  const known = parsed.get(env);
  if (known) return known;
  const result = settingsSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? "env"), message: issue.message })),
    );
  }
  parsed.set(env, result.data);
  return result.data;
}
