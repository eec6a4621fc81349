import { signal, useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { call, query } from "../api/client";
import type { AuditEvent, Page } from "../api/types";
import { formatTime, t } from "../i18n/i18n";
import { ProblemText } from "../ui/problem-text";

const OUTCOMES = ["attempt", "success", "failure", "denied"];
const PAGE_SIZE = 100;

type Filters = Record<"actor" | "action" | "target" | "outcome" | "since" | "until", string>;
const filters = signal<Filters>({ actor: "", action: "", target: "", outcome: "", since: "", until: "" });

/** The API's query of the filters: local date-times (the browser's zone) become ISO-8601 instants. */
function auditQuery(values: Filters, extra: Record<string, string | number | undefined>) {
  const instant = (local: string) => (local ? new Date(local).toISOString() : undefined);
  return query({
    actor: values.actor.trim(),
    action: values.action.trim(),
    target: values.target.trim(),
    outcome: values.outcome,
    since: instant(values.since),
    until: instant(values.until),
    ...extra,
  });
}

/** The audit trail (admin): filters, newest first, page after page, and the filtered range as CSV or NDJSON. */
export function AuditPage() {
  const words = t.value;
  const events = useSignal<AuditEvent[] | undefined>(undefined);
  const cursor = useSignal<string | null>(null);
  const failure = useSignal<unknown>(null);
  const searched = useSignal<Filters>(filters.value);

  async function load(more: boolean) {
    try {
      const page = await call<Page<AuditEvent>>(
        `/api/v1/audit${auditQuery(searched.value, { limit: PAGE_SIZE, cursor: more ? (cursor.value ?? undefined) : undefined })}`,
      );
      events.value = more ? [...(events.value ?? []), ...page.items] : page.items;
      cursor.value = page.next_cursor;
      failure.value = null;
    } catch (problem) {
      failure.value = problem;
    }
  }

  useEffect(() => {
    void load(false);
  }, [searched.value]);

  const field = (name: keyof Filters, label: string, kind: "text" | "datetime-local" = "text", hint?: string) => (
    <div class="field">
      <label for={`audit-${name}`}>{label}</label>
      <input
        id={`audit-${name}`}
        {...(kind === "text" ? { type: "text" } : { type: "datetime-local" })}
        value={filters.value[name]}
        aria-describedby={hint ? `audit-${name}-hint` : undefined}
        onInput={(event) => (filters.value = { ...filters.value, [name]: event.currentTarget.value })}
      />
      {hint && (
        <span id={`audit-${name}-hint`} class="muted hint">
          {hint}
        </span>
      )}
    </div>
  );

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{words.auditTitle}</h1>
      <form
        class="filters"
        aria-label={words.filters}
        onSubmit={(event) => {
          event.preventDefault();
          searched.value = { ...filters.value };
        }}
      >
        {field("actor", words.actor)}
        {field("action", words.action, "text", words.actionHint)}
        {field("target", words.target)}
        <div class="field">
          <label for="audit-outcome">{words.outcome}</label>
          <select
            id="audit-outcome"
            value={filters.value.outcome}
            onChange={(event) => (filters.value = { ...filters.value, outcome: event.currentTarget.value })}
          >
            <option value="">{words.anyOutcome}</option>
            {OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {words.outcomes[outcome]}
              </option>
            ))}
          </select>
        </div>
        {field("since", words.since, "datetime-local")}
        {field("until", words.until, "datetime-local")}
        <div class="buttons">
          <button type="submit" class="primary">
            {words.search}
          </button>
          <a class="button" download href={`/api/v1/audit${auditQuery(searched.value, { format: "csv" })}`}>
            {words.exportCsv}
          </a>
          <a class="button" download href={`/api/v1/audit${auditQuery(searched.value, { format: "ndjson" })}`}>
            {words.exportNdjson}
          </a>
        </div>
      </form>
      <ProblemText error={failure.value} />
      {!events.value && !failure.value && <p>{words.loading}</p>}
      {events.value?.length === 0 && <p>{words.noEvents}</p>}
      {events.value && events.value.length > 0 && (
        <div class="table-wrap">
          <table class="audit">
            <thead>
              <tr>
                <th scope="col">{words.colAt}</th>
                <th scope="col">{words.actor}</th>
                <th scope="col">{words.action}</th>
                <th scope="col">{words.target}</th>
                <th scope="col">{words.outcome}</th>
                <th scope="col">{words.colDetails}</th>
              </tr>
            </thead>
            <tbody>
              {events.value.map((event, index) => (
                <tr key={event.id ?? index}>
                  <td>{formatTime(event.at, true)}</td>
                  <td>{event.actor}</td>
                  <td>
                    <code>{event.action}</code>
                  </td>
                  <td>{event.target ?? words.none}</td>
                  <td>
                    <span class={`outcome outcome-${event.outcome}`}>
                      {words.outcomes[event.outcome] ?? event.outcome}
                    </span>
                  </td>
                  <td>
                    <details>
                      <summary>{words.colCorrelation}</summary>
                      <code>{event.correlation_id ?? words.none}</code>
                      {event.metadata && <pre>{JSON.stringify(event.metadata, null, 2)}</pre>}
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor.value && (
        <button type="button" onClick={() => load(true)}>
          {words.loadMore}
        </button>
      )}
    </section>
  );
}
