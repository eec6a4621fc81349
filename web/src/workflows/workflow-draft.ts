// A workflow as the editor holds it (text fields as typed), checked field by field with the same rules as the API's
// schema (src/workflows/steps.ts, src/workflows/workflows.routes.ts), so that errors show beside the field as the
// operator types; the API's own 400 `errors[]` land on the same fields (their paths are `body.steps.0.job`).
import type { JobActionName, Step, Workflow } from "../api/types";

export const STEP_ACTIONS = [
  "hold",
  "release",
  "rerun",
  "cancel",
  "kill",
  "confirm-succ",
  "confirm-abend",
  "wait-for-status",
  "assert-status",
] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

export interface StepDraft {
  action: StepAction;
  job: string;
  /** Comma-separated, as typed. */
  statuses: string;
  /** Seconds, as typed. */
  timeout: string;
}

export interface WorkflowDraft {
  name: string;
  description: string;
  status: "active" | "disabled";
  steps: StepDraft[];
}

/** The reasons an editor field can be wrong; the catalogue says each in words. */
export type Invalid =
  | "required"
  | "jobReference"
  | "statuses"
  | "timeout"
  | "steps"
  | "controlCharacters"
  | { tooLong: number };

export const MAX_STEPS = 50;
const MAX_WAIT_SECONDS = 900;
const HWA_ID = /^(?!\.+$)[A-Za-z0-9_.:=+@-]+$/;
const QUALIFIED_NAME = /^([^#.]+)#([^#.]+)\.([^#]+)$/;
const CONTROL = /[\u0000-\u001f\u007f]/;
const STATUS = /^[A-Za-z]{2,10}$/;

export const newStep = (): StepDraft => ({ action: "rerun", job: "", statuses: "SUCC", timeout: "300" });
export const emptyWorkflow = (): WorkflowDraft => ({ name: "", description: "", status: "active", steps: [newStep()] });

export function draftOf(workflow: Workflow): WorkflowDraft {
  return {
    name: workflow.name,
    description: workflow.description ?? "",
    status: workflow.status,
    steps: workflow.steps.map((step) => ({
      action: step.action,
      job: step.job,
      statuses: "status" in step ? step.status.join(",") : "SUCC",
      timeout: "timeout_s" in step ? String(step.timeout_s) : "300",
    })),
  };
}

const statusList = (text: string) =>
  text
    .split(",")
    .map((status) => status.trim().toUpperCase())
    .filter(Boolean);

function jobProblem(job: string): Invalid | undefined {
  if (job === "") return "required";
  if (job.length > 256) return { tooLong: 256 };
  if (CONTROL.test(job)) return "controlCharacters";
  return HWA_ID.test(job) || QUALIFIED_NAME.test(job) ? undefined : "jobReference";
}

/** Every field that the API would refuse, by its path in the request body (`name`, `steps.2.timeout_s`). */
export function validateWorkflow(draft: WorkflowDraft): Map<string, Invalid> {
  const problems = new Map<string, Invalid>();
  const name = draft.name.trim();
  if (name === "") problems.set("name", "required");
  else if (name.length > 200) problems.set("name", { tooLong: 200 });
  else if (CONTROL.test(name)) problems.set("name", "controlCharacters");
  if (draft.description.length > 2000) problems.set("description", { tooLong: 2000 });
  if (draft.steps.length === 0 || draft.steps.length > MAX_STEPS) problems.set("steps", "steps");
  draft.steps.forEach((step, index) => {
    const job = jobProblem(step.job.trim());
    if (job) problems.set(`steps.${index}.job`, job);
    if (step.action === "wait-for-status" || step.action === "assert-status") {
      const statuses = statusList(step.statuses);
      if (statuses.length === 0 || statuses.length > 10 || !statuses.every((s) => STATUS.test(s)))
        problems.set(`steps.${index}.status`, "statuses");
    }
    if (step.action === "wait-for-status") {
      const seconds = Number(step.timeout);
      if (!/^\d+$/.test(step.timeout.trim()) || seconds < 1 || seconds > MAX_WAIT_SECONDS)
        problems.set(`steps.${index}.timeout_s`, "timeout");
    }
  });
  return problems;
}

export function stepOf(draft: StepDraft): Step {
  const job = draft.job.trim();
  if (draft.action === "wait-for-status")
    return { action: draft.action, job, status: statusList(draft.statuses), timeout_s: Number(draft.timeout) };
  if (draft.action === "assert-status") return { action: draft.action, job, status: statusList(draft.statuses) };
  return { action: draft.action as JobActionName, job };
}

/** The editor field an API error's path names: `body.steps.0.status.1` is the statuses of step 0. */
export const fieldOf = (path: string) =>
  path
    .replace(/^body\./, "")
    .split(".")
    .slice(0, 3)
    .join(".");

/** The body of POST/PUT /api/v1/workflows. */
export function bodyOf(draft: WorkflowDraft) {
  return {
    name: draft.name.trim(),
    description: draft.description.trim() || null,
    status: draft.status,
    steps: draft.steps.map(stepOf),
  };
}
