import { createScheduledController } from "cloudflare:test";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { database } from "../../src/platform/db/client";
import { workflowRuns, workflows } from "../../src/platform/db/schema";
import { readConfig } from "../../src/platform/env/config";
import { ORPHANED_AFTER_MS, RUN_BUDGET_MS } from "../../src/runs/budget";
import { executeSteps, type RunEnvironment } from "../../src/runs/execute";
import { ORPHANED } from "../../src/runs/run-store";
import type { Step } from "../../src/workflows/steps";
import { bindings } from "../helpers/worker";

/** A run environment on a manual clock: sleeping advances time, statuses come from a table. */
function fakeEnvironment(statuses: Record<string, string>) {
  let now = 1_000_000;
  const polls: number[] = [];
  const environment: RunEnvironment = {
    resolveJob: async (reference) => reference,
    act: async (jobId, action) => ({ id: `${jobId}:${action}` }),
    statusOf: async (jobId) => {
      polls.push(now);
      return statuses[jobId] ?? null;
    },
    saveProgress: async () => {},
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
  return { environment, polls };
}

describe("a run's time budget", () => {
  it("fails a wait cut short by the run's budget, saying so", async () => {
    const { environment, polls } = fakeEnvironment({ A: "EXEC" });
    const steps: Step[] = [
      { action: "hold", job: "B" },
      { action: "wait-for-status", job: "A", status: ["SUCC"], timeout_s: 900 },
      { action: "release", job: "B" },
    ];
    const outcome = await executeSteps(environment, steps, 60_000);
    expect(outcome.status).toBe("failed");
    expect(outcome.steps.map((s) => s.status)).toEqual(["succeeded", "failed"]);
    expect(outcome.steps[1]!.error).toBe("the run's time budget ran out waiting for SUCC; the job is EXEC");
    expect(outcome.error).toMatch(/^step 1 \(wait-for-status A\) failed: the run's time budget ran out/);
    // Polls back off (0.5 s doubling to 10 s) and stop at the budget.
    const gaps = polls.slice(1).map((t, i) => t - polls[i]!);
    expect(gaps.slice(0, 5)).toEqual([500, 1000, 2000, 4000, 8000]);
    expect(Math.max(...gaps)).toBe(10_000);
    expect(polls.at(-1)! - polls[0]!).toBe(60_000);
  });

  it("does not start a step once the budget is spent", async () => {
    const { environment } = fakeEnvironment({ A: "EXEC" });
    const slow = {
      ...environment,
      act: async () => {
        await environment.sleep(5_000);
        return { id: "x" };
      },
    };
    const outcome = await executeSteps(
      slow,
      [
        { action: "hold", job: "A" },
        { action: "release", job: "A" },
      ],
      5_000,
    );
    expect(outcome).toMatchObject({ status: "failed", error: "the run's time budget of 5 s ran out before step 1" });
    expect(outcome.steps).toHaveLength(1);
  });

  it("covers the longest wait, and the cron waits longer than the budget before calling a run orphaned", () => {
    expect(RUN_BUDGET_MS).toBeGreaterThan(900_000);
    expect(ORPHANED_AFTER_MS).toBeGreaterThan(RUN_BUDGET_MS);
  });
});

describe("orphaned runs", () => {
  it("are marked failed by the cron once they outlive the budget; younger and finished runs are left alone", async () => {
    const db = await database(readConfig(bindings));
    const now = Date.now();
    const [workflow] = await db
      .insert(workflows)
      .values({ name: `orphans-${crypto.randomUUID()}`, steps: [], createdBy: "test" })
      .returning({ id: workflows.id });
    const run = (status: "running" | "succeeded", startedAgoMs: number) => ({
      id: crypto.randomUUID(),
      workflowId: workflow!.id,
      workflowVersion: 1,
      status,
      requestedBy: "test",
      steps: [{ index: 0, action: "hold", job: "x", status: "succeeded", started_at: "t", finished_at: "t" }],
      startedAt: new Date(now - startedAgoMs),
      finishedAt: status === "running" ? null : new Date(now - startedAgoMs + 1000),
    });
    const orphan = run("running", ORPHANED_AFTER_MS + 60_000);
    const young = run("running", 60_000);
    const finished = run("succeeded", ORPHANED_AFTER_MS + 60_000);
    await db.insert(workflowRuns).values([orphan, young, finished]);

    await worker.scheduled(createScheduledController({ scheduledTime: new Date(now), cron: "17 * * * *" }), bindings);

    const rows = await db
      .select()
      .from(workflowRuns)
      .where(inArray(workflowRuns.id, [orphan.id, young.id, finished.id]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(orphan.id)).toMatchObject({ status: "failed", error: ORPHANED, steps: orphan.steps });
    expect(byId.get(orphan.id)!.finishedAt!.getTime()).toBe(now);
    expect(byId.get(young.id)).toMatchObject({ status: "running", error: null, finishedAt: null });
    expect(byId.get(finished.id)).toMatchObject({ status: "succeeded", error: null });
    const [again] = await db.select().from(workflowRuns).where(eq(workflowRuns.id, orphan.id));
    expect(again!.status).toBe("failed");
  });
});
