import { SELF } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { JobDetail } from "../../src/jobs/job";
import { auditEvents } from "../../src/platform/db/schema";
import { bearer, createUser, ORIGIN, sessionFor, tokenFor } from "../helpers/accounts";
import { borrowJobs } from "../helpers/borrowed-jobs";
import { hwaUrl } from "../helpers/hwa";
import { audited } from "../helpers/audit";
import { problemOf } from "../helpers/worker";

let operator: string;
let viewer: string;

beforeAll(async () => {
  [operator, viewer] = await Promise.all([
    tokenFor(await createUser("operator")),
    tokenFor(await createUser("viewer")),
  ]);
});

const { jobIn } = borrowJobs();

function act(
  jobId: string,
  action: string,
  init: { token?: string; key?: string | null; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...bearer(init.token ?? operator), ...init.headers };
  if (init.key !== null) headers["Idempotency-Key"] = init.key ?? crypto.randomUUID();
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  return SELF.fetch(`${ORIGIN}/api/v1/jobs/${encodeURIComponent(jobId)}/actions/${action}`, {
    method: "POST",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

async function current(jobId: string): Promise<JobDetail> {
  const response = await SELF.fetch(`${ORIGIN}/api/v1/jobs/${encodeURIComponent(jobId)}`, { headers: bearer(viewer) });
  expect(response.status).toBe(200);
  return (await response.json()) as JobDetail;
}

async function accepted(jobId: string, action: string) {
  const response = await act(jobId, action);
  expect(response.status, await response.clone().text()).toBe(200);
  const body = (await response.json()) as {
    action: string;
    job_id: string;
    accepted: boolean;
    hwa: { id: string | null; url: string | null };
  };
  expect(body).toMatchObject({ action, job_id: jobId, accepted: true });
  return body;
}

describe("POST /api/v1/jobs/{id}/actions/{action} changes the job in HWA", () => {
  it("hold: a READY job is HOLD and HELD", async () => {
    const job = await jobIn("READY");
    await current(job.id); // cached now: the action must invalidate it
    const body = await accepted(job.id, "hold");
    expect(body.hwa.id).toBe(job.id);
    expect(body.hwa.url).toMatch(new RegExp(`/plan/job/${job.id}$`));
    const after = await current(job.id);
    expect(after.status).toBe("HOLD");
    expect(after.common_status).toBe("HELD");
  });

  it("release: a held job is no longer HELD", async () => {
    const job = await jobIn("READY");
    await accepted(job.id, "hold");
    expect((await current(job.id)).common_status).toBe("HELD");
    await accepted(job.id, "release");
    expect((await current(job.id)).common_status).not.toBe("HELD");
  });

  it("rerun: an ABEND job gets exactly one new run, READY, named in the answer", async () => {
    const job = await jobIn("ABEND");
    const before = await current(job.id);
    const body = await accepted(job.id, "rerun");
    const after = await current(job.id);
    expect(after.runs).toHaveLength(before.runs.length + 1);
    expect(after.run_id).toBe(body.hwa.id);
    expect(after.run_id).not.toBe(before.run_id);
    expect(after.status).toBe("READY");
  });

  it("cancel: a HOLD job is CANCL", async () => {
    const job = await jobIn("HOLD");
    await accepted(job.id, "cancel");
    expect((await current(job.id)).status).toBe("CANCL");
  });

  it("kill: a running job ends in ABEND with no exit code (-1)", async () => {
    const job = await jobIn("EXEC");
    await accepted(job.id, "kill");
    const after = await current(job.id);
    expect(after.status).toBe("ABEND");
    expect(after.return_code).toBe(-1);
  });

  it("confirm-succ turns ABEND into SUCC; confirm-abend turns SUCC into ABEND", async () => {
    const abended = await jobIn("ABEND");
    await accepted(abended.id, "confirm-succ");
    expect((await current(abended.id)).status).toBe("SUCC");
    // SUCC with return code 4 (a success condition): another file expects every ABEND to have a non-zero code.
    const succeeded = await jobIn("SUCC");
    const forced = await fetch(`${hwaUrl()}/__control/jobs/${encodeURIComponent(succeeded.id)}/status`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ status: "SUCC", returnCode: 4 }),
    });
    expect(forced.status).toBe(200);
    await accepted(succeeded.id, "confirm-abend");
    const confirmed = await current(succeeded.id);
    expect(confirmed.status).toBe("ABEND");
    expect(confirmed.return_code).toBe(4);
  });

  it("audits the action with the actor, target, outcome and HWA's answer", async () => {
    const user = await createUser("operator");
    const job = await jobIn("READY");
    const response = await act(job.id, "hold", { token: await tokenFor(user), body: { reason: "night batch freeze" } });
    expect(response.status).toBe(200);
    const rows = await audited(and(eq(auditEvents.actor, user.username), eq(auditEvents.target, job.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "job.hold",
      outcome: "success",
      correlationId: response.headers.get("X-Correlation-ID"),
    });
    expect(rows[0]!.metadata).toMatchObject({
      status_before: "READY",
      reason: "night batch freeze",
      hwa: { id: job.id },
    });
  });
});

describe("actions that make no sense, and who may act", () => {
  it.each([
    ["confirm-succ", "SUCC", /is in SUCC; confirm-succ needs ABEND/],
    ["confirm-abend", "ABEND", /is in ABEND; confirm-abend needs SUCC/],
    ["kill", "SUCC", /is in SUCC; kill needs EXEC/],
    ["cancel", "EXEC", /is running \(EXEC\); kill it before cancel/],
    ["cancel", "SUCC", /cancel needs a job that has not finished/],
    ["hold", "EXEC", /is in EXEC; hold needs HOLD or READY/],
    ["rerun", "READY", /is in READY; rerun needs SUCC or ABEND/],
  ])("%s on a %s job: 409 with why, and the job is unchanged", async (action, status, detail) => {
    const job = await jobIn(status);
    const response = await act(job.id, action);
    expect(response.status).toBe(409);
    const problem = await problemOf(response);
    expect(problem.detail).toMatch(detail);
    expect(problem.detail).toContain(job.name);
    const after = await current(job.id);
    expect(after.status).toBe(status);
  });

  it("an unknown action is 400, an unknown job 404", async () => {
    const job = await jobIn("READY");
    expect((await act(job.id, "explode")).status).toBe(400);
    const missing = await act("no-such-job", "hold");
    expect(missing.status).toBe(404);
    await problemOf(missing);
  });

  it("a viewer is refused (403) and nothing happens; no credentials is 401", async () => {
    const job = await jobIn("READY");
    const refused = await act(job.id, "hold", { token: viewer });
    expect(refused.status).toBe(403);
    expect((await current(job.id)).status).toBe("READY");
    const anonymous = await SELF.fetch(`${ORIGIN}/api/v1/jobs/${job.id}/actions/hold`, {
      method: "POST",
      headers: { "Idempotency-Key": "k" },
    });
    expect(anonymous.status).toBe(401);
  });

  it("a console session needs its CSRF token", async () => {
    const job = await jobIn("READY");
    const session = await sessionFor(await createUser("operator"));
    const headers = { Cookie: session.cookie, Origin: ORIGIN, "Idempotency-Key": crypto.randomUUID() };
    const forged = await SELF.fetch(`${ORIGIN}/api/v1/jobs/${job.id}/actions/hold`, { method: "POST", headers });
    expect(forged.status).toBe(403);
    const real = await SELF.fetch(`${ORIGIN}/api/v1/jobs/${job.id}/actions/hold`, {
      method: "POST",
      headers: { ...headers, "X-CSRF-Token": session.csrf },
    });
    expect(real.status).toBe(200);
    expect((await current(job.id)).status).toBe("HOLD");
  });

  it("unknown fields in the body are rejected", async () => {
    const job = await jobIn("READY");
    const response = await act(job.id, "hold", { body: { reason: "x", force: true } });
    expect(response.status).toBe(400);
    expect((await current(job.id)).status).toBe("READY");
  });
});
