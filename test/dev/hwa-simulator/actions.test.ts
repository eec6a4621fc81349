// Job actions change the plan with HWA's semantics, and an action that makes no sense is refused with the
// engine's error body. This file has a simulator of its own and resets it before each test.
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import {
  durationSeconds,
  engineErrorOf,
  expectNoContractViolations,
  simulatorAt,
  type Job,
  type Page,
  type Workstation,
} from "./simulator-helpers";

const engine = simulatorAt(inject("hwaSimulatorActionsUrl"));
beforeEach(() => engine.reset());
afterAll(() => expectNoContractViolations(engine));

const act = (job: Job, action: string, body: unknown = {}) =>
  engine.put(`/api/v2/plan/job/${job.id}/action/${action}`, body);

async function ok(response: Response) {
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as { id: string; url: string; message?: string; isError?: boolean };
}

describe("hold and release", () => {
  it("hold keeps a job from starting as time passes; release lets it run", async () => {
    const job = await engine.jobNamed("INVOICE_PRINT", "INVOICE_SELECT");
    expect(await ok(await act(job, "hold"))).toEqual({
      id: job.id,
      url: expect.stringMatching(new RegExp(`/twsd/api/v2/plan/job/${job.id}$`)),
    });
    const held = await engine.job(job.id);
    expect(held.lastRunCompositeStatus).toMatchObject({ status: "HOLD", substatus: "HOLD_PRIORITY_ZERO" });
    expect(held.lastRunCommonStatus).toBe("HELD");
    expect(held.priority).toBe(0);

    await engine.step(3 * 3600);
    expect((await engine.job(job.id)).lastRunCompositeStatus.status).toBe("HOLD");
    await ok(await act(job, "release"));
    const released = await engine.job(job.id);
    expect(released.lastRunCompositeStatus.status).toBe("READY");
    expect(released.priority).toBe(job.priority);
    await engine.step(10);
    expect((await engine.job(job.id)).lastRunCompositeStatus.status).toBe("EXEC");
  });

  it("hold takes a READY job back to HOLD", async () => {
    const job = await engine.jobNamed("CRM_CAMPAIGNS", "SEGMENT_CUSTOMERS_03");
    await engine.step((Date.parse(job.schedTime) - Date.parse((await engine.step(0)).now)) / 1000);
    expect((await engine.job(job.id)).lastRunCompositeStatus.status).toBe("READY");
    await ok(await act(job, "hold"));
    await engine.step(600);
    expect((await engine.job(job.id)).lastRunCommonStatus).toBe("HELD");
  });

  it("refuses to hold or release a job that has started or ended", async () => {
    const running = await engine.jobNamed("BACKUP_FILES", "BACKUP_NAS_FULL");
    expect(running.lastRunCompositeStatus.status).toBe("EXEC");
    const body = await engineErrorOf(await act(running, "hold"), 400);
    expect(body.messages[0]).toContain("EXEC");
    const ended = await engine.jobNamed("PAYROLL", "PAYROLL_EXTRACT");
    await engineErrorOf(await act(ended, "release"), 400);
    expect((await engine.job(ended.id)).lastRunCompositeStatus.status).toBe("SUCC");
  });
});

