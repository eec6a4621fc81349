import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { call } from "../api/client";
import type { Maintenance } from "../api/types";
import { formatTime, t } from "../i18n/i18n";
import { ProblemText } from "../ui/problem-text";

/** Maintenance mode (admin): on with a message for operators and an optional end, or off. */
export function MaintenancePage() {
  const words = t.value;
  const current = useSignal<Maintenance | undefined>(undefined);
  const form = useSignal({ enabled: false, message: "", until: "" });
  const failure = useSignal<unknown>(null);
  const notice = useSignal("");

  const show = (maintenance: Maintenance) => {
    current.value = maintenance;
    form.value = { enabled: maintenance.enabled, message: maintenance.message ?? "", until: "" };
  };

  useEffect(() => {
    call<{ maintenance: Maintenance }>("/api/v1/settings")
      .then((settings) => show(settings.maintenance))
      .catch((problem) => (failure.value = problem));
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    const { enabled, message, until } = form.value;
    const maintenance = enabled
      ? { enabled, message: message.trim(), ...(until ? { until: new Date(until).toISOString() } : {}) }
      : { enabled };
    try {
      const settings = await call<{ maintenance: Maintenance }>("/api/v1/settings", {
        method: "PUT",
        body: { maintenance },
      });
      show(settings.maintenance);
      notice.value = words.maintenanceSaved;
      failure.value = null;
    } catch (problem) {
      failure.value = problem;
    }
  }

  return (
    <section aria-labelledby="maintenance-title">
      <h1 id="maintenance-title">{words.maintenanceTitle}</h1>
      {current.value && (
        <p class={current.value.enabled ? "banner-warning" : "muted"}>
          {current.value.enabled ? words.maintenanceOn : words.maintenanceOff}
          {current.value.enabled && current.value.until && ` ${words.until}: ${formatTime(current.value.until, true)}.`}
        </p>
      )}
      <p role="status" class="notice">
        {notice.value}
      </p>
      <ProblemText error={failure.value} />
      {current.value && (
        <form class="editor" onSubmit={save}>
          <div class="field checkbox">
            <input
              id="maintenance-enabled"
              type="checkbox"
              checked={form.value.enabled}
              onChange={(event) => (form.value = { ...form.value, enabled: event.currentTarget.checked })}
            />
            <label for="maintenance-enabled">{words.maintenanceEnable}</label>
          </div>
          <div class="field">
            <label for="maintenance-message">{words.maintenanceMessage}</label>
            <input
              id="maintenance-message"
              maxLength={500}
              disabled={!form.value.enabled}
              value={form.value.message}
              onInput={(event) => (form.value = { ...form.value, message: event.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="maintenance-until">{words.maintenanceUntil}</label>
            <input
              id="maintenance-until"
              type="datetime-local"
              disabled={!form.value.enabled}
              value={form.value.until}
              onInput={(event) => (form.value = { ...form.value, until: event.currentTarget.value })}
            />
          </div>
          <div class="buttons">
            <button type="submit" class="primary">
              {words.save}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
