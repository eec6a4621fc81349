import { useSignal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { ApiProblem, call } from "../api/client";
import type { Workflow } from "../api/types";
import { t } from "../i18n/i18n";
import { navigate } from "../router";
import { link } from "../routes";
import { ProblemText } from "../ui/problem-text";
import {
  bodyOf,
  draftOf,
  emptyWorkflow,
  fieldOf,
  type Invalid,
  MAX_STEPS,
  newStep,
  STEP_ACTIONS,
  type StepDraft,
  validateWorkflow,
  type WorkflowDraft,
} from "./workflow-draft";

function invalidText(invalid: Invalid): string {
  const words = t.value.validation;
  return typeof invalid === "string" ? words[invalid] : words.tooLong(invalid.tooLong);
}

/** A labelled field with its error beside it (aria-invalid + aria-describedby), shown once touched or submitted. */
function Field(props: { id: string; label: string; hint?: string; error?: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <span id={`${props.id}-hint`} class="muted hint">
          {props.hint}
        </span>
      )}
      {props.error && (
        <span id={`${props.id}-error`} class="field-error">
          {props.error}
        </span>
      )}
    </div>
  );
}

const describedBy = (id: string, hint: boolean, error: boolean) =>
  [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

/** Create or edit a workflow (admin). Steps are checked as they are typed; the API's own refusals land on the same fields. */
export function WorkflowEditor({ id }: { id: number | "new" }) {
  const words = t.value;
  const draft = useSignal<WorkflowDraft | undefined>(id === "new" ? emptyWorkflow() : undefined);
  const original = useSignal<Workflow | undefined>(undefined);
  const touched = useSignal<Set<string>>(new Set());
  const submitted = useSignal(false);
  const saving = useSignal(false);
  const failure = useSignal<unknown>(null);
  const serverErrors = useSignal<Map<string, string>>(new Map());

  useEffect(() => {
    if (id === "new") return;
    call<Workflow>(`/api/v1/workflows/${id}`)
      .then((workflow) => {
        original.value = workflow;
        draft.value = draftOf(workflow);
      })
      .catch((problem) => (failure.value = problem));
  }, [id]);

  const current = draft.value;
  if (!current) {
    return (
      <section>
        <h1>{words.workflowsTitle}</h1>
        {failure.value ? <ProblemText error={failure.value} /> : <p>{words.loading}</p>}
      </section>
    );
  }

  const problems = validateWorkflow(current);
  const errorOf = (path: string): string | undefined => {
    const mine = problems.get(path);
    if (mine && (submitted.value || touched.value.has(path))) return invalidText(mine);
    return serverErrors.value.get(path);
  };
  const touch = (path: string) => {
    if (!touched.value.has(path)) touched.value = new Set(touched.value).add(path);
  };
  const change = (next: Partial<WorkflowDraft>) => {
    draft.value = { ...current, ...next };
    serverErrors.value = new Map();
  };
  const changeStep = (index: number, next: Partial<StepDraft>) =>
    change({ steps: current.steps.map((step, at) => (at === index ? { ...step, ...next } : step)) });
  const move = (index: number, by: -1 | 1) => {
    const steps = [...current.steps];
    [steps[index], steps[index + by]] = [steps[index + by]!, steps[index]!];
    change({ steps });
  };

  async function save(event: Event) {
    event.preventDefault();
    submitted.value = true;
    if (problems.size > 0 || saving.value || !current) return;
    saving.value = true;
    failure.value = null;
    try {
      const saved = await call<Workflow>(id === "new" ? "/api/v1/workflows" : `/api/v1/workflows/${id}`, {
        method: id === "new" ? "POST" : "PUT",
        body: bodyOf(current),
      });
      navigate(link("workflows", saved.id));
    } catch (problem) {
      failure.value = problem;
      if (problem instanceof ApiProblem)
        serverErrors.value = new Map(problem.errors.map((error) => [fieldOf(error.path), error.message]));
    } finally {
      saving.value = false;
    }
  }

  const title = id === "new" ? words.newWorkflowTitle : words.editWorkflowTitle(original.value?.name ?? "");
  const nameError = errorOf("name");
  return (
    <section aria-labelledby="editor-title">
      <h1 id="editor-title">{title}</h1>
      <form class="editor" onSubmit={save} noValidate>
        <Field id="wf-name" label={words.name} error={nameError}>
          <input
            id="wf-name"
            value={current.name}
            aria-invalid={nameError !== undefined}
            aria-describedby={describedBy("wf-name", false, nameError !== undefined)}
            onInput={(event) => change({ name: event.currentTarget.value })}
            onBlur={() => touch("name")}
          />
        </Field>
        <Field id="wf-description" label={words.description} error={errorOf("description")}>
          <textarea
            id="wf-description"
            rows={2}
            value={current.description}
            onInput={(event) => change({ description: event.currentTarget.value })}
            onBlur={() => touch("description")}
          />
        </Field>
        <Field id="wf-status" label={words.status}>
          <select
            id="wf-status"
            value={current.status}
            onChange={(event) => change({ status: event.currentTarget.value as WorkflowDraft["status"] })}
          >
            <option value="active">{words.workflowStatus.active}</option>
            <option value="disabled">{words.workflowStatus.disabled}</option>
          </select>
        </Field>
        <fieldset class="steps-editor">
          <legend>{words.steps}</legend>
          {errorOf("steps") && <p class="field-error">{errorOf("steps")}</p>}
          {current.steps.map((step, index) => {
            const prefix = `step-${index}`;
            const jobError = errorOf(`steps.${index}.job`);
            const statusError = errorOf(`steps.${index}.status`);
            const timeoutError = errorOf(`steps.${index}.timeout_s`);
            const needsStatus = step.action === "wait-for-status" || step.action === "assert-status";
            return (
              <fieldset class="step" key={index}>
                <legend>{words.step(index + 1)}</legend>
                <Field id={`${prefix}-action`} label={words.stepAction}>
                  <select
                    id={`${prefix}-action`}
                    value={step.action}
                    onChange={(event) =>
                      changeStep(index, { action: event.currentTarget.value as StepDraft["action"] })
                    }
                  >
                    {STEP_ACTIONS.map((action) => (
                      <option key={action} value={action}>
                        {action === "wait-for-status"
                          ? words.waitForStatus
                          : action === "assert-status"
                            ? words.assertStatus
                            : words.actionNames[action]}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field id={`${prefix}-job`} label={words.stepJob} hint={words.stepJobHint} error={jobError}>
                  <input
                    id={`${prefix}-job`}
                    value={step.job}
                    spellcheck={false}
                    aria-invalid={jobError !== undefined}
                    aria-describedby={describedBy(`${prefix}-job`, true, jobError !== undefined)}
                    onInput={(event) => changeStep(index, { job: event.currentTarget.value })}
                    onBlur={() => touch(`steps.${index}.job`)}
                  />
                </Field>
                {needsStatus && (
                  <Field
                    id={`${prefix}-status`}
                    label={words.stepStatuses}
                    hint={words.stepStatusesHint}
                    error={statusError}
                  >
                    <input
                      id={`${prefix}-status`}
                      value={step.statuses}
                      aria-invalid={statusError !== undefined}
                      aria-describedby={describedBy(`${prefix}-status`, true, statusError !== undefined)}
                      onInput={(event) => changeStep(index, { statuses: event.currentTarget.value })}
                      onBlur={() => touch(`steps.${index}.status`)}
                    />
                  </Field>
                )}
                {step.action === "wait-for-status" && (
                  <Field id={`${prefix}-timeout`} label={words.stepTimeout} error={timeoutError}>
                    <input
                      id={`${prefix}-timeout`}
                      inputMode="numeric"
                      value={step.timeout}
                      aria-invalid={timeoutError !== undefined}
                      aria-describedby={describedBy(`${prefix}-timeout`, false, timeoutError !== undefined)}
                      onInput={(event) => changeStep(index, { timeout: event.currentTarget.value })}
                      onBlur={() => touch(`steps.${index}.timeout_s`)}
                    />
                  </Field>
                )}
                <div class="buttons">
                  <button type="button" disabled={index === 0} onClick={() => move(index, -1)}>
                    {words.moveUp}
                  </button>
                  <button type="button" disabled={index === current.steps.length - 1} onClick={() => move(index, 1)}>
                    {words.moveDown}
                  </button>
                  <button
                    type="button"
                    disabled={current.steps.length === 1}
                    onClick={() => change({ steps: current.steps.filter((_, at) => at !== index) })}
                  >
                    {words.removeStep}
                  </button>
                </div>
              </fieldset>
            );
          })}
          <button
            type="button"
            disabled={current.steps.length >= MAX_STEPS}
            onClick={() => change({ steps: [...current.steps, newStep()] })}
          >
            {words.addStep}
          </button>
        </fieldset>
        {submitted.value && problems.size > 0 && (
          <p class="problem" role="alert">
            {words.fixErrors(problems.size)}
          </p>
        )}
        <ProblemText error={failure.value} />
        <div class="buttons">
          <button type="submit" class="primary" aria-disabled={saving.value}>
            {saving.value ? words.saving : words.save}
          </button>
          <a class="button" href={id === "new" ? link("workflows") : link("workflows", id)}>
            {words.cancel}
          </a>
        </div>
      </form>
    </section>
  );
}
