import { SELF } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { database } from "../../src/platform/db/client";
import { auditEvents, workflows } from "../../src/platform/db/schema";
import { readConfig } from "../../src/platform/env/config";
import { bearer, createUser, ORIGIN, sessionFor, tokenFor } from "../helpers/accounts";
import { auditedUntil } from "../helpers/audit";
import { bindings, problemOf } from "../helpers/worker";
import { createWorkflow, json, uniqueName, type WorkflowBody } from "./helpers";

const steps = [
  { action: "hold", job: "AGT_LNX01#BACKUP_DB.RMAN_CROSSCHECK" },
  { action: "wait-for-status", job: "some-job-id", status: ["SUCC", "ABEND"], timeout_s: 60 },
  { action: "assert-status", job: "some-job-id", status: ["SUCC"] },
];

const url = (path = "") => `${ORIGIN}/api/v1/workflows${path}`;

describe("workflow roles", () => {
  it("lets only admins create, change and delete; every role may read", async () => {
    const admin = await tokenFor(await createUser("admin"));
    const stored = await createWorkflow(admin, { name: uniqueName(), steps });
    for (const role of ["viewer", "operator"] as const) {
      const token = await tokenFor(await createUser(role));
      const create = await SELF.fetch(url(), {
        method: "POST",
        headers: json(token),
        body: JSON.stringify({ name: uniqueName(), steps }),
      });
      expect(create.status, role).toBe(403);
      expect((await problemOf(create)).detail).toBe("This action requires the admin role");
      const put = await SELF.fetch(url(`/${stored.id}`), {
        method: "PUT",
        headers: json(token),
        body: JSON.stringify({ name: "x", steps }),
      });
      expect(put.status, role).toBe(403);
      expect((await SELF.fetch(url(`/${stored.id}`), { method: "DELETE", headers: bearer(token) })).status, role).toBe(
        403,
      );
      const compat = await SELF.fetch(`${ORIGIN}/api/workflow/delete`, {
        method: "POST",
        headers: json(token),
        body: JSON.stringify({ workflow_id: stored.id }),
      });
      expect(compat.status, role).toBe(403);
      expect((await SELF.fetch(url(`/${stored.id}`), { headers: bearer(token) })).status, role).toBe(200);
      expect((await SELF.fetch(url(), { headers: bearer(token) })).status, role).toBe(200);
    }
    expect((await SELF.fetch(url(`/${stored.id}`))).status).toBe(401);
    // Nothing the others tried changed it.
    const after = (await (await SELF.fetch(url(`/${stored.id}`), { headers: bearer(admin) })).json()) as WorkflowBody;
    expect(after).toEqual(stored);
  });
});