describe("kill, cancel, confirm", () => {
  it("kill ends a running job in ABEND, and refuses a job that is not running", async () => {
    const job = await engine.jobNamed("BACKUP_FILES", "BACKUP_NAS_FULL");
    await ok(await act(job, "kill"));
    const killed = await engine.job(job.id);
    const run = killed.jobruns.at(-1)!;
    expect(run.compositeStatus.status).toBe("ABEND");
    expect(run.commonStatus).toBe("ERROR");
    expect(run.returnCode).toBe(-1);
    expect(run.timeInfo.actualEndTime).toBe((await engine.step(0)).now);
    const log = await (await engine.call("GET", `/api/v2/plan/job/run/${run.id}/joblog`)).text();
    expect(log).toContain("killed on request of the user");
    await engineErrorOf(await act(job, "kill"), 400);
    await engineErrorOf(await act(await engine.jobNamed("INVOICE_PRINT", "INVOICE_SELECT"), "kill"), 400);
  });

  it("cancel ends a waiting job in CANCL, releasing its successors; a running job must be killed first", async () => {
    const job = await engine.jobNamed("BANK_RECON", "RECON_MATCH");
    const successor = await engine.jobNamed("BANK_RECON", "RECON_EXCEPTIONS");
    expect(successor.lastRunCompositeStatus.status).toBe("HOLD");
    await ok(await act(job, "cancel"));
    const cancelled = await engine.job(job.id);
    expect(cancelled.lastRunCompositeStatus).toMatchObject({ status: "CANCL", canceled: true });
    expect(cancelled.lastRunCommonStatus).toBe("CANCELED");
    expect((await engine.job(successor.id)).lastRunCompositeStatus.status).toBe("READY");
    await engineErrorOf(await act(job, "cancel"), 400);

    const running = await engine.jobNamed("BACKUP_FILES", "BACKUP_NAS_FULL");
    const refused = await engineErrorOf(await act(running, "cancel"), 400);
    expect(refused.messages[0]).toContain("kill it first");
  });

  it("confirm-succ turns an ABEND into SUCC and releases its successor; a running job cannot be confirmed", async () => {
    const job = await engine.jobNamed("GL_POSTING", "GL_POST_JOURNALS");
    const successor = await engine.jobNamed("GL_POSTING", "GL_TRIAL_BALANCE");
    expect(job.lastRunCompositeStatus.status).toBe("ABEND");
    await ok(await act(job, "confirm-succ", { conditions: [] }));
    const confirmed = await engine.job(job.id);
    expect(confirmed.lastRunCompositeStatus.status).toBe("SUCC");
    expect(confirmed.jobruns.at(-1)!.returnCode).toBe(job.jobruns.at(-1)!.returnCode);
    expect((await engine.job(successor.id)).lastRunCompositeStatus.status).toBe("READY");
    await engineErrorOf(await act(job, "confirm-succ"), 400);

    const running = await engine.jobNamed("BACKUP_FILES", "BACKUP_NAS_FULL");
    await engineErrorOf(await act(running, "confirm-succ"), 400);
    await engineErrorOf(await act(running, "confirm-abend", { conditions: "all" }), 400);
    expect((await engine.job(running.id)).lastRunCompositeStatus.status).toBe("EXEC");
  });

  it("confirm-abend turns a SUCC into ABEND", async () => {
    const job = await engine.jobNamed("PAYROLL", "PAYROLL_EXTRACT");
    await ok(await act(job, "confirm-abend"));
    expect((await engine.job(job.id)).lastRunCompositeStatus.status).toBe("ABEND");
    await engineErrorOf(await act(job, "confirm-abend"), 400);
  });

  it("release-all-dependencies lets a job waiting for predecessors go", async () => {
    const job = await engine.jobNamed("HR_SYNC", "HR_SYNC_REPORT");
    expect(job.lastRunCompositeStatus.substatus).toBe("HOLD_WAITING_FOR_PREDECESSOR");
    const body = await ok(await act(job, "release-all-dependencies"));
    expect(body).toMatchObject({ id: job.id, isError: false });
    expect(body.message).toMatch(/dependencies have been released/);
    const released = await engine.job(job.id);
    expect(released.lastRunCompositeStatus.status).toBe("READY");
    expect(released.dependencies!.every((dependency) => dependency.dependencyStatus === "SATISFIED")).toBe(true);
    await engineErrorOf(
      await act(await engine.jobNamed("PAYROLL", "PAYROLL_EXTRACT"), "release-all-dependencies"),
      400,
    );
  });

  it("answers 404 for an unknown job", async () => {
    const body = await engineErrorOf(await engine.put("/api/v2/plan/job/no-such-job/action/hold"), 404);
    expect(body.messages[0]).toContain("No job with the provided ID");
  });
});

