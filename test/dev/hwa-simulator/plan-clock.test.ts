// The plan moving with its clock: jobs go HOLD → READY → EXEC → SUCC/ABEND, successors wait for their
// predecessors, job streams are held, released and cancelled, the next production day arrives, reset goes
// back to the start. This file has a simulator of its own and resets it before each test.
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import {
  durationSeconds,
  engineErrorOf,
  expectNoContractViolations,
  simulatorAt,
  type Job,
  type JobStream,
  type Page,
} from "./simulator-helpers";

const engine = simulatorAt(inject("hwaSimulatorPlanUrl"));
beforeEach(() => engine.reset());
afterAll(() => expectNoContractViolations(engine));

async function now(): Promise<number> {
  return Date.parse((await engine.step(0)).now);
}

/** Steps the clock to `seconds` after the job's scheduled time. */
async function stepTo(job: Job, seconds: number) {
  const target = Date.parse(job.schedTime) + seconds * 1000;
  await engine.step((target - (await now())) / 1000);
}

const statusOf = async (id: string) => (await engine.job(id)).lastRunCompositeStatus;

describe("a job on its own", () => {
  it("waits for its time, becomes READY, starts, and ends SUCC or ABEND with a matching return code", async () => {
    const job = await engine.jobNamed("CRM_CAMPAIGNS", "SEGMENT_CUSTOMERS_01");
    expect(job.dependencies).toEqual([]);
    expect(job.lastRunCompositeStatus).toMatchObject({ status: "HOLD", substatus: "HOLD_WAITING_FOR_TIME" });
    expect(job.lastRunCommonStatus).toBe("WAITING");

    await stepTo(job, -1);
    expect((await statusOf(job.id)).status).toBe("HOLD");
    await engine.step(1);
    const ready = await engine.job(job.id);
    expect(ready.lastRunCompositeStatus.status).toBe("READY");
    expect(ready.lastRunCommonStatus).toBe("READY");

    await engine.step(10);
    const running = await engine.job(job.id);
    expect(running.lastRunCompositeStatus).toMatchObject({ status: "EXEC", started: true });
    expect(running.lastRunCommonStatus).toBe("RUNNING");
    const run = running.jobruns.at(-1)!;
    expect(Date.parse(run.timeInfo.actualStartTime!)).toBe(Date.parse(job.schedTime) + 10_000);
    expect(run.timeInfo.actualEndTime).toBeUndefined();
    expect(run.returnCode).toBeUndefined();

    const estimate = durationSeconds(job.jobDefinition.estimatedDuration);
    await engine.step(Math.ceil(estimate * 1.25) + 1);
    const ended = (await engine.job(job.id)).jobruns.at(-1)!;
    expect(["SUCC", "ABEND"]).toContain(ended.compositeStatus.status);
    expect(ended.returnCode === 0).toBe(ended.compositeStatus.status === "SUCC");
    expect(ended.commonStatus).toBe(ended.compositeStatus.status === "SUCC" ? "SUCCESSFUL" : "ERROR");
    const elapsed = durationSeconds(ended.timeInfo.elapsedTime!);
    expect(Date.parse(ended.timeInfo.actualEndTime!) - Date.parse(ended.timeInfo.actualStartTime!)).toBe(
      elapsed * 1000,
    );
    expect(elapsed).toBeGreaterThanOrEqual(Math.floor(estimate * 0.8));
    expect(elapsed).toBeLessThanOrEqual(Math.ceil(estimate * 1.25));
  });

  it("reaches the same state however the clock is stepped", async () => {
    const job = await engine.jobNamed("CRM_CAMPAIGNS", "SEGMENT_CUSTOMERS_02");
    await stepTo(job, 3 * 3600);
    const once = await engine.job(job.id);
    await engine.reset();
    await stepTo(job, 0);
    for (let i = 0; i < 12; i++) await engine.step(900);
    expect(await engine.job(job.id)).toEqual(once);
  });
});

