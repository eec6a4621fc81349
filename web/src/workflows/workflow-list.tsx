import { signal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { allPages } from "../api/client";
import type { Workflow } from "../api/types";
import { formatTime, t } from "../i18n/i18n";
import { link } from "../routes";
import { isAdmin } from "../session";
import { ProblemText } from "../ui/problem-text";
import { RunBadge } from "../ui/status-badge";

const workflows = signal<Workflow[] | undefined>(undefined);
const failure = signal<unknown>(null);

export function WorkflowList() {
  const words = t.value;
  useEffect(() => {
    allPages<Workflow>("/api/v1/workflows?limit=200", 5)
      .then((items) => {
        workflows.value = items;
        failure.value = null;
      })
      .catch((problem) => (failure.value = problem));
  }, []);

  return (
    <section aria-labelledby="workflows-title">
      <div class="page-head">
        <h1 id="workflows-title">{words.workflowsTitle}</h1>
        {isAdmin.value && (
          <a class="button primary" href={link("workflows", "new")}>
            {words.newWorkflow}
          </a>
        )}
      </div>
      <ProblemText error={failure.value} />
      {!workflows.value && !failure.value && <p>{words.loading}</p>}
      {workflows.value?.length === 0 && <p>{words.noWorkflows}</p>}
      {workflows.value && workflows.value.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{words.colName}</th>
              <th scope="col">{words.status}</th>
              <th scope="col">{words.colVersion}</th>
              <th scope="col">{words.colSteps}</th>
              <th scope="col">{words.colLatestRun}</th>
              <th scope="col">{words.colUpdated}</th>
            </tr>
          </thead>
          <tbody>
            {workflows.value.map((workflow) => (
              <tr key={workflow.id}>
                <td>
                  <a href={link("workflows", workflow.id)}>{workflow.name}</a>
                </td>
                <td>{words.workflowStatus[workflow.status]}</td>
                <td class="number">{workflow.version}</td>
                <td class="number">{workflow.steps.length}</td>
                <td>
                  {workflow.latest_run ? (
                    <a href={link("runs", workflow.latest_run.run_id)}>
                      <RunBadge
                        status={workflow.latest_run.status}
                        label={words.runStatus[workflow.latest_run.status] ?? workflow.latest_run.status}
                      />{" "}
                      {formatTime(workflow.latest_run.started_at, true)}
                    </a>
                  ) : (
                    words.none
                  )}
                </td>
                <td>{formatTime(workflow.updated_at, true)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