describe("rerun", () => {
  it("starts a new run in the rerun chain; only the last run can be rerun, and not while it runs", async () => {
    const job = await engine.jobNamed("HR_SYNC", "HR_EXPORT_AD");
    const [first] = job.jobruns;
    expect(first!.compositeStatus.status).toBe("ABEND");
    const response = await ok(await engine.put(`/api/v2/plan/job/run/${first!.id}/action/rerun`, {}));
    const rerun = await engine.job(job.id);
    expect(rerun.jobruns).toHaveLength(2);
    const [old, next] = rerun.jobruns;
    expect(response.id).toBe(next!.id);
    expect(response.url).toContain(`/api/v2/plan/job/${job.id}`);
    expect(old).toMatchObject({ lastInRerunChain: false, compositeStatus: { status: "ABEND" } });
    expect(next).toMatchObject({
      lastInRerunChain: true,
      rerunType: "RERUN",
      jobNumber: 2,
      compositeStatus: { status: "READY" },
    });
    expect(rerun.lastRunCompositeStatus.status).toBe("READY");

    await engineErrorOf(await engine.put(`/api/v2/plan/job/run/${first!.id}/action/rerun`, {}), 400);
    await engine.step(10);
    expect((await engine.job(job.id)).lastRunCompositeStatus.status).toBe("EXEC");
    await engineErrorOf(await engine.put(`/api/v2/plan/job/run/${next!.id}/action/rerun`, {}), 400);
    await engineErrorOf(await engine.put("/api/v2/plan/job/run/no-such-run/action/rerun", {}), 404);
  });

  it("honours the priority and a later start time of RerunDetailsV2, and refuses bad details", async () => {
    const job = await engine.jobNamed("BANK_RECON", "RECON_MATCH");
    const now = Date.parse((await engine.step(0)).now);
    const startTime = new Date(now + 3600_000).toISOString();
    await ok(
      await engine.put(`/api/v2/plan/job/run/${job.jobruns.at(-1)!.id}/action/rerun`, { priority: 60, startTime }),
    );
    const waiting = await engine.job(job.id);
    expect(waiting.priority).toBe(60);
    expect(waiting.lastRunCompositeStatus).toMatchObject({ status: "HOLD", substatus: "HOLD_WAITING_FOR_TIME" });
    await engine.step(3600);
    expect((await engine.job(job.id)).lastRunCompositeStatus.status).toBe("READY");

    const other = await engine.jobNamed("GL_POSTING", "GL_POST_JOURNALS");
    const runPath = `/api/v2/plan/job/run/${other.jobruns.at(-1)!.id}/action/rerun`;
    await engineErrorOf(await engine.put(runPath, { priority: "high" }), 400);
    await engineErrorOf(await engine.put(runPath, { startTime: "tomorrow" }), 400);
    expect((await engine.job(other.id)).jobruns).toHaveLength(1);
  });

  it("V1 PUT /plan/current/job/{id}/action/rerun answers 202 and reruns the last run", async () => {
    const job = await engine.jobNamed("HR_SYNC", "HR_EXPORT_AD");
    const response = await engine.call("PUT", `/plan/current/job/${job.id}/action/rerun`, {});
    expect(response.status).toBe(202);
    expect((await engine.job(job.id)).jobruns).toHaveLength(2);
  });
});

describe("actions by filter", () => {
  it("act on every selected job, reporting the ones that refuse as failed items in a 200", async () => {
    const selected = (await engine.jobs("jobStreamName = 'ETL_INTRADAY'")).results;
    const running = selected.filter((job) => job.lastRunCompositeStatus.status === "EXEC");
    expect(running.length).toBeGreaterThan(0);
    expect(running.length).toBeLessThan(selected.length);

    const response = await engine.put(
      `/api/v2/plan/job/action/kill?oql=${encodeURIComponent("jobStreamName = 'ETL_INTRADAY'")}`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      successfulResourceResponses: { id: string; isError: boolean }[];
      failedResourceResponses: { id: string; message: string; isError: boolean }[];
    };
    expect(body.successfulResourceResponses.map((item) => item.id).sort()).toEqual(running.map((job) => job.id).sort());
    expect(body.failedResourceResponses).toHaveLength(selected.length - running.length);
    expect(body.failedResourceResponses.every((item) => item.isError && item.message.startsWith("AWSJ"))).toBe(true);
    for (const job of running) expect((await engine.job(job.id)).lastRunCompositeStatus.status).toBe("ABEND");
  });

  it("take a plan_filter, refuse to act on everything unasked, and respect max_object_affected", async () => {
    const response = await engine.put(
      `/api/v2/plan/job/action/hold?plan_filter=${encodeURIComponent("@#CRM_CAMPAIGNS.@")}`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      successfulResourceResponses: unknown[];
      failedResourceResponses: unknown[];
    };
    expect(body.successfulResourceResponses.length).toBeGreaterThan(3);
    expect(body.failedResourceResponses).toEqual([]);

    await engineErrorOf(await engine.put("/api/v2/plan/job/action/hold"), 400);
    const tooMany = await engine.put(
      `/api/v2/plan/job/action/cancel?oql=${encodeURIComponent("jobStreamName = 'PAYROLL'")}&max_object_affected=2`,
    );
    await engineErrorOf(tooMany, 400);
    expect((await engine.jobs("jobStreamName = 'PAYROLL' AND lastRunCommonStatus = 'CANCELED'")).results).toEqual([]);
  });

  it("rerun by filter reruns the last run of each ended job", async () => {
    const response = await engine.put(
      `/api/v2/plan/job/action/rerun?oql=${encodeURIComponent("jobruns.compositeStatus.status = 'ABEND'")}`,
    );
    const body = (await response.json()) as {
      successfulResourceResponses: { id: string }[];
      failedResourceResponses: unknown[];
    };
    expect(body.successfulResourceResponses.length).toBeGreaterThan(0);
    for (const { id } of body.successfulResourceResponses)
      expect((await engine.job(id)).lastRunCompositeStatus.status).toBe("READY");
  });
});

