import { SELF } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { toJob } from "../../src/jobs/job";
import { auditEvents } from "../../src/platform/db/schema";
import { bearer, createUser, ORIGIN, tokenFor } from "../helpers/accounts";
import { auditRows } from "../helpers/audit";
import { borrowJobs } from "../helpers/borrowed-jobs";
import { testClient } from "../helpers/hwa";
import { problemOf } from "../helpers/worker";
import { createWorkflow, json, runWorkflow, uniqueName, type RunBody, type WorkflowBody } from "../workflows/helpers";

let admin: string;
let operator: string;
let operatorName: string;

beforeAll(async () => {
  const user = await createUser("operator");
  operatorName = user.username;
  [admin, operator] = await Promise.all([tokenFor(await createUser("admin")), tokenFor(user)]);
});

// Never the job the qualified-name test resolves.
const { jobIn } = borrowJobs({ exclude: (job) => job.job_stream === "TREASURY_RATES" });

/** The job's status as HWA has it now, read past the Worker and its cache. */
async function statusOf(jobId: string): Promise<string | null> {
  return toJob(await testClient().client.job(jobId)).status;
}

async function ran(response: Response): Promise<RunBody> {
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as RunBody;
}

describe("workflow runs", () => {
  it("runs every step in order against HWA and records each", async () => {
    const abended = await jobIn("ABEND");
    const ready = await jobIn("READY");
    const steps = [
      { action: "assert-status", job: abended.id, status: ["ABEND"] },
      { action: "confirm-succ", job: abended.id },
      { action: "wait-for-status", job: abended.id, status: ["SUCC"], timeout_s: 5 },
      { action: "hold", job: ready.id },
      { action: "assert-status", job: ready.id, status: ["HOLD"] },
      { action: "release", job: ready.id },
    ];
    const workflow = await createWorkflow(admin, { name: uniqueName("run-ok"), steps });
    const before = Date.now();
    const run = await ran(await runWorkflow(operator, workflow.id));

    expect(run).toMatchObject({
      workflow_id: workflow.id,
      workflow_version: 1,
      status: "succeeded",
      requested_by: operatorName,
    });
    expect(Object.keys(run).sort()).toEqual([
      "finished_at",
      "requested_by",
      "run_id",
      "started_at",
      "status",
      "steps",
      "workflow_id",
      "workflow_version",
    ]);
    expect(run.steps.map((s) => [s.index, s.action, s.job, s.status])).toEqual(
      steps.map((s, i) => [i, s.action, s.job, "succeeded"]),
    );
    expect(run.steps[1]!.hwa).toMatchObject({ job_id: abended.id });
    expect(run.steps[1]!.hwa!.id).toBeTruthy();
    expect(run.steps[2]!.hwa).toEqual({ job_id: abended.id, status: "SUCC" });
    expect(run.steps.every((s) => s.error === undefined)).toBe(true);
    expect(Date.parse(run.started_at)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(run.finished_at!)).toBeGreaterThanOrEqual(Date.parse(run.started_at));
    for (let i = 1; i < run.steps.length; i++)
      expect(run.steps[i]!.started_at >= run.steps[i - 1]!.finished_at).toBe(true);
    // HWA really changed.
    expect(await statusOf(abended.id)).toBe("SUCC");

    // The record reads back as it was answered, from the run and from the workflow.
    const shown = await SELF.fetch(`${ORIGIN}/api/v1/runs/${run.run_id}`, {
      headers: bearer(await tokenFor(await createUser("viewer"))),
    });
    expect(await shown.json()).toEqual(run);
    const runs = (await (
      await SELF.fetch(`${ORIGIN}/api/v1/workflows/${workflow.id}/runs`, { headers: bearer(operator) })
    ).json()) as { items: RunBody[] };
    expect(runs.items).toEqual([run]);
    const listed = (await (
      await SELF.fetch(`${ORIGIN}/api/v1/workflows?name=${encodeURIComponent(workflow.name)}`, {
        headers: bearer(operator),
      })
    ).json()) as { items: WorkflowBody[] };
    expect(listed.items[0]!.latest_run).toEqual({
      run_id: run.run_id,
      status: "succeeded",
      started_at: run.started_at,
      finished_at: run.finished_at,
    });

    const events = await auditRows(
      and(eq(auditEvents.action, "workflow.run"), eq(auditEvents.target, `workflow:${workflow.id}`)),
    );
    expect(events.map((e) => e.outcome)).toEqual(["attempt", "success"]);
    expect(events[1]).toMatchObject({
      actor: operatorName,
      outcome: "success",
      metadata: { run_id: run.run_id, version: 1 },
    });
  });

  it("stops at the first failing step and says which step and why", async () => {
    const succeeded = await jobIn("SUCC");
    const untouched = await jobIn("READY");
    const workflow = await createWorkflow(admin, {
      name: uniqueName("run-fail"),
      steps: [
        { action: "assert-status", job: succeeded.id, status: ["SUCC"] },
        { action: "confirm-succ", job: succeeded.id },
        { action: "hold", job: untouched.id },
      ],
    });
    const run = await ran(await runWorkflow(operator, workflow.id));
    expect(run.status).toBe("failed");
    expect(run.steps.map((s) => s.status)).toEqual(["succeeded", "failed"]);
    expect(run.steps[1]!.error).toMatch(/is in SUCC; confirm-succ needs ABEND/);
    expect(run.error).toBe(`step 1 (confirm-succ ${succeeded.id}) failed: ${run.steps[1]!.error}`);
    expect(run.finished_at).not.toBeNull();
    // The step after the failure never ran.
    expect(await statusOf(untouched.id)).toBe("READY");
    expect(await statusOf(succeeded.id)).toBe("SUCC");

    const assertion = await createWorkflow(admin, {
      name: uniqueName("run-assert"),
      steps: [{ action: "assert-status", job: untouched.id, status: ["ABEND", "SUCC"] }],
    });
    const asserted = await ran(await runWorkflow(operator, assertion.id));
    expect(asserted.status).toBe("failed");
    expect(asserted.steps[0]).toMatchObject({
      status: "failed",
      error: "expected ABEND or SUCC, the job is READY",
      hwa: { job_id: untouched.id, status: "READY" },
    });
  });

  it("fails a wait-for-status cleanly when it times out", async () => {
    const abended = await jobIn("ABEND");
    const workflow = await createWorkflow(admin, {
      name: uniqueName("run-wait"),
      steps: [
        { action: "wait-for-status", job: abended.id, status: ["SUCC"], timeout_s: 1 },
        { action: "confirm-succ", job: abended.id },
      ],
    });
    const started = Date.now();
    const run = await ran(await runWorkflow(operator, workflow.id));
    const took = Date.now() - started;
    expect(run.status).toBe("failed");
    expect(run.steps).toHaveLength(1);
    expect(run.steps[0]).toMatchObject({
      status: "failed",
      error: "timed out after 1 s waiting for SUCC; the job is ABEND",
      hwa: { job_id: abended.id, status: "ABEND" },
    });
    expect(Date.parse(run.steps[0]!.finished_at) - Date.parse(run.steps[0]!.started_at)).toBeGreaterThanOrEqual(1000);
    expect(took).toBeLessThan(5000);
    expect(await statusOf(abended.id)).toBe("ABEND");
  });

  it("resolves WORKSTATION#JOBSTREAM.JOB through OQL, and fails a step naming no job", async () => {
    const workflow = await createWorkflow(admin, {
      name: uniqueName("run-name"),
      steps: [
        {
          action: "assert-status",
          job: "AGT_LNX02#TREASURY_RATES.FETCH_FX_RATES",
          status: ["HOLD", "READY", "EXEC", "SUCC", "ABEND", "CANCL"],
        },
        {
          action: "assert-status",
          job: "AGT_LNX02#TREASURY_RATES.NO_SUCH_JOB' OR name = 'FETCH_FX_RATES",
          status: ["SUCC"],
        },
      ],
    });
    const run = await ran(await runWorkflow(operator, workflow.id));
    expect(run.steps[0]!.status).toBe("succeeded");
    expect(run.steps[0]!.hwa!.job_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(run.steps[1]).toMatchObject({
      status: "failed",
      error: "no job AGT_LNX02#TREASURY_RATES.NO_SUCH_JOB' OR name = 'FETCH_FX_RATES in the current plan",
    });
  });

  it("runs only active workflows, for operators, with an Idempotency-Key", async () => {
    const workflow = await createWorkflow(admin, {
      name: uniqueName("run-rules"),
      steps: [{ action: "assert-status", job: "any", status: ["SUCC"] }],
    });
    const viewer = await tokenFor(await createUser("viewer"));
    expect((await runWorkflow(viewer, workflow.id)).status).toBe(403);
    const noKey = await SELF.fetch(`${ORIGIN}/api/v1/workflows/${workflow.id}/runs`, {
      method: "POST",
      headers: bearer(operator),
    });
    expect(noKey.status).toBe(400);

    await SELF.fetch(`${ORIGIN}/api/v1/workflows/${workflow.id}`, {
      method: "PUT",
      headers: json(admin),
      body: JSON.stringify({ name: workflow.name, steps: workflow.steps, status: "disabled" }),
    });
    const disabled = await runWorkflow(operator, workflow.id);
    expect(disabled.status).toBe(409);
    expect((await problemOf(disabled)).detail).toBe(`Workflow ${workflow.id} is disabled and cannot run`);

    await SELF.fetch(`${ORIGIN}/api/v1/workflows/${workflow.id}`, { method: "DELETE", headers: bearer(admin) });
    expect((await runWorkflow(operator, workflow.id)).status).toBe(404);
    const compat = await SELF.fetch(`${ORIGIN}/api/workflow/execute`, {
      method: "POST",
      headers: json(operator, { "Idempotency-Key": crypto.randomUUID() }),
      body: JSON.stringify({ workflow_id: workflow.id }),
    });
    expect(compat.status).toBe(404);
    expect(
      (await SELF.fetch(`${ORIGIN}/api/v1/workflows/${workflow.id}/runs`, { headers: bearer(operator) })).status,
    ).toBe(404);
    expect(
      (await SELF.fetch(`${ORIGIN}/api/v1/runs/${crypto.randomUUID()}`, { headers: bearer(operator) })).status,
    ).toBe(404);
  });
});

describe("a run at most once per key", () => {
  it("answers a duplicate that arrives while the run is still going with 409 and Retry-After, and runs once", async () => {
    const abended = await jobIn("ABEND");
    // The wait keeps the first run going for a second, long enough for the duplicate to find it in flight.
    const workflow = await createWorkflow(admin, {
      name: uniqueName("run-dup"),
      steps: [{ action: "wait-for-status", job: abended.id, status: ["SUCC"], timeout_s: 1 }],
    });
    const key = crypto.randomUUID();
    const first = runWorkflow(operator, workflow.id, key);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const duplicate = await runWorkflow(operator, workflow.id, key);
    expect(duplicate.status).toBe(409);
    expect(Number(duplicate.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    expect((await first).status).toBe(200);
    const runs = (await (
      await SELF.fetch(`${ORIGIN}/api/v1/workflows/${workflow.id}/runs`, { headers: bearer(operator) })
    ).json()) as { items: RunBody[] };
    expect(runs.items).toHaveLength(1);
  });
});

describe("the old suite's scenario", () => {
  it("two POSTs to /api/workflow/execute with one key and body answer the same JSON, and HWA saw the action once", async () => {
    const abended = await jobIn("ABEND");
    const workflow = await createWorkflow(admin, {
      name: uniqueName("run-once"),
      steps: [{ action: "confirm-succ", job: abended.id }],
    });
    const key = crypto.randomUUID();
    const execute = (body: unknown) =>
      SELF.fetch(`${ORIGIN}/api/workflow/execute`, {
        method: "POST",
        headers: json(operator, { "Idempotency-Key": key }),
        body: JSON.stringify(body),
      });

    const first = await execute({ workflow_id: workflow.id });
    const second = await execute({ workflow_id: workflow.id });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const [a, b] = [await first.text(), await second.text()];
    expect(b).toBe(a);
    expect(second.headers.get("Idempotency-Replayed")).toBe("true");
    expect((JSON.parse(a) as RunBody).status).toBe("succeeded");
    // Executing again would have failed: confirm-succ needs ABEND, and the job is SUCC now.
    expect(await statusOf(abended.id)).toBe("SUCC");

    const other = await execute({ workflow_id: workflow.id + 1 });
    expect(other.status).toBe(422);

    // One run, one action in HWA.
    const runs = (await (
      await SELF.fetch(`${ORIGIN}/api/v1/workflows/${workflow.id}/runs`, { headers: bearer(operator) })
    ).json()) as { items: RunBody[] };
    expect(runs.items).toHaveLength(1);
    const actions = await auditRows(
      and(eq(auditEvents.action, "job.confirm-succ"), eq(auditEvents.target, abended.id)),
    );
    expect(actions.map((e) => e.outcome)).toEqual(["attempt", "success"]);
  });
});
