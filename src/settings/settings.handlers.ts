import type { MaintenanceSetting, MaintenanceTransition } from "../../durable-objects/settings";
import { audit } from "../platform/audit/writer";
import type { AppRouteHandler } from "../platform/http/router";
import { scopeOf } from "../platform/http/scope";
import { rememberSettings, settingsObject } from "./maintenance";
import type { replace, show } from "./settings.routes";

/** What the audit trail keeps of a change of maintenance mode. */
function changeOf(transition: Exclude<MaintenanceTransition, { kind: "unchanged" }>): Record<string, unknown> {
  switch (transition.kind) {
    case "turned-on":
      return { change: "on", enabled: true, ...transition.maintenance };
    case "turned-off":
      return { change: "off", enabled: false, previous: transition.previous };
    case "changed":
      return { change: "changed", enabled: true, ...transition.maintenance, previous: transition.previous };
  }
}

/** GET reads the object itself: an admin sees the settings as they are, not this isolate's copy. */
export const showSettings: AppRouteHandler<typeof show> = async (c) => {
  return c.json(await settingsObject(c.env).read(), 200);
};

export const replaceSettings: AppRouteHandler<typeof replace> = async (c) => {
  const scope = scopeOf(c);
  const { maintenance } = c.req.valid("json");
  const next: MaintenanceSetting = maintenance.enabled
    ? {
        enabled: true,
        message: maintenance.message,
        ...(maintenance.until ? { until: new Date(maintenance.until).toISOString() } : {}),
      }
    : { enabled: false };
  const { settings, transition } = await settingsObject(c.env).replace({ maintenance: next });
  rememberSettings(settings);
  if (transition.kind !== "unchanged") {
    await audit(scope, {
      action: "settings.maintenance",
      target: "maintenance",
      outcome: "success",
      metadata: changeOf(transition),
    });
  }
  return c.json(settings, 200);
};