describe("request bodies", () => {
  it("answer 415 unless the content type is JSON; an empty JSON body is {}", async () => {
    const job = await engine.jobNamed("INVOICE_PRINT", "INVOICE_SELECT");
    const path = `${engine.baseUrl}/api/v2/plan/job/${job.id}/action/hold`;
    const authorization = `Basic ${btoa(`${inject("hwaSimulatorUsername")}:${inject("hwaSimulatorPassword")}`)}`;
    const asText = await fetch(path, {
      method: "PUT",
      headers: { Authorization: authorization, "Content-Type": "text/plain" },
      body: "{}",
    });
    await engineErrorOf(asText, 415);
    const without = await fetch(path, { method: "PUT", headers: { Authorization: authorization } });
    await engineErrorOf(without, 415);
    expect((await engine.job(job.id)).lastRunCommonStatus).toBe("WAITING");

    const notJson = await fetch(path, {
      method: "PUT",
      headers: { Authorization: authorization, "Content-Type": "application/json" },
      body: "{",
    });
    await engineErrorOf(notJson, 400);
    const empty = await fetch(path, {
      method: "PUT",
      headers: { Authorization: authorization, "Content-Type": "application/json; charset=utf-8" },
    });
    expect(empty.status).toBe(200);
    expect((await engine.job(job.id)).lastRunCommonStatus).toBe("HELD");
  });
});

describe("workstations and long runs (what the plan watcher notices)", () => {
  it("unlink takes LINKED away and keeps the agent's jobs waiting in READY; link lets them start", async () => {
    const workstations = await engine.get<Page<Workstation>>("/api/v2/plan/workstation");
    const agent = workstations.results.find((w) => w.name === "AGT_LNX01")!;
    expect(agent.activeStates).toContain("LINKED");
    expect(await ok(await engine.put(`/api/v2/plan/workstation/${agent.id}/action/unlink`))).toEqual({
      id: agent.id,
      url: expect.stringMatching(new RegExp(`/twsd/api/v2/plan/workstation/${agent.id}$`)),
    });
    const unlinked = await engine.get<Workstation>(`/api/v2/plan/workstation/${agent.id}`);
    expect(unlinked.activeStates).not.toContain("LINKED");

    const job = (await engine.jobs(`workstation = 'AGT_LNX01'`)).results[0]!;
    await engine.forceStatus(job.id, "READY");
    await engine.step(60);
    expect((await engine.job(job.id)).lastRunCompositeStatus).toMatchObject({
      status: "READY",
      substatus: "READY_WAITING_FOR_AGENT",
    });
    await ok(await engine.put(`/api/v2/plan/workstation/${agent.id}/action/link`));
    expect((await engine.get<Workstation>(`/api/v2/plan/workstation/${agent.id}`)).activeStates[0]).toBe("LINKED");
    await engine.step(15);
    expect((await engine.job(job.id)).lastRunCompositeStatus.status).not.toBe("READY");
  });

  it("a run forced into EXEC with runSeconds keeps running past its estimate", async () => {
    const job = await engine.jobNamed("INVOICE_PRINT", "INVOICE_SELECT");
    const estimate = durationSeconds(job.jobDefinition.estimatedDuration);
    const response = await fetch(`${engine.baseUrl}/__control/jobs/${job.id}/status`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ status: "EXEC", runSeconds: estimate * 3 }),
    });
    expect(response.status).toBe(200);
    await engine.step(estimate * 2 + 1);
    const running = await engine.job(job.id);
    expect(running.lastRunCompositeStatus.status).toBe("EXEC");
    expect(durationSeconds(running.jobruns.at(-1)!.timeInfo.elapsedTime!)).toBeGreaterThan(2 * estimate);
    await engine.step(estimate);
    expect((await engine.job(job.id)).lastRunCompositeStatus.status).toBe("SUCC");
  });
});
