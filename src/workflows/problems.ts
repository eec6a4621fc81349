import { Problem } from "../platform/http/problem";

export function workflowNotFound(id: number): Problem {
  return new Problem({ status: 404, kind: "workflow-not-found", detail: `No workflow ${id}` });
}
