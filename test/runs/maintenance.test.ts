import { runInDurableObject, SELF } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { toJob } from "../../src/jobs/job";
import type { RunRecord, RunState } from "../../src/runs/run-record";
import { bearer, createUser, ORIGIN, tokenFor } from "../helpers/accounts";
import { borrowJobs } from "../helpers/borrowed-jobs";
import { simulator, testClient } from "../helpers/hwa";
import { bindings } from "../helpers/worker";
import { createWorkflow, runEnded, runWorkflow, uniqueName } from "../workflows/helpers";

// This file's own Settings object (each test file has one): maintenance here touches no other file.
const { jobIn } = borrowJobs();
let admin: string;
let operator: string;
beforeAll(async () => {
  [admin, operator] = await Promise.all([tokenFor(await createUser("admin")), tokenFor(await createUser("operator"))]);
});

const maintenance = (enabled: boolean) =>
  SELF.fetch(`${ORIGIN}/api/v1/settings`, {
    method: "PUT",
    headers: { ...bearer(admin), "Content-Type": "application/json" },
    body: JSON.stringify({ maintenance: enabled ? { enabled, message: "HWA upgrade" } : { enabled } }),
  });
afterEach(async () => {
  expect((await maintenance(false)).status).toBe(200);
});

const stateOf = (runId: string) =>
  runInDurableObject(bindings.WORKFLOW_RUN.get(bindings.WORKFLOW_RUN.idFromName(runId)), (_object, state) =>
    state.storage.kv.get<RunState>("run"),
  );

describe("workflow runs and maintenance", () => {
  it("a running run finishes its current step, waits between steps while maintenance is on, then resumes", async () => {
    const waited = await jobIn("ABEND");
    const held = await jobIn("READY");
    const workflow = await createWorkflow(admin, {
      name: uniqueName("run-maintenance"),
      steps: [
        { action: "wait-for-status", job: waited.id, status: ["SUCC"], timeout_s: 60 },
        { action: "hold", job: held.id },
      ],
    });
    const run = (await (await runWorkflow(operator, workflow.id)).json()) as RunRecord;
    await vi.waitFor(async () => expect((await stateOf(run.run_id))?.current?.index).toBe(0));
    expect((await maintenance(true)).status).toBe(200);
    // The step in progress ends (its job reaches SUCC); the next one does not start.
    await simulator.forceStatus(waited.id, "SUCC");
    const paused = await vi.waitFor(
      async () => {
        const state = await stateOf(run.run_id);
        expect(state?.pausedAt).toBeDefined();
        return state!;
      },
      { timeout: 15_000, interval: 100 },
    );
    expect(paused.outcomes.map((o) => o.status)).toEqual(["succeeded"]);
    expect(paused.status).toBe("running");
    expect(toJob(await testClient().client.job(held.id)).status).toBe("READY");

    expect((await maintenance(false)).status).toBe(200);
    const ended = await runEnded(operator, run.run_id, 20_000);
    expect(ended.status).toBe("succeeded");
    expect(toJob(await testClient().client.job(held.id)).status).toBe("HOLD");
    // The pause did not eat the run's budget.
    const final = await stateOf(run.run_id);
    expect(final?.pausedAt).toBeUndefined();
  }, 40_000);
});
