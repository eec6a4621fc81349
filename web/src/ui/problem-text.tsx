import { ApiProblem } from "../api/client";
import { t } from "../i18n/i18n";

/** What went wrong, in words: the API's own detail with its status, or that Resync could not be reached. */
export function problemText(error: unknown): string {
  if (error instanceof ApiProblem) {
    if (error.status === 0) return t.value.networkError;
    // A 409 is a refusal with its reason (a job's status, a run that ended): the reason is the message.
    if (error.status === 409 && error.detail) return t.value.conflict(error.detail);
    return t.value.problem(error.status, error.detail || error.title);
  }
  return String(error);
}

export function ProblemText({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p class="problem" role="alert">
      {problemText(error)}
    </p>
  );
}
