import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import type { RunStart, WorkflowRun } from "../../durable-objects/workflow-run";
import { scopeName } from "../../src/platform/idempotency/run-once";
import type { RunRecord, RunState, StepOutcome } from "../../src/runs/run-record";
import { runObject } from "../../src/runs/run-object";
import type { Step } from "../../src/workflows/steps";
import { borrowJobs } from "../helpers/borrowed-jobs";
import { testClient } from "../helpers/hwa";

const bindings = env;
const { jobIn } = borrowJobs();

function runStart(steps: Step[], budgetMs = 60_000): RunStart {
  const startedAt = Date.now();
  return {
    runId: crypto.randomUUID(),
    // No workflow has this id: its audit events (target workflow:<id>) must not land on a real workflow's trail.
    workflowId: 1_000_001,
    workflowVersion: 1,
    steps,
    requestedBy: { username: "run-object-test", role: "operator" },
    correlationId: `run-object-${crypto.randomUUID()}`,
    startedAt,
    deadline: startedAt + budgetMs,
  };
}

const stubOf = (runId: string) => bindings.WORKFLOW_RUN.get(bindings.WORKFLOW_RUN.idFromName(runId));

async function ended(runId: string, timeout = 20_000): Promise<RunRecord> {
  return vi.waitFor(
    async () => {
      const record = await runObject(bindings, runId).record();
      if (!record || !["succeeded", "failed", "cancelled"].includes(record.status)) throw new Error("still going");
      return record;
    },
    { timeout, interval: 100 },
  );
}

const runsOf = async (jobId: string) => (await testClient().client.job(jobId)).jobruns?.length ?? 0;

describe("WorkflowRun object", () => {
  it("resumes after dying between a step's HWA action and its record; HWA sees the action once", async () => {
    const job = await jobIn("ABEND");
    const start = runStart([
      { action: "rerun", job: job.id },
      { action: "assert-status", job: job.id, status: ["EXEC", "READY", "SUCC", "HOLD", "ABEND"] },
    ]);
    const crashes: number[] = [];
    await runInDurableObject(stubOf(start.runId), (instance: WorkflowRun) => {
      const object = instance as unknown as { recordTurn(state: RunState, outcome?: StepOutcome): void };
      const record = object.recordTurn.bind(instance);
      object.recordTurn = (state, outcome) => {
        if (outcome && crashes.length === 0) {
          crashes.push(outcome.index);
          throw new Error("the object died after acting, before recording");
        }
        record(state, outcome);
      };
    });
    const before = await runsOf(job.id);
    await runObject(bindings, start.runId).start(start);
    const record = await ended(start.runId);
    expect(crashes).toEqual([0]);
    expect(record.status).toBe("succeeded");
    expect(record.steps.map((s) => s.status)).toEqual(["succeeded", "succeeded"]);
    // One rerun in HWA: the replayed step took the stored answer instead of acting again.
    expect(await runsOf(job.id)).toBe(before + 1);
  });

  it("never repeats an action whose attempt was cut off mid-way: the step fails saying its outcome is unknown", async () => {
    const job = await jobIn("READY");
    const start = runStart([{ action: "hold", job: job.id }]);
    // The key of step 0 was claimed by an attempt that died: its lease lapsed with no answer.
    const name = await scopeName(`run:${start.runId}`, "POST", `/runs/${start.runId}/steps/0`, "0");
    const store = bindings.IDEMPOTENCY_STORE.get(bindings.IDEMPOTENCY_STORE.idFromName(name));
    expect((await store.claim({ fingerprint: "an earlier attempt", leaseMs: 1 })).kind).toBe("claimed");
    await vi.waitFor(async () =>
      expect((await store.claim({ fingerprint: "probe", leaseMs: 1 })).kind).toBe("claimed"),
    );
    await runObject(bindings, start.runId).start(start);
    const record = await ended(start.runId);
    expect(record.status).toBe("failed");
    expect(record.steps[0]!.error).toMatch(/interrupted while it acted in HWA and its outcome is unknown/);
    expect((await testClient().client.job(job.id)).jobruns?.at(-1)?.status ?? "").not.toBe("HOLD");
  });

  it("fails a wait cut short by the run's budget, saying so, and starts no later step", async () => {
    const job = await jobIn("ABEND");
    const other = await jobIn("READY");
    const start = runStart(
      [
        { action: "wait-for-status", job: job.id, status: ["SUCC"], timeout_s: 900 },
        { action: "hold", job: other.id },
      ],
      1_500,
    );
    await runObject(bindings, start.runId).start(start);
    const record = await ended(start.runId);
    expect(record.status).toBe("failed");
    expect(record.steps).toHaveLength(1);
    expect(record.steps[0]!.error).toBe("the run's time budget ran out waiting for SUCC; the job is ABEND");
    expect(record.error).toMatch(/^step 0 \(wait-for-status .*\) failed: the run's time budget ran out/);
  });

  it("starts once: a second start answers the same run", async () => {
    const job = await jobIn("SUCC");
    const start = runStart([{ action: "assert-status", job: job.id, status: ["SUCC"] }]);
    const first = await runObject(bindings, start.runId).start(start);
    const second = await runObject(bindings, start.runId).start({ ...start, workflowId: 99 });
    expect(second.workflow_id).toBe(first.workflow_id);
    expect((await ended(start.runId)).status).toBe("succeeded");
  });
});