describe("workflow CRUD", () => {
  it("creates, shows, replaces (version + 1) and soft-deletes, auditing each change", async () => {
    const admin = await createUser("admin");
    const token = await tokenFor(admin);
    const name = uniqueName();
    const created = await SELF.fetch(url(), {
      method: "POST",
      headers: json(token),
      body: JSON.stringify({ name, description: "night recovery", steps }),
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as WorkflowBody;
    expect(body).toMatchObject({
      name,
      description: "night recovery",
      version: 1,
      status: "active",
      steps,
      created_by: admin.username,
    });
    expect(Object.keys(body).sort()).toEqual([
      "created_at",
      "created_by",
      "description",
      "id",
      "name",
      "status",
      "steps",
      "updated_at",
      "version",
    ]);
    expect(Date.parse(body.created_at)).not.toBeNaN();

    const shown = await SELF.fetch(url(`/${body.id}`), { headers: bearer(token) });
    expect(await shown.json()).toEqual(body);

    const newSteps = [{ action: "release", job: "another-job" }];
    const replaced = await SELF.fetch(url(`/${body.id}`), {
      method: "PUT",
      headers: json(token),
      body: JSON.stringify({ name: `${name}-v2`, steps: newSteps }),
    });
    expect(replaced.status).toBe(200);
    const v2 = (await replaced.json()) as WorkflowBody;
    expect(v2).toMatchObject({
      id: body.id,
      name: `${name}-v2`,
      description: null,
      version: 2,
      steps: newSteps,
      created_by: admin.username,
      created_at: body.created_at,
    });
    const v3 = (await (
      await SELF.fetch(url(`/${body.id}`), {
        method: "PUT",
        headers: json(token),
        body: JSON.stringify({ name, steps, status: "disabled" }),
      })
    ).json()) as WorkflowBody;
    expect(v3).toMatchObject({ version: 3, status: "disabled" });

    const removed = await SELF.fetch(url(`/${body.id}`), { method: "DELETE", headers: bearer(token) });
    expect(removed.status).toBe(204);
    const gone = await SELF.fetch(url(`/${body.id}`), { headers: bearer(token) });
    expect(gone.status).toBe(404);
    expect((await problemOf(gone)).detail).toBe(`No workflow ${body.id}`);
    expect(
      (
        await SELF.fetch(url(`/${body.id}`), {
          method: "PUT",
          headers: json(token),
          body: JSON.stringify({ name, steps }),
        })
      ).status,
    ).toBe(404);
    expect((await SELF.fetch(url(`/${body.id}`), { method: "DELETE", headers: bearer(token) })).status).toBe(404);
    const list = (await (
      await SELF.fetch(url(`?name=${encodeURIComponent(name)}`), { headers: bearer(token) })
    ).json()) as { items: WorkflowBody[] };
    expect(list.items).toEqual([]);

    // Soft: the row stays, marked deleted.
    const db = await database(readConfig(bindings));
    const [row] = await db.select().from(workflows).where(eq(workflows.id, body.id));
    expect(row).toMatchObject({ status: "deleted", version: 3 });

    const events = await auditedUntil(eq(auditEvents.target, `workflow:${body.id}`), (rows) =>
      expect(rows.map((e) => `${e.action}:${e.outcome}`).sort()).toEqual(
        [
          "workflow.create:success",
          "workflow.delete:failure",
          "workflow.delete:success",
          "workflow.update:success",
          "workflow.update:success",
        ].sort(),
      ),
    );
    expect(events.every((e) => e.actor === admin.username)).toBe(true);
  });

  it("deletes through the compat route, rotating a cookie session's CSRF token", async () => {
    const admin = await createUser("admin");
    const stored = await createWorkflow(await tokenFor(admin), { name: uniqueName(), steps });
    const session = await sessionFor(admin);
    const headers = {
      Cookie: session.cookie,
      Origin: ORIGIN,
      "X-CSRF-Token": session.csrf,
      "Content-Type": "application/json",
    };
    const response = await SELF.fetch(`${ORIGIN}/api/workflow/delete`, {
      method: "POST",
      headers,
      body: JSON.stringify({ workflow_id: stored.id }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ workflow_id: stored.id, deleted: true });
    const rotated = response.headers.get("X-CSRF-Token");
    expect(rotated).toBeTruthy();
    expect(rotated).not.toBe(session.csrf);
    const newCookie = response.headers.get("Set-Cookie")!.split(";")[0]!;

    // The old token no longer works with the new cookie; the new one does.
    const other = await createWorkflow(await tokenFor(admin), { name: uniqueName(), steps });
    const stale = await SELF.fetch(url(`/${other.id}`), {
      method: "DELETE",
      headers: { ...headers, Cookie: newCookie },
    });
    expect(stale.status).toBe(403);
    const fresh = await SELF.fetch(url(`/${other.id}`), {
      method: "DELETE",
      headers: { ...headers, Cookie: newCookie, "X-CSRF-Token": rotated! },
    });
    expect(fresh.status).toBe(204);
    expect(fresh.headers.get("X-CSRF-Token")).toBeTruthy();

    const again = await SELF.fetch(`${ORIGIN}/api/workflow/delete`, {
      method: "POST",
      headers: json(await tokenFor(admin)),
      body: JSON.stringify({ workflow_id: stored.id }),
    });
    expect(again.status).toBe(404);
  });
});

describe("workflow validation", () => {
  const post = async (body: unknown) => {
    const token = await tokenFor(await createUser("admin"));
    return SELF.fetch(url(), { method: "POST", headers: json(token), body: JSON.stringify(body) });
  };
  const pathsOf = async (response: Response) => {
    expect(response.status).toBe(400);
    return (await problemOf(response)).errors!.map((e) => e.path);
  };

  it("names the bad step fields in errors[]", async () => {
    const response = await post({
      name: "bad steps",
      steps: [
        { action: "hold", job: "ok" },
        { action: "explode", job: "x" },
        { action: "wait-for-status", job: "x", status: ["SUCC"], timeout_s: 901 },
        { action: "wait-for-status", job: "x", status: [], timeout_s: 0 },
        { action: "assert-status", job: "", status: ["SUCC"] },
        { action: "release", job: "x", extra: true },
      ],
    });
    const paths = await pathsOf(response);
    expect(paths).toEqual(
      expect.arrayContaining([
        "body.steps.1.action",
        "body.steps.2.timeout_s",
        "body.steps.3.status",
        "body.steps.3.timeout_s",
        "body.steps.4.job",
        "body.steps.5",
      ]),
    );
    expect(paths.some((p) => p.startsWith("body.steps.0"))).toBe(false);
  });

  it("rejects unknown fields, missing or empty steps, too many steps and over-long names", async () => {
    expect(await pathsOf(await post({ name: "x", steps: [{ action: "hold", job: "j" }], owner: "me" }))).toEqual([
      "body",
    ]);
    expect(await pathsOf(await post({ name: "x" }))).toEqual(["body.steps"]);
    expect(await pathsOf(await post({ name: "x", steps: [] }))).toEqual(["body.steps"]);
    const many = Array.from({ length: 51 }, () => ({ action: "hold", job: "j" }));
    expect(await pathsOf(await post({ name: "x", steps: many }))).toEqual(["body.steps"]);
    expect(await pathsOf(await post({ name: "n".repeat(201), steps: [{ action: "hold", job: "j" }] }))).toEqual([
      "body.name",
    ]);
    expect(await pathsOf(await post({ name: "", steps: [{ action: "hold", job: "j" }] }))).toEqual(["body.name"]);
    expect(await pathsOf(await post({ name: "x", steps: [{ action: "hold", job: "j" }], status: "deleted" }))).toEqual([
      "body.status",
    ]);
    // 50 steps and 200 characters are fine.
    const token = await tokenFor(await createUser("admin"));
    const fifty = Array.from({ length: 50 }, () => ({ action: "hold", job: "j" }));
    const ok = await SELF.fetch(url(), {
      method: "POST",
      headers: json(token),
      body: JSON.stringify({ name: "n".repeat(200), steps: fifty }),
    });
    expect(ok.status).toBe(201);
  });

  it("rejects ids that are not workflow ids", async () => {
    const token = await tokenFor(await createUser("admin"));
    expect((await SELF.fetch(url("/abc"), { headers: bearer(token) })).status).toBe(400);
    expect((await SELF.fetch(url("/0"), { headers: bearer(token) })).status).toBe(400);
    expect((await SELF.fetch(url("/999999999"), { headers: bearer(token) })).status).toBe(404);
  });
});