describe("successors", () => {
  it("wait until every predecessor is satisfied, then start", async () => {
    const successor = await engine.jobNamed("CRM_CAMPAIGNS", "BUILD_CAMPAIGN_LIST");
    const predecessorIds = successor.dependencies!.map((dependency) => dependency.jobId);
    expect(predecessorIds).toHaveLength(4);
    await stepTo(successor, 10);
    for (const id of predecessorIds) expect((await statusOf(id)).status).toBe("EXEC");
    const waiting = await engine.job(successor.id);
    expect(waiting.lastRunCompositeStatus).toMatchObject({ status: "HOLD", substatus: "HOLD_WAITING_FOR_PREDECESSOR" });
    expect(waiting.dependencies!.every((dependency) => dependency.dependencyStatus === "UNSATISFIED")).toBe(true);

    for (const id of predecessorIds.slice(0, 3)) await engine.forceStatus(id, "SUCC");
    const almost = await engine.job(successor.id);
    expect(almost.lastRunCompositeStatus.status).toBe("HOLD");
    expect(almost.dependenciesStats.numberOfUnresolvedDependencies).toBe(1);

    await engine.forceStatus(predecessorIds[3]!, "SUCC");
    const released = await engine.job(successor.id);
    expect(released.lastRunCompositeStatus.status).toBe("READY");
    expect(released.dependencies!.every((dependency) => dependency.satisfied)).toBe(true);
    await engine.step(10);
    expect((await statusOf(successor.id)).status).toBe("EXEC");
  });

  it("stay waiting behind an ABEND however long the clock runs", async () => {
    const successor = await engine.jobNamed("BANK_RECON", "RECON_EXCEPTIONS");
    await engine.step(6 * 3600);
    expect(await statusOf(successor.id)).toMatchObject({ status: "HOLD", substatus: "HOLD_WAITING_FOR_PREDECESSOR" });
  });

  it("follow the clock naturally: a successor starts only once all its predecessors ended well", async () => {
    const successor = await engine.jobNamed("CUSTOMER_NOTIFY", "NOTIFY_REPORT");
    await stepTo(successor, 4 * 3600);
    const after = await engine.job(successor.id);
    const predecessors = await Promise.all(after.dependencies!.map((dependency) => engine.job(dependency.jobId)));
    const allWell = predecessors.every((job) => job.lastRunCompositeStatus.status === "SUCC");
    expect(after.lastRunCompositeStatus.status === "HOLD").toBe(!allWell);
  });
});

describe("job streams", () => {
  const stream = async (name: string) => {
    const page = await engine.get<Page<JobStream>>(
      `/api/v2/plan/jobstream?oql=${encodeURIComponent(`name = '${name}'`)}`,
    );
    return page.results[0]!;
  };

  it("a held stream keeps its jobs from starting until it is released", async () => {
    const notify = await stream("CUSTOMER_NOTIFY");
    const first = await engine.jobNamed("CUSTOMER_NOTIFY", "NOTIFY_SELECT");
    const held = await engine.put(`/api/v2/plan/jobstream/${notify.id}/action/hold`);
    expect(held.status).toBe(200);
    expect(await held.json()).toEqual({
      id: notify.id,
      url: expect.stringContaining(`/api/v2/plan/jobstream/${notify.id}`),
    });
    expect((await stream("CUSTOMER_NOTIFY")).commonStatus).toBe("HELD");

    await stepTo(first, 3600);
    expect((await statusOf(first.id)).status).toBe("HOLD");
    expect((await engine.put(`/api/v2/plan/jobstream/${notify.id}/action/release`)).status).toBe(200);
    expect((await statusOf(first.id)).status).toBe("READY");
    await engine.step(10);
    expect((await statusOf(first.id)).status).toBe("EXEC");
    expect((await stream("CUSTOMER_NOTIFY")).compositeStatus.status).toBe("EXEC");
  });

  it("a cancelled stream cancels its jobs, and cannot be cancelled or held again", async () => {
    const risk = await stream("RISK_VAR");
    expect((await engine.put(`/api/v2/plan/jobstream/${risk.id}/action/cancel`)).status).toBe(200);
    const cancelled = await engine.get<JobStream>(`/api/v2/plan/jobstream/${risk.id}`);
    expect(cancelled.compositeStatus.status).toBe("CANCL");
    expect(cancelled.commonStatus).toBe("CANCELED");
    expect(
      cancelled.jobs!.every(
        (job) => job.lastRunCompositeStatus.status === "CANCL" && job.lastRunCommonStatus === "CANCELED",
      ),
    ).toBe(true);
    await engineErrorOf(await engine.put(`/api/v2/plan/jobstream/${risk.id}/action/cancel`), 400);
    await engineErrorOf(await engine.put(`/api/v2/plan/jobstream/${risk.id}/action/hold`), 400);
    await engineErrorOf(await engine.put("/api/v2/plan/jobstream/no-such-stream/action/hold"), 404);
  });

  it("by filter: held where it can be, a failed item where it cannot", async () => {
    const response = await engine.put(
      `/api/v2/plan/jobstream/action/hold?oql=${encodeURIComponent("name = 'HOURLY_HEALTH'")}`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      successfulResourceResponses: { id: string }[];
      failedResourceResponses: { id: string; message: string; isError: boolean }[];
    };
    expect(body.successfulResourceResponses.length).toBeGreaterThan(0);
    expect(body.failedResourceResponses.length).toBeGreaterThan(0);
    expect(
      body.failedResourceResponses.every((item) => item.isError && /^AWSJ\w+E .*(SUCC|ABEND|CANCL)/.test(item.message)),
    ).toBe(true);
    const held = await engine.get<JobStream>(`/api/v2/plan/jobstream/${body.successfulResourceResponses[0]!.id}`);
    expect(held.commonStatus).toBe("HELD");
  });
});

