import { SELF } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { toJob } from "../../src/jobs/job";
import { auditEvents } from "../../src/platform/db/schema";
import { bearer, createUser, ORIGIN, tokenFor } from "../helpers/accounts";
import { auditRows } from "../helpers/audit";
import { borrowJobs } from "../helpers/borrowed-jobs";
import { testClient } from "../helpers/hwa";
import { problemOf } from "../helpers/worker";
import {
  createWorkflow,
  json,
  runEnded,
  runToEnd,
  runWorkflow,
  uniqueName,
  type RunBody,
  type WorkflowBody,
} from "../workflows/helpers";

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
    const run = await runToEnd(operator, workflow.id);

    expect(run).toMatchObject({
      workflow_id: workflow.id,
      workflow_version: 1,
      status: "succeeded",
      requested_by: operatorName,
      engine: "default",
    });
    expect(Object.keys(run).sort()).toEqual([
      "engine",
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

    const events = await vi.waitFor(async () => {
      // The run's outcome is queued by its object right after its end: wait for it behind the marker.
      const rows = await auditRows(
        and(eq(auditEvents.action, "workflow.run"), eq(auditEvents.target, `workflow:${workflow.id}`)),
      );
      expect(rows.map((e) => e.outcome)).toEqual(["attempt", "success"]);
      return rows;
    });
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
    const run = await runToEnd(operator, workflow.id);
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
    const asserted = await runToEnd(operator, assertion.id);
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
    const run = await runToEnd(operator, workflow.id);
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
    const run = await runToEnd(operator, workflow.id);
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
  it("a duplicate start with the same key replays the 202 and starts nothing", async () => {
    const workflow = await createWorkflow(admin, {
      name: uniqueName("run-dup"),
      steps: [{ action: "assert-status", job: (await jobIn("SUCC")).id, status: ["SUCC"] }],
    });
    const key = crypto.randomUUID();
    const [first, duplicate] = await Promise.all([
      runWorkflow(operator, workflow.id, key),
      runWorkflow(operator, workflow.id, key),
    ]);
    const statuses = [first.status, duplicate.status].sort();
    // Concurrent: one starts, the other finds it in flight (409) or, if it came second, replays it.
    expect(statuses[0]).toBe(202);
    expect([202, 409]).toContain(statuses[1]);
    const again = await runWorkflow(operator, workflow.id, key);
    expect(again.status).toBe(202);
    expect(again.headers.get("Idempotency-Replayed")).toBe("true");
    const started = (await again.json()) as RunBody;
    await runEnded(operator, started.run_id);
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

/** A run that stays in its first step (a wait for a status the job will not reach) for `seconds`. */
async function longWorkflow(seconds = 30) {
  const abended = await jobIn("ABEND");
  const held = await jobIn("READY");
  const workflow = await createWorkflow(admin, {
    name: uniqueName("run-long"),
    steps: [
      { action: "wait-for-status", job: abended.id, status: ["SUCC"], timeout_s: seconds },
      { action: "hold", job: held.id },
    ],
  });
  return { workflow, abended, held };
}

async function started(response: Response): Promise<RunBody> {
  expect(response.status, await response.clone().text()).toBe(202);
  return (await response.json()) as RunBody;
}

const cancelRun = (token: string, runId: string, key = crypto.randomUUID()) =>
  SELF.fetch(`${ORIGIN}/api/v1/runs/${runId}/cancel`, {
    method: "POST",
    headers: { ...bearer(token), "Idempotency-Key": key },
  });

describe("runs outlive the request that starts them", () => {
  it("answers 202 at once with the queued record; the object finishes it with no request open", async () => {
    const { workflow } = await longWorkflow(2);
    const record = await started(await runWorkflow(operator, workflow.id));
    expect(["queued", "running"]).toContain(record.status);
    expect(record.steps).toEqual([]);
    expect(record.finished_at).toBeNull();
    // Nobody holds a request open; the wait times out after 2 s inside the object and the run fails there.
    const ended = await runEnded(operator, record.run_id);
    expect(ended).toMatchObject({ status: "failed", steps: [{ index: 0, status: "failed" }] });
    expect(ended.steps[0]!.error).toMatch(/^timed out after 2 s waiting for SUCC/);
  });

  it("cancel stops a run before its next step; it ends cancelled and the next step never acts", async () => {
    const { workflow, held } = await longWorkflow();
    const run = await started(await runWorkflow(operator, workflow.id));
    await vi.waitFor(async () => {
      const shown = (await (
        await SELF.fetch(`${ORIGIN}/api/v1/runs/${run.run_id}`, { headers: bearer(operator) })
      ).json()) as RunBody;
      expect(shown.status).toBe("running");
    });
    expect((await cancelRun(await tokenFor(await createUser("viewer")), run.run_id)).status).toBe(403);
    const key = crypto.randomUUID();
    const cancelled = await cancelRun(operator, run.run_id, key);
    expect(cancelled.status).toBe(200);
    const ended = await runEnded(operator, run.run_id);
    expect(ended.status).toBe("cancelled");
    expect(ended.error).toBe(`cancelled by ${operatorName}`);
    expect(ended.steps).toEqual([
      expect.objectContaining({ index: 0, action: "wait-for-status", status: "cancelled" }),
    ]);
    expect(await statusOf(held.id)).toBe("READY");
    // The same key replays; a new cancel of an ended run is a conflict.
    expect((await cancelRun(operator, run.run_id, key)).headers.get("Idempotency-Replayed")).toBe("true");
    const again = await cancelRun(operator, run.run_id);
    expect(again.status).toBe(409);
    expect((await problemOf(again)).detail).toMatch(/has already ended \(cancelled\)/);
  });

  it("a user may have 5 runs going at once: the 6th start answers 429 with Retry-After", async () => {
    const user = await createUser("operator");
    const token = await tokenFor(user);
    const { workflow } = await longWorkflow();
    const responses = await Promise.all(Array.from({ length: 6 }, () => runWorkflow(token, workflow.id)));
    const accepted = responses.filter((r) => r.status === 202);
    const refused = responses.filter((r) => r.status === 429);
    expect(accepted).toHaveLength(5);
    expect(refused).toHaveLength(1);
    expect(Number(refused[0]!.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await problemOf(refused[0]!)).detail).toMatch(/already have 5 workflow runs/);
    // Another user is not limited by this one's runs; ending one frees a slot.
    const others = await runWorkflow(operator, workflow.id);
    expect(others.status).toBe(202);
    const runs = await Promise.all(accepted.map((r) => r.json() as Promise<RunBody>));
    await cancelRun(token, runs[0]!.run_id);
    await runEnded(token, runs[0]!.run_id);
    const next = await runWorkflow(token, workflow.id);
    expect(next.status).toBe(202);
    const all = [...runs.slice(1), (await others.json()) as RunBody, (await next.json()) as RunBody];
    await Promise.all(all.map((r) => cancelRun(r.requested_by === operatorName ? operator : token, r.run_id)));
  });
});
