import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { call, newIdempotencyKey } from "../api/client";
import type { Run, Workflow } from "../api/types";
import { formatTime, t } from "../i18n/i18n";
import { navigate } from "../router";
import { link } from "../routes";
import { isAdmin, isOperator } from "../session";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { ProblemText } from "../ui/problem-text";
import { RunBadge } from "../ui/status-badge";
import { stepText } from "./step-text";

/** One workflow: its steps, its runs, and (by role) run, edit and delete. */
export function WorkflowPage({ id }: { id: number }) {
  const words = t.value;
  const workflow = useSignal<Workflow | undefined>(undefined);
  const runs = useSignal<Run[] | undefined>(undefined);
  const failure = useSignal<unknown>(null);
  const dialog = useSignal<{ kind: "run"; key: string } | { kind: "delete" } | undefined>(undefined);

  useEffect(() => {
    Promise.all([
      call<Workflow>(`/api/v1/workflows/${id}`),
      call<{ items: Run[] }>(`/api/v1/workflows/${id}/runs?limit=20`),
    ])
      .then(([found, history]) => {
        workflow.value = found;
        runs.value = history.items;
      })
      .catch((problem) => (failure.value = problem));
  }, [id]);

  const current = workflow.value;
  if (!current) {
    return (
      <section>
        <h1>{words.workflowsTitle}</h1>
        {failure.value ? <ProblemText error={failure.value} /> : <p>{words.loading}</p>}
      </section>
    );
  }

  const runKey = dialog.value?.kind === "run" ? dialog.value.key : undefined;

  async function start(key: string) {
    const run = await call<Run>(`/api/v1/workflows/${id}/runs`, { method: "POST", idempotencyKey: key, body: {} });
    navigate(link("runs", run.run_id));
  }

  async function remove() {
    await call(`/api/v1/workflows/${id}`, { method: "DELETE" });
    navigate(link("workflows"));
  }

  return (
    <section aria-labelledby="workflow-title">
      <div class="page-head">
        <h1 id="workflow-title">{words.workflowTitle(current.name)}</h1>
        <div class="buttons">
          {isOperator.value && (
            <button
              type="button"
              class="primary"
              disabled={current.status === "disabled"}
              onClick={() => (dialog.value = { kind: "run", key: newIdempotencyKey() })}
            >
              {words.run}
            </button>
          )}
          {isAdmin.value && (
            <a class="button" href={link("workflows", id, "edit")}>
              {words.edit}
            </a>
          )}
          {isAdmin.value && (
            <button type="button" class="danger-outline" onClick={() => (dialog.value = { kind: "delete" })}>
              {words.delete}
            </button>
          )}
        </div>
      </div>
      <p class="muted">
        {words.version(current.version)} · {words.workflowStatus[current.status]} ·{" "}
        {words.createdBy(current.created_by)}
      </p>
      {current.description && <p>{current.description}</p>}
      <section class="panel" aria-labelledby="steps-title">
        <h2 id="steps-title">{words.steps}</h2>
        <ol class="steps">
          {current.steps.map((step, index) => (
            <li key={index}>{stepText(step)}</li>
          ))}
        </ol>
      </section>
      <section class="panel" aria-labelledby="runs-title">
        <h2 id="runs-title">{words.runHistory}</h2>
        {runs.value?.length === 0 && <p>{words.noRuns}</p>}
        {runs.value && runs.value.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">{words.colRun}</th>
                <th scope="col">{words.status}</th>
                <th scope="col">{words.colStarted}</th>
                <th scope="col">{words.finished}</th>
                <th scope="col">{words.colStartedBy}</th>
              </tr>
            </thead>
            <tbody>
              {runs.value.map((run) => (
                <tr key={run.run_id}>
                  <td>
                    <a href={link("runs", run.run_id)}>
                      <code>{run.run_id.slice(0, 8)}</code>
                    </a>
                  </td>
                  <td>
                    <RunBadge status={run.status} label={words.runStatus[run.status] ?? run.status} />
                  </td>
                  <td>{formatTime(run.started_at, true)}</td>
                  <td>{formatTime(run.finished_at, true)}</td>
                  <td>{run.requested_by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {runKey && (
        <ConfirmDialog
          title={words.runWorkflowTitle(current.name)}
          confirmLabel={words.runNow}
          onConfirm={() => start(runKey)}
          onClose={() => (dialog.value = undefined)}
        >
          <p>{words.runWorkflowEffect(current.steps.length)}</p>
          <ol class="steps">
            {current.steps.map((step, index) => (
              <li key={index}>{stepText(step)}</li>
            ))}
          </ol>
          <p class="muted">{words.actionOnce}</p>
        </ConfirmDialog>
      )}
      {dialog.value?.kind === "delete" && (
        <ConfirmDialog
          title={words.deleteWorkflowTitle(current.name)}
          confirmLabel={words.deleteNow}
          danger
          onConfirm={remove}
          onClose={() => (dialog.value = undefined)}
        >
          <p>{words.deleteWorkflowEffect}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