describe("the clock", () => {
  it("brings the next production day: new streams join, completed ones leave, unfinished ones stay", async () => {
    const before = await engine.get<Page<JobStream>>("/api/v2/plan/jobstream");
    const stuck = before.results.find((jobStream) => jobStream.name === "BANK_RECON")!;
    const clock = (await engine.step(0)) as { now: string; dayStart?: string };
    const dayStart = Date.parse((clock as { dayStart: string }).dayStart);
    await engine.step((dayStart + 24 * 3600_000 - Date.parse(clock.now)) / 1000 + 60);

    const after = await engine.get<Page<JobStream>>("/api/v2/plan/jobstream");
    const ids = new Set(after.results.map((jobStream) => jobStream.id));
    expect(ids.has(stuck.id)).toBe(true);
    const daily = after.results.filter((jobStream) => jobStream.name === "DAILY");
    expect(daily.length).toBeGreaterThanOrEqual(1);
    expect(daily.every((jobStream) => !before.results.some((old) => old.id === jobStream.id))).toBe(true);
    const completedBefore = before.results.filter((jobStream) => jobStream.compositeStatus.status === "SUCC");
    expect(completedBefore.length).toBeGreaterThan(0);
    expect(completedBefore.some((jobStream) => ids.has(jobStream.id))).toBe(false);
  });

  it("goes back to the seeded start on reset", async () => {
    const job = await engine.jobNamed("CRM_CAMPAIGNS", "SEGMENT_CUSTOMERS_01");
    const initialNow = await now();
    await stepTo(job, 600);
    expect((await statusOf(job.id)).status).not.toBe("HOLD");
    await engine.reset();
    expect(await now()).toBe(initialNow);
    expect(await engine.job(job.id)).toEqual(job);
  });

  it("refuses a step that is not a number of seconds", async () => {
    const response = await fetch(`${engine.baseUrl}/__control/clock/step`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ seconds: -5 }),
    });
    await engineErrorOf(response, 400);
  });
});

describe("a job's deadline", () => {
  type Flags = { jobStatusFlags: { deadlineHasPassed: boolean }; timeRestrictions: Record<string, unknown> };
  const flagsOf = async (id: string) => (await engine.job(id)) as unknown as Flags;

  it("is past for a job not started, or still running, when it comes; not for one that ended before", async () => {
    const job = await engine.jobNamed("CRM_CAMPAIGNS", "SEGMENT_CUSTOMERS_01");
    const deadline = new Date(Date.parse(job.schedTime) + 60_000).toISOString();
    const set = (await engine.deadline(job.id, deadline)) as unknown as Flags;
    expect(set.timeRestrictions).toMatchObject({ deadlineTime: deadline, deadlineSatisfied: true });
    expect(set.jobStatusFlags.deadlineHasPassed).toBe(false);

    await stepTo(job, 61); // started at its time, still running a minute later
    expect((await statusOf(job.id)).status).toBe("EXEC");
    const late = await flagsOf(job.id);
    expect(late.jobStatusFlags.deadlineHasPassed).toBe(true);
    expect(late.timeRestrictions).toMatchObject({ deadlineTime: deadline, deadlineSatisfied: false });

    // Ended before a later deadline: not late, even once that deadline has passed too.
    const ended = await engine.forceStatus(job.id, "SUCC");
    const after = new Date(Date.parse((await engine.step(0)).now) + 1_000).toISOString();
    await engine.deadline(ended.id, after);
    await engine.step(5);
    expect((await flagsOf(job.id)).jobStatusFlags.deadlineHasPassed).toBe(false);

    const cleared = (await engine.deadline(job.id, null)) as unknown as Flags;
    expect(cleared.timeRestrictions.deadlineTime).toBeUndefined();
    expect(cleared.jobStatusFlags.deadlineHasPassed).toBe(false);
  });

  it("refuses a deadline that is not an instant", async () => {
    const job = await engine.jobNamed("CRM_CAMPAIGNS", "SEGMENT_CUSTOMERS_01");
    const response = await fetch(`${engine.baseUrl}/__control/jobs/${job.id}/deadline`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ at: "tomorrow-ish" }),
    });
    expect(response.status).toBe(400);
  });
});
