import { beforeAll, describe, expect, it } from "vitest";
import { waitForEnd } from "../../src/runs/wait-for-end";
import { createUser, tokenFor } from "../helpers/accounts";
import { borrowJobs } from "../helpers/borrowed-jobs";
import { withScope } from "../helpers/scope";
import { createWorkflow, runEnded, runWorkflow, uniqueName } from "../workflows/helpers";
import type { RunRecord } from "../../src/runs/run-record";

const { jobIn } = borrowJobs();
let admin: string;
let operator: string;
beforeAll(async () => {
  [admin, operator] = await Promise.all([tokenFor(await createUser("admin")), tokenFor(await createUser("operator"))]);
});

describe("the compat route's wait for a run's end", () => {
  it("gives the final record of a run that ends in time, and nothing for one still going", async () => {
    const abended = await jobIn("ABEND");
    const workflow = await createWorkflow(admin, {
      name: uniqueName("compat-wait"),
      steps: [{ action: "wait-for-status", job: abended.id, status: ["SUCC"], timeout_s: 2 }],
    });
    const run = (await (await runWorkflow(operator, workflow.id)).json()) as RunRecord;
    expect(await withScope((scope) => waitForEnd(scope, run.run_id, 300))).toBeUndefined();
    const ended = await withScope((scope) => waitForEnd(scope, run.run_id, 10_000));
    expect(ended).toEqual(await runEnded(operator, run.run_id));
    expect(ended?.status).toBe("failed");
  });
});
