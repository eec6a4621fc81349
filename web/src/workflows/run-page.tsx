import { useSignal } from "@preact/signals";
import { call, newIdempotencyKey } from "../api/client";
import type { Run, Workflow } from "../api/types";
import { formatTime, t } from "../i18n/i18n";
import { link } from "../routes";
import { isOperator } from "../session";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { ProblemText } from "../ui/problem-text";
import { RunBadge } from "../ui/status-badge";
import { usePolling } from "../ui/use-polling";
import { stepText } from "./step-text";

/** A run executes in the background (202); its record is live, so the page reads it every second until it ends. */
const LIVE_MS = 1_000;
const ended = (run: Run | undefined) => run !== undefined && run.status !== "queued" && run.status !== "running";

export function RunPage({ id }: { id: string }) {
  const words = t.value;
  const run = useSignal<Run | undefined>(undefined);
  const workflow = useSignal<Workflow | undefined>(undefined);
  const failure = useSignal<unknown>(null);
  const cancelKey = useSignal<string | undefined>(undefined);

  usePolling(
    async () => {
      if (ended(run.value)) return;
      try {
        run.value = await call<Run>(`/api/v1/runs/${encodeURIComponent(id)}`);
        failure.value = null;
        if (workflow.value?.id !== run.value.workflow_id)
          workflow.value = await call<Workflow>(`/api/v1/workflows/${run.value.workflow_id}`);
      } catch (problem) {
        failure.value = problem;
      }
    },
    LIVE_MS,
    id,
  );

  const current = run.value;
  if (!current) {
    return (
      <section>
        <h1>{words.runTitle(id.slice(0, 8))}</h1>
        {failure.value ? <ProblemText error={failure.value} /> : <p>{words.loading}</p>}
      </section>
    );
  }
  const planned = workflow.value?.version === current.workflow_version ? workflow.value.steps : undefined;
  const rows = (planned ?? current.steps).map((_, index) => ({
    index,
    outcome: current.steps.find((step) => step.index === index),
    text: planned ? stepText(planned[index]!) : `${current.steps[index]!.action} ${current.steps[index]!.job}`,
  }));

  return (
    <section aria-labelledby="run-title">
      <div class="page-head">
        <h1 id="run-title">
          {words.runTitle(current.run_id.slice(0, 8))}{" "}
          <RunBadge status={current.status} label={words.runStatus[current.status] ?? current.status} />
        </h1>
        {isOperator.value && !ended(current) && (
          <button type="button" class="danger-outline" onClick={() => (cancelKey.value = newIdempotencyKey())}>
            {words.cancelRun}
          </button>
        )}
      </div>
      <dl class="facts">
        <div>
          <dt>{words.runOf}</dt>
          <dd>
            <a href={link("workflows", current.workflow_id)}>{workflow.value?.name ?? `#${current.workflow_id}`}</a>{" "}
            <span class="muted">({words.version(current.workflow_version)})</span>
          </dd>
        </div>
        <div>
          <dt>{words.requestedBy}</dt>
          <dd>{current.requested_by}</dd>
        </div>
        <div>
          <dt>{words.started}</dt>
          <dd>{formatTime(current.started_at, true)}</dd>
        </div>
        <div>
          <dt>{words.finished}</dt>
          <dd>{formatTime(current.finished_at, true)}</dd>
        </div>
      </dl>
      {!ended(current) && <p class="muted">{words.live}</p>}
      {current.error && (
        <p class="problem" role="alert">
          {current.error}
        </p>
      )}
      <ProblemText error={failure.value} />
      <ol class="run-steps" aria-live="polite">
        {rows.map((row) => (
          <li key={row.index} class={`run-step step-${row.outcome?.status ?? "pending"}`}>
            <span class="run-step-text">{row.text}</span>{" "}
            {row.outcome ? (
              <RunBadge status={row.outcome.status} label={words.runStatus[row.outcome.status] ?? row.outcome.status} />
            ) : (
              <span class="muted">{words.stepPending}</span>
            )}
            {row.outcome?.error && <p class="field-error">{row.outcome.error}</p>}
          </li>
        ))}
      </ol>
      {cancelKey.value && (
        <ConfirmDialog
          title={words.cancelRunTitle}
          confirmLabel={words.cancelNow}
          danger
          onConfirm={async () => {
            run.value = await call<Run>(`/api/v1/runs/${encodeURIComponent(id)}/cancel`, {
              method: "POST",
              idempotencyKey: cancelKey.value,
            });
          }}
          onClose={() => (cancelKey.value = undefined)}
        >
          <p>{words.cancelRunEffect}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
