import { signal, useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { call } from "../api/client";
import type { Job, JobDetail } from "../api/types";
import { onEngine, severalEngines, shownEngine } from "../engines/engines";
import { formatTime, t } from "../i18n/i18n";
import { boardLink, jobLink } from "../routes";
import { isOperator } from "../session";
import { formatDuration, percentOfEstimate } from "../ui/duration";
import { ProblemText } from "../ui/problem-text";
import { StatusBadge } from "../ui/status-badge";
import { usePolling } from "../ui/use-polling";
import { JobActions } from "./job-actions";
import { LogViewer } from "./log-viewer";

const REFRESH_MS = 10_000;
const enc = encodeURIComponent;

interface Neighbours {
  predecessors: Job[];
  successors: Job[];
}

/** The job's page state; a new job (another id) starts from nothing. */
const state = {
  job: signal<JobDetail | undefined>(undefined),
  neighbours: signal<Neighbours | undefined>(undefined),
  failure: signal<unknown>(null),
};

function Neighbours({ title, jobs, engine }: { title: string; jobs: Job[]; engine: string | undefined }) {
  return (
    <div>
      <h3>{title}</h3>
      {jobs.length === 0 ? (
        <p class="muted">{t.value.noneFound}</p>
      ) : (
        <ul class="plain">
          {jobs.map((job) => (
            <li key={job.id}>
              <StatusBadge status={job.status} commonStatus={job.common_status} />{" "}
              <a href={jobLink(engine, job.id)}>{job.name}</a> <span class="muted">{job.job_stream}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Facts({ job }: { job: JobDetail }) {
  const words = t.value;
  const percent = percentOfEstimate(job.duration_ms, job.estimated_duration_ms);
  const rows: [string, string][] = [
    ...(severalEngines.value && shownEngine.value ? [[words.engine, shownEngine.value] as [string, string]] : []),
    [words.colStream, job.job_stream ?? words.none],
    [words.colWorkstation, job.workstation ?? words.none],
    [words.returnCode, job.return_code === null ? words.none : String(job.return_code)],
    [words.scheduled, formatTime(job.sched_time, true)],
    [words.started, formatTime(job.started_at, true)],
    [words.ended, formatTime(job.ended_at, true)],
  ];
  return (
    <section class="panel" aria-labelledby="facts-title">
      <h2 id="facts-title">{words.facts}</h2>
      <dl class="facts">
        {rows.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div>
          <dt>{words.duration}</dt>
          <dd>
            {percent === undefined
              ? `${formatDuration(job.duration_ms)} (${words.noEstimate})`
              : words.durationAgainstEstimate(
                  formatDuration(job.duration_ms),
                  formatDuration(job.estimated_duration_ms),
                  percent,
                )}
            {percent !== undefined && (
              <meter
                class="estimate"
                min={0}
                max={200}
                low={100}
                high={150}
                optimum={50}
                value={Math.min(percent, 200)}
                aria-label={words.estimate}
              />
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** Job `id` on `engine` (the page's; undefined: the default engine). */
export function JobPage({ id, engine }: { id: string; engine: string | undefined }) {
  const words = t.value;
  const shownRun = useSignal<string | undefined>(undefined);
  const log = useSignal<{ run: string; text: string } | undefined>(undefined);
  const logFailure = useSignal<unknown>(null);
  const notice = useSignal("");

  async function load() {
    try {
      const job = await call<JobDetail>(onEngine(engine, `/api/v1/jobs/${enc(id)}`));
      state.job.value = job;
      state.failure.value = null;
      state.neighbours.value = await call<Neighbours>(onEngine(engine, `/api/v1/jobs/${enc(id)}/dependencies`));
    } catch (problem) {
      state.failure.value = problem;
    }
  }

  useEffect(() => {
    state.job.value = undefined;
    state.neighbours.value = undefined;
    shownRun.value = undefined;
    log.value = undefined;
    notice.value = "";
  }, [engine, id]);
  usePolling(load, REFRESH_MS, `${engine ?? ""}#${id}`);

  const job = state.job.value?.id === id ? state.job.value : undefined;
  const current = job?.runs.find((run) => run.last_in_rerun_chain)?.run_id ?? job?.run_id ?? undefined;
  const run = shownRun.value ?? current;

  // The log of the run shown: the current one, unless the operator picked another.
  useEffect(() => {
    if (!run) return;
    let stale = false;
    logFailure.value = null;
    call<string>(onEngine(engine, `/api/v1/jobs/${enc(id)}/log?run_id=${enc(run)}`))
      .then((text) => {
        if (!stale) log.value = { run, text };
      })
      .catch((problem) => {
        if (!stale) logFailure.value = problem;
      });
    return () => {
      stale = true;
    };
  }, [engine, id, run]);

  if (!job) {
    return (
      <section>
        <h1>{words.jobTitle(id)}</h1>
        {state.failure.value ? <ProblemText error={state.failure.value} /> : <p>{words.loading}</p>}
        <p>
          <a href={boardLink(engine)}>{words.backToJobs}</a>
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="job-title" class="job-page">
      <div class="page-head">
        <h1 id="job-title">
          {words.jobTitle(job.name)} <StatusBadge status={job.status} commonStatus={job.common_status} />
        </h1>
        <a href={boardLink(engine)}>{words.backToJobs}</a>
      </div>
      <p class="notice" role="status">
        {notice.value}
      </p>
      <ProblemText error={state.failure.value} />
      <div class="job-grid">
        <Facts job={job} />
        {isOperator.value && (
          <JobActions
            job={job}
            engine={engine}
            onDone={(message) => {
              notice.value = message;
              shownRun.value = undefined;
              void load();
            }}
          />
        )}
      </div>
      <section class="panel" aria-labelledby="deps-title">
        <h2 id="deps-title">{words.dependencies}</h2>
        {state.neighbours.value ? (
          <div class="two-columns">
            <Neighbours title={words.predecessors} jobs={state.neighbours.value.predecessors} engine={engine} />
            <Neighbours title={words.successors} jobs={state.neighbours.value.successors} engine={engine} />
          </div>
        ) : (
          <p>{words.loading}</p>
        )}
      </section>
      <section class="panel" aria-labelledby="runs-title">
        <h2 id="runs-title">{words.runs}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{words.colRun}</th>
              <th scope="col">{words.colStatus}</th>
              <th scope="col">{words.colReturnCode}</th>
              <th scope="col">{words.colStarted}</th>
              <th scope="col">{words.colEnded}</th>
              <th scope="col">{words.log}</th>
            </tr>
          </thead>
          <tbody>
            {[...job.runs].reverse().map((r) => (
              <tr key={r.run_id}>
                <td>
                  <code>{r.run_id}</code> {r.last_in_rerun_chain && <span class="muted">({words.current})</span>}
                </td>
                <td>
                  <StatusBadge status={r.status} commonStatus={null} />
                </td>
                <td class="number">{r.return_code ?? words.none}</td>
                <td>{formatTime(r.started_at, true)}</td>
                <td>{formatTime(r.ended_at, true)}</td>
                <td>
                  {r.run_id === run ? (
                    <span class="muted">{words.showingLog}</span>
                  ) : (
                    <button type="button" onClick={() => (shownRun.value = r.run_id)}>
                      {words.showLog}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="panel" aria-labelledby="log-title">
        <h2 id="log-title">{run ? words.logOf(run) : words.log}</h2>
        <ProblemText error={logFailure.value} />
        {log.value && log.value.run === run ? (
          <LogViewer key={run} text={log.value.text} label={words.logOf(run)} />
        ) : (
          !logFailure.value && <p>{words.loading}</p>
        )}
      </section>
    </section>
  );
}
