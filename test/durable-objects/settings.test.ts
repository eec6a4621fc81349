import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { SETTINGS_KEY, type SettingsDocument } from "../../durable-objects/settings";
import { database } from "../../src/platform/db/client";
import { auditEvents } from "../../src/platform/db/schema";
import { readConfig } from "../../src/platform/env/config";
import { settingsObject } from "../../src/settings/maintenance";
import { bindings } from "../helpers/worker";

const OFF: SettingsDocument = { maintenance: { enabled: false } };
const on = (message: string, until?: string): SettingsDocument => ({
  maintenance: { enabled: true, message, ...(until && { until }) },
});

describe("the Settings object", () => {
  it("applies concurrent changes one after the other: exactly one of them turns maintenance on", async () => {
    const changes = await Promise.all(
      Array.from({ length: 20 }, () => settingsObject(bindings).replace(on("upgrade"))),
    );
    expect(changes.filter((change) => change.transition.kind === "turned-on")).toHaveLength(1);
    expect(changes.filter((change) => change.transition.kind === "unchanged")).toHaveLength(19);
    expect(await settingsObject(bindings).read()).toEqual(on("upgrade"));

    const off = await settingsObject(bindings).replace(OFF);
    expect(off).toEqual({ settings: OFF, transition: { kind: "turned-off", previous: { message: "upgrade" } } });
  });

  it("arms its alarm at until; the alarm turns maintenance off and audits the end as the system's", async () => {
    const stub = settingsObject(bindings);
    const until = new Date(Date.now() + 3_600_000).toISOString();
    await stub.replace(on("window", until));
    expect(await runInDurableObject(stub, (_instance, state) => state.storage.getAlarm())).toBe(Date.parse(until));

    // The window is over: put its end in the past, as the clock would.
    const past = new Date(Date.now() - 1_000).toISOString();
    await runInDurableObject(stub, (_instance, state) => state.storage.kv.put(SETTINGS_KEY, on("window", past)));
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await runInDurableObject(stub, (_instance, state) => state.storage.kv.get(SETTINGS_KEY))).toEqual(OFF);
    expect(await runInDurableObject(stub, (_instance, state) => state.storage.getAlarm())).toBeNull();

    const db = await database(readConfig(bindings));
    await vi.waitFor(
      async () => {
        const rows = await db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, "settings.maintenance"), eq(auditEvents.actor, "system")));
        expect(rows.map((row) => row.metadata)).toContainEqual({ enabled: false, ended_by: "until", until: past });
      },
      { timeout: 5_000, interval: 50 },
    );
  });
});
