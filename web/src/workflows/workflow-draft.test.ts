// The editor's checks agree with the API's schema (src/workflows/steps.ts) on every case here, so that what the
// editor lets through the API takes, and what it flags the API would refuse.
import { describe, expect, it } from "vitest";
import { StepsSchema } from "../../../src/workflows/steps";
import { bodyOf, emptyWorkflow, fieldOf, type StepDraft, validateWorkflow } from "./workflow-draft";

const step = (overrides: Partial<StepDraft>): StepDraft => ({
  action: "rerun",
  job: "AGT_LNX01#BACKUP_DB.RMAN_CROSSCHECK",
  statuses: "SUCC",
  timeout: "300",
  ...overrides,
});

const cases: [string, StepDraft, string | undefined][] = [
  ["a qualified job name", step({}), undefined],
  ["an HWA id", step({ job: "0AAAAAAAAAAAAB2C" }), undefined],
  ["an empty job", step({ job: "" }), "steps.0.job"],
  ["a path as the job", step({ job: "../x" }), "steps.0.job"],
  ["dots as the job", step({ job: ".." }), "steps.0.job"],
  ["a space in the job", step({ job: "MY JOB" }), "steps.0.job"],
  ["a wait with statuses and a timeout", step({ action: "wait-for-status", statuses: "succ, abend" }), undefined],
  ["a wait of 0 s", step({ action: "wait-for-status", timeout: "0" }), "steps.0.timeout_s"],
  ["a wait of 901 s", step({ action: "wait-for-status", timeout: "901" }), "steps.0.timeout_s"],
  ["a wait of 1.5 s", step({ action: "wait-for-status", timeout: "1.5" }), "steps.0.timeout_s"],
  ["an assert with no status", step({ action: "assert-status", statuses: " , " }), "steps.0.status"],
  ["an assert with a digit", step({ action: "assert-status", statuses: "SUCC1" }), "steps.0.status"],
  [
    "an assert with 11 statuses",
    step({ action: "assert-status", statuses: Array(11).fill("SUCC").join(",") }),
    "steps.0.status",
  ],
];

describe("the workflow editor's checks", () => {
  it.each(cases)("%s", (_, draft, path) => {
    const workflow = { ...emptyWorkflow(), name: "Nightly", steps: [draft] };
    const problems = validateWorkflow(workflow);
    expect([...problems.keys()]).toEqual(path ? [path] : []);
    const api = StepsSchema.safeParse(bodyOf(workflow).steps);
    expect(api.success).toBe(path === undefined);
    // The API may name an item of the field (steps.0.status.0): the editor shows it on the field.
    if (!api.success) expect(api.error.issues.map((issue) => fieldOf(`steps.${issue.path.join(".")}`))).toContain(path);
  });

  it("needs a name, and 1 to 50 steps", () => {
    const problems = validateWorkflow({ ...emptyWorkflow(), name: "  ", steps: [] });
    expect(problems.get("name")).toBe("required");
    expect(problems.get("steps")).toBe("steps");
    expect(validateWorkflow({ ...emptyWorkflow(), name: "x".repeat(201) }).get("name")).toEqual({ tooLong: 200 });
  });
});
