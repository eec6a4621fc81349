import { signal } from "@preact/signals";
import { useEffect, useMemo, useRef } from "preact/hooks";
import { allPages, query } from "../api/client";
import type { Job } from "../api/types";
import { onEngine, severalEngines, shownEngine } from "../engines/engines";
import { formatTime, t } from "../i18n/i18n";
import { jobLink } from "../routes";
import { formatDuration } from "../ui/duration";
import { ProblemText } from "../ui/problem-text";
import { statusBadge } from "../ui/status-badge";
import { usePolling } from "../ui/use-polling";
import { boardKeys } from "./board-keys";
import { type BoardGroup, boardGroups, boardOf } from "./board-order";

/** The plan changes by the second, the API's cache by the 10 s: one read every 10 s is as live as it gets. */
const REFRESH_MS = 10_000;
/** 500 jobs a page (the API's most), four pages at most. */
const MAX_PAGES = 4;
const TYPING_PAUSE_MS = 300;

// Module state: coming back from a job finds the board, its filters and the job it left from as they were. The jobs
// are kept with the engine they came from: another engine's board starts from nothing.
const filters = signal({ stream: "", workstation: "", name: "" });
const applied = signal(filters.value);
const only = signal<BoardGroup | undefined>(undefined);
const jobs = signal<{ engine: string | undefined; items: Job[] } | undefined>(undefined);
const loadedAt = signal<string | null>(null);
const failure = signal<unknown>(null);
const refreshing = signal(false);
export const lastOpened = signal<string | undefined>(undefined);

/** The board of `engine` (undefined: the default engine). */
async function load(engine: string | undefined) {
  const { stream, workstation, name } = applied.value;
  refreshing.value = true;
  try {
    const path = onEngine(engine, `/api/v1/jobs${query({ limit: 500, stream, workstation, name })}`);
    jobs.value = { engine, items: await allPages<Job>(path, MAX_PAGES) };
    loadedAt.value = new Date().toISOString();
    failure.value = null;
  } catch (problem) {
    failure.value = problem;
  } finally {
    refreshing.value = false;
  }
}

function FilterField(props: {
  name: keyof typeof filters.value;
  label: string;
  inputRef?: { current: HTMLInputElement | null };
}) {
  const id = `filter-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        ref={props.inputRef}
        type="search"
        autoComplete="off"
        spellcheck={false}
        aria-describedby="wildcard-hint"
        value={filters.value[props.name]}
        onInput={(event) => {
          filters.value = { ...filters.value, [props.name]: event.currentTarget.value.trim() };
        }}
      />
    </div>
  );
}

/**
 * One row of the board, as plain elements rather than a component: 500 rows are 500 fewer component instances
 * (and signal trackers) to create on each render, which is most of the board's script time.
 */
function jobRow(job: Job, engine: string | undefined, none: string) {
  return (
    <tr key={job.id}>
      <td>{statusBadge(job.status, job.common_status)}</td>
      <td>
        <a class="job-link" href={jobLink(engine, job.id)} onClick={() => (lastOpened.value = job.id)}>
          {job.name}
        </a>
      </td>
      <td>{job.job_stream ?? none}</td>
      <td>{job.workstation ?? none}</td>
      <td>{formatTime(job.started_at ?? job.sched_time)}</td>
      <td class="number">{formatDuration(job.duration_ms)}</td>
      <td class="number">{job.return_code ?? none}</td>
    </tr>
  );
}

/** The board of `engine` (the page's; undefined: the default engine). */
export function JobBoard({ engine }: { engine: string | undefined }) {
  const search = useRef<HTMLInputElement>(null);
  const table = useRef<HTMLDivElement>(null);
  // Not useComputed: it would keep the first render's `engine` and show one engine's jobs under another's name.
  const loaded = jobs.value;
  const items = loaded && loaded.engine === engine ? loaded.items : undefined;
  const board = useMemo(() => (items ? boardOf(items, only.value) : undefined), [items, only.value]);
  const key = JSON.stringify([engine, applied.value]);

  useEffect(() => {
    const pause = setTimeout(() => (applied.value = filters.value), TYPING_PAUSE_MS);
    return () => clearTimeout(pause);
  }, [filters.value]);

  usePolling(() => load(engine), REFRESH_MS, key);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => table.current && boardKeys(event, table.current, search.current);
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  // Back from a job: focus returns to its row.
  useEffect(() => {
    if (!lastOpened.value || !table.current) return;
    const row = [...table.current.querySelectorAll<HTMLAnchorElement>("a.job-link")].find(
      (anchor) => anchor.getAttribute("href") === jobLink(engine, lastOpened.value!),
    );
    row?.focus();
  }, [board !== undefined]);

  const current = board;
  const total = items?.length ?? 0;
  return (
    <section aria-labelledby="board-title">
      <div class="page-head">
        <h1 id="board-title">
          {t.value.boardTitle}
          {severalEngines.value && shownEngine.value && <span class="engine-tag"> {shownEngine.value}</span>}
        </h1>
        <p class="muted" aria-live="polite">
          {refreshing.value ? t.value.refreshing : loadedAt.value ? t.value.updatedAt(formatTime(loadedAt.value)) : ""}
        </p>
      </div>
      <form class="filters" aria-label={t.value.filters} onSubmit={(event) => event.preventDefault()}>
        <FilterField name="name" label={t.value.nameFilter} inputRef={search} />
        <FilterField name="stream" label={t.value.streamFilter} />
        <FilterField name="workstation" label={t.value.workstationFilter} />
        <p id="wildcard-hint" class="muted hint">
          {t.value.wildcardHint}. {t.value.keyboardHint}.
        </p>
      </form>
      <fieldset class="status-chips">
        <legend>{t.value.statusFilter}</legend>
        <button type="button" aria-pressed={only.value === undefined} onClick={() => (only.value = undefined)}>
          {t.value.allStatuses} <span class="count">{total}</span>
        </button>
        {boardGroups.map((group) => (
          <button
            type="button"
            key={group}
            class={`chip chip-${group}`}
            aria-pressed={only.value === group}
            onClick={() => (only.value = only.value === group ? undefined : group)}
          >
            {t.value.groups[group]} <span class="count">{current?.counts[group] ?? 0}</span>
          </button>
        ))}
      </fieldset>
      <ProblemText error={failure.value} />
      {!current && !failure.value && <p>{t.value.loading}</p>}
      {current && current.rows.length === 0 && <p>{t.value.noJobs}</p>}
      {current && current.rows.length > 0 && (
        <div class="table-wrap" ref={table}>
          <table class="jobs">
            <caption class="visually-hidden">{t.value.jobsShown(current.rows.length, total)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.value.colStatus}</th>
                <th scope="col">{t.value.colJob}</th>
                <th scope="col">{t.value.colStream}</th>
                <th scope="col">{t.value.colWorkstation}</th>
                <th scope="col">{t.value.colStarted}</th>
                <th scope="col">{t.value.colDuration}</th>
                <th scope="col">{t.value.colReturnCode}</th>
              </tr>
            </thead>
            <tbody>{current.rows.map((row) => jobRow(row.job, engine, t.value.none))}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
