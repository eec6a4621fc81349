import { runInDurableObject } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { Job, JobDetail } from "../../src/jobs/job";
import { database } from "../../src/platform/db/client";
import { auditEvents, engines } from "../../src/platform/db/schema";
import type { Bindings } from "../../src/platform/env/bindings";
import { readConfig } from "../../src/platform/env/config";
import type { SessionState } from "../../src/chat/session";
import { forgetRegistry } from "../../src/engines/registry";
import { createAccount } from "../../src/users/accounts";
import { bearer, freshIp } from "../helpers/accounts";
import { auditRows } from "../helpers/audit";
import { simulatorAt } from "../helpers/hwa";
import { socketOf } from "../helpers/socket";
import { bindings, fetchWith, problemOf } from "../helpers/worker";

// Several HWA engines behind one Resync: the registry (its own database here, since these tests change the default
// engine), choosing the engine per request, per user and per registry, jobs of the same id on two engines, one
// engine's outage, roles per engine. PROD is the shared simulator (as `default` is), HML the same seed with an API
// key and a plan of its own once a job is forced, DR another seed.

const alwaysAllowed = { limit: async () => ({ success: true }) } as unknown as RateLimit;
const env: Partial<Bindings> = {
  LIBSQL_URL: inject("libsqlEnginesUrl"),
  USER_RATE_LIMITER: alwaysAllowed,
  ANONYMOUS_RATE_LIMITER: alwaysAllowed,
};
const prod = simulatorAt(inject("hwaUrl"));
const hml = simulatorAt(inject("hwaHmlUrl"));
const dr = simulatorAt(inject("hwaDrUrl"));

const db = () => database(readConfig({ ...bindings, ...env } as Bindings));
const call = (path: string, init: RequestInit = {}) => fetchWith(env, path, init);

async function userWith(role: "viewer" | "operator" | "admin") {
  const username = `eng-${role}-${crypto.randomUUID().slice(0, 8)}`;
  const password = `pw-${crypto.randomUUID()}`;
  await createAccount(await db(), { username, password, role });
  return { username, password };
}

async function tokenOf(user: { username: string; password: string }): Promise<Record<string, string>> {
  const response = await call("/token", {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": freshIp() },
    body: JSON.stringify(user),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return bearer(((await response.json()) as { access_token: string }).access_token);
}

const json = (method: string, headers: Record<string, string>, body: unknown): RequestInit => ({
  method,
  headers: { ...headers, "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

let admin: Record<string, string>;
let operator: { username: string; password: string };
let viewer: Record<string, string>;
const hmlKey = inject("hwaHmlApiKey");
const basic = { kind: "basic", username: inject("hwaUsername"), password: inject("hwaPassword") };

beforeAll(async () => {
  admin = await tokenOf(await userWith("admin"));
  operator = await userWith("operator");
  viewer = await tokenOf(await userWith("viewer"));
  for (const [name, url, auth] of [
    ["PROD", prod.url, basic],
    ["HML", hml.url, { kind: "api_key", key: hmlKey }],
    ["DR", dr.url, basic],
  ] as const) {
    const response = await call("/api/v1/engines", json("POST", admin, { name, base_url: url, auth }));
    expect(response.status, await response.clone().text()).toBe(201);
  }
});

async function jobsOn(engine: string | undefined, headers = viewer): Promise<{ items: Job[]; engine: string | null }> {
  const response = await call(`/api/v1/jobs?limit=50${engine ? `&engine=${engine}` : ""}`, { headers });
  expect(response.status, await response.clone().text()).toBe(200);
  return { ...((await response.json()) as { items: Job[] }), engine: response.headers.get("Resync-Engine") };
}

describe("the engine registry", () => {
  it("lists the environment's engine as `default` and the registered ones, never their credentials", async () => {
    const response = await call("/api/v1/engines", { headers: admin });
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const secret of [hmlKey, basic.password]) expect(text).not.toContain(secret);
    const { items } = JSON.parse(text) as { items: Record<string, unknown>[] };
    const byName = Object.fromEntries(items.map((item) => [item.name, item]));
    expect(byName.default).toMatchObject({
      source: "environment",
      default: true,
      enabled: true,
      base_url: inject("hwaUrl"),
      auth: { kind: "environment", set: true },
    });
    expect(byName.HML).toMatchObject({ source: "registry", default: false, auth: { kind: "api_key", set: true } });
    expect((byName.HML!.auth as { set_at: string }).set_at).toMatch(/^\d{4}-/);
    // A viewer sees names only.
    const seen = (await (await call("/api/v1/engines", { headers: viewer })).json()) as { items: object[] };
    expect(seen.items.every((item) => !("base_url" in item) && !("auth" in item))).toBe(true);
  });

  it("keeps credentials sealed in the database: no stored text reads as the secret", async () => {
    const rows = await (await db()).select().from(engines);
    const hmlRow = rows.find((row) => row.name === "HML")!;
    expect(hmlRow.credentials).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    for (const row of rows) {
      expect(row.credentials ?? "").not.toContain(hmlKey);
      expect(row.credentials ?? "").not.toContain(basic.password);
      expect(atob((row.credentials ?? "v1.a.b.c").split(".")[3]!.replace(/-/g, "+").replace(/_/g, "/"))).not.toContain(
        basic.username,
      );
    }
  });

  it("audits every change without the credentials", async () => {
    // The audit consumer writes to the Worker's own database, whatever these requests' registry database is.
    const rows = await auditRows(eq(auditEvents.action, "engine.create"));
    expect(rows.filter((row) => row.target === "HML").map((row) => row.outcome)).toEqual(
      expect.arrayContaining(["attempt", "success"]),
    );
    for (const row of rows) expect(JSON.stringify(row.metadata)).not.toContain(hmlKey);
  });

  it("refuses a name taken, a URL with credentials in it, an unknown field and a non-admin", async () => {
    const taken = await call("/api/v1/engines", json("POST", admin, { name: "hml", base_url: hml.url, auth: basic }));
    expect(taken.status).toBe(409);
    const seeded = await call(
      "/api/v1/engines",
      json("POST", admin, { name: "DEFAULT", base_url: hml.url, auth: basic }),
    );
    expect(seeded.status).toBe(409);
    const userinfo = await call(
      "/api/v1/engines",
      json("POST", admin, { name: "X1", base_url: "https://u:p@host/twsd", auth: basic }),
    );
    expect((await problemOf(userinfo)).status).toBe(400);
    const extra = await call(
      "/api/v1/engines",
      json("POST", admin, { name: "X2", base_url: hml.url, auth: basic, x: 1 }),
    );
    expect(extra.status).toBe(400);
    const byViewer = await call(
      "/api/v1/engines",
      json("POST", viewer, { name: "X3", base_url: hml.url, auth: basic }),
    );
    expect(byViewer.status).toBe(403);
    const envEngine = await call("/api/v1/engines/default", { method: "DELETE", headers: admin });
    expect((await problemOf(envEngine)).status).toBe(409);
  });
});

describe("choosing the engine", () => {
  it("answers each route from the engine asked, and says which", async () => {
    const own = await jobsOn(undefined);
    const onDr = await jobsOn("DR");
    expect(own.engine).toBe("default");
    expect(onDr.engine).toBe("DR");
    const ids = new Set(own.items.map((job) => job.id));
    expect(onDr.items.some((job) => ids.has(job.id))).toBe(false);
    // The alias names the same engine in its path.
    const alias = await call("/api/v1/engines/DR/jobs?limit=50", { headers: viewer });
    expect(alias.headers.get("Resync-Engine")).toBe("DR");
    expect(((await alias.json()) as { items: Job[] }).items.map((j) => j.id)).toEqual(onDr.items.map((j) => j.id));
    for (const path of ["/api/v1/jobstreams?limit=5", "/api/v1/workstations", "/api/v1/engine"]) {
      for (const engine of ["HML", "DR"]) {
        const response = await call(`${path}${path.includes("?") ? "&" : "?"}engine=${engine}`, { headers: viewer });
        expect(response.status, `${path} on ${engine}`).toBe(200);
        expect(response.headers.get("Resync-Engine")).toBe(engine);
      }
    }
    const stream = onDr.items[0]!.job_stream_id!;
    expect((await call(`/api/v1/engines/DR/jobstreams/${stream}`, { headers: viewer })).status).toBe(200);
    expect((await call(`/api/v1/jobstreams/${stream}`, { headers: viewer })).status).toBe(404);
    // The request metrics say the engine of each HWA-backed route; the others have no engine label.
    expect((await call("/api/v1/engines", { headers: viewer })).status).toBe(200);
    const metrics = await (await call("/metrics")).text();
    expect(metrics).toMatch(
      /^resync_http_requests_total\{engine="DR",method="GET",route="\/api\/v1\/jobs",status="200"\} [1-9]/m,
    );
    expect(metrics).toMatch(
      /^resync_http_requests_total\{engine="HML",method="GET",route="\/api\/v1\/workstations",status="200"\} [1-9]/m,
    );
    expect(metrics).toMatch(/^resync_http_requests_total\{method="GET",route="\/api\/v1\/engines",status="200"\} /m);
  });

  it("answers 404 for an unknown engine and 400 for a malformed name", async () => {
    expect((await problemOf(await call("/api/v1/jobs?engine=NOPE", { headers: viewer }))).status).toBe(404);
    expect((await problemOf(await call("/api/v1/engines/NOPE/jobs", { headers: viewer }))).status).toBe(404);
    expect((await problemOf(await call("/api/v1/jobs?engine=a%20b", { headers: viewer }))).status).toBe(400);
  });

  it("never lets a job id of one engine answer for another: reads, cache and actions stay on their engine", async () => {
    const job = (await jobsOn("PROD")).items.find((j) => j.status === "SUCC")!;
    // HML has the same plan (same seed) until this job is put in another state there.
    await hml.forceStatus(job.id, "READY");
    const read = async (path: string) => {
      const response = await call(path, { headers: viewer });
      expect(response.status, path).toBe(200);
      return (await response.json()) as JobDetail;
    };
    for (let round = 0; round < 2; round++) {
      expect((await read(`/api/v1/jobs/${job.id}?engine=PROD`)).status).toBe("SUCC");
      expect((await read(`/api/v1/jobs/${job.id}?engine=HML`)).status).toBe("READY");
      expect((await read(`/api/v1/engines/HML/jobs/${job.id}`)).status).toBe("READY");
    }
    // DR has another plan: the id is not there.
    expect((await problemOf(await call(`/api/v1/jobs/${job.id}?engine=DR`, { headers: viewer }))).status).toBe(404);

    const token = await tokenOf(operator);
    const hold = await call(`/api/v1/engines/HML/jobs/${job.id}/actions/hold`, {
      method: "POST",
      headers: { ...token, "Idempotency-Key": crypto.randomUUID() },
    });
    expect(hold.status, await hold.clone().text()).toBe(200);
    const result = (await hold.json()) as { hwa: { url: string } };
    expect(result.hwa.url).toBe(`/api/v1/engines/HML/jobs/${job.id}`);
    expect((await read(`/api/v1/jobs/${job.id}?engine=HML`)).priority).toBe(0);
    expect((await read(`/api/v1/jobs/${job.id}?engine=PROD`)).status).toBe("SUCC");
    // The same action on PROD is refused by PROD's own status: it never reached HML's job.
    const onProd = await call(`/api/v1/jobs/${job.id}/actions/hold?engine=PROD`, {
      method: "POST",
      headers: { ...token, "Idempotency-Key": crypto.randomUUID() },
    });
    expect(onProd.status).toBe(409);
  });

  it("scopes an Idempotency-Key to its engine: the same key on another engine is another request", async () => {
    const token = await tokenOf(operator);
    const job = (await jobsOn("DR")).items.find((j) => j.status === "ABEND" || j.status === "SUCC")!;
    const key = crypto.randomUUID();
    const first = await call(`/api/v1/jobs/${job.id}/actions/rerun?engine=DR`, {
      method: "POST",
      headers: { ...token, "Idempotency-Key": key },
    });
    expect(first.status, await first.clone().text()).toBe(200);
    // The alias and the query name the same engine: the same scope, replayed.
    const replay = await call(`/api/v1/engines/DR/jobs/${job.id}/actions/rerun`, {
      method: "POST",
      headers: { ...token, "Idempotency-Key": key },
    });
    expect(replay.headers.get("Idempotency-Replayed")).toBe("true");
    // On HML the key is new: HML is asked (and has no such job).
    const elsewhere = await call(`/api/v1/jobs/${job.id}/actions/rerun?engine=HML`, {
      method: "POST",
      headers: { ...token, "Idempotency-Key": key },
    });
    expect(elsewhere.headers.get("Idempotency-Replayed")).toBeNull();
    expect(elsewhere.status).toBe(404);
  });

  it("binds a list's cursor to its engine", async () => {
    const response = await call("/api/v1/jobs?limit=2&engine=DR", { headers: viewer });
    const { next_cursor } = (await response.json()) as { next_cursor: string };
    expect((await call(`/api/v1/jobs?limit=2&engine=DR&cursor=${next_cursor}`, { headers: viewer })).status).toBe(200);
    expect((await call(`/api/v1/jobs?limit=2&engine=HML&cursor=${next_cursor}`, { headers: viewer })).status).toBe(400);
  });

  it("takes the user's own default engine, then the registry's default", async () => {
    const user = await userWith("viewer");
    const patch = await call(`/api/v1/users/${user.username}`, json("PATCH", admin, { default_engine: "DR" }));
    expect(patch.status, await patch.clone().text()).toBe(200);
    expect(((await patch.json()) as { default_engine: string }).default_engine).toBe("DR");
    const headers = await tokenOf(user);
    expect((await jobsOn(undefined, headers)).engine).toBe("DR");
    // The console reads it to name the engine it shows.
    const me = await call("/api/v1/auth/me", { headers });
    expect(await me.json()).toMatchObject({ username: user.username, default_engine: "DR" });
    const unknown = await call(`/api/v1/users/${user.username}`, json("PATCH", admin, { default_engine: "NOPE" }));
    expect(unknown.status).toBe(400);

    const makeDefault = await call("/api/v1/engines/HML", json("PATCH", admin, { default: true }));
    expect(makeDefault.status, await makeDefault.clone().text()).toBe(200);
    try {
      expect((await jobsOn(undefined)).engine).toBe("HML");
      expect((await jobsOn(undefined, await tokenOf(user))).engine).toBe("DR");
    } finally {
      // Back to the environment's engine: its first change gives it a row of its own.
      const back = await call("/api/v1/engines/default", json("PATCH", admin, { default: true }));
      expect(back.status, await back.clone().text()).toBe(200);
      expect(((await back.json()) as { source: string }).source).toBe("registry");
    }
    expect((await jobsOn(undefined)).engine).toBe("default");
  });

  it("refuses a disabled engine (409) and serves it again once enabled", async () => {
    await call("/api/v1/engines/DR", json("PATCH", admin, { enabled: false }));
    expect((await problemOf(await call("/api/v1/jobs?engine=DR", { headers: viewer }))).status).toBe(409);
    await call("/api/v1/engines/DR", json("PATCH", admin, { enabled: true }));
    expect((await call("/api/v1/jobs?engine=DR", { headers: viewer })).status).toBe(200);
  });
});

describe("roles per engine", () => {
  it("refuses an operator who is a viewer on PROD there, and lets them act on HML", async () => {
    const user = await userWith("operator");
    const grant = await call(
      `/api/v1/users/${user.username}`,
      json("PATCH", admin, { engine_roles: { PROD: "viewer", HML: "operator" } }),
    );
    expect(grant.status, await grant.clone().text()).toBe(200);
    expect(((await grant.json()) as { engine_roles: object }).engine_roles).toEqual({
      prod: "viewer",
      hml: "operator",
    });
    const token = await tokenOf(user);
    const job = (await jobsOn("HML")).items.find((j) => j.status === "READY" || j.status === "HOLD")!;
    const act = (engine: string) =>
      call(`/api/v1/engines/${engine}/jobs/${job.id}/actions/release`, {
        method: "POST",
        headers: { ...token, "Idempotency-Key": crypto.randomUUID() },
      });
    const refused = await act("PROD");
    expect((await problemOf(refused)).detail).toBe("This action requires the operator role on engine PROD");
    expect((await call(`/api/v1/jobs/${job.id}?engine=PROD`, { headers: token })).status).toBe(200);
    expect((await act("HML")).status).toBe(200);
    const denied = await auditRows(eq(auditEvents.actor, user.username));
    expect(denied.some((row) => row.outcome === "denied" && JSON.stringify(row.metadata).includes('"PROD"'))).toBe(
      true,
    );
  });
});

describe("workflow steps on their engines", () => {
  interface Run {
    run_id: string;
    status: string;
    engine: string | null;
    error?: string;
    steps: { engine?: string; status: string; error?: string }[];
  }

  async function workflowOf(steps: object[]): Promise<number> {
    const response = await call(
      "/api/v1/workflows",
      json("POST", admin, { name: `eng-wf-${crypto.randomUUID()}`, steps }),
    );
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await response.json()) as { id: number }).id;
  }

  const start = (token: Record<string, string>, id: number, query = "", body?: object) =>
    call(`/api/v1/workflows/${id}/runs${query}`, {
      method: "POST",
      headers: {
        ...token,
        "Idempotency-Key": crypto.randomUUID(),
        ...(body ? { "Content-Type": "application/json" } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  async function ended(token: Record<string, string>, runId: string): Promise<Run> {
    return vi.waitFor(
      async () => {
        const record = (await (await call(`/api/v1/runs/${runId}`, { headers: token })).json()) as Run;
        if (record.status === "queued" || record.status === "running") throw new Error(`still ${record.status}`);
        return record;
      },
      { timeout: 15_000, interval: 100 },
    );
  }

  it("acts on the engine each step names, the others on the run's; the record says which", async () => {
    const token = await tokenOf(operator);
    const job = (await jobsOn("PROD")).items.find((j) => j.status === "SUCC")!;
    await hml.forceStatus(job.id, "ABEND");
    const drJob = (await jobsOn("DR")).items[3]!;
    await dr.forceStatus(drJob.id, "READY");
    const id = await workflowOf([
      { action: "assert-status", job: job.id, status: ["ABEND"] },
      { action: "assert-status", job: job.id, engine: "prod", status: ["SUCC"] },
      { action: "hold", job: drJob.id, engine: "DR" },
    ]);
    const response = await start(token, id, "?engine=HML");
    expect(response.status, await response.clone().text()).toBe(202);
    const started = (await response.json()) as Run;
    expect(started.engine).toBe("HML");
    const run = await ended(token, started.run_id);
    expect(run.status, JSON.stringify(run)).toBe("succeeded");
    expect(run.engine).toBe("HML");
    expect(run.steps.map((step) => step.engine)).toEqual(["HML", "PROD", "DR"]);
    const onDr = (await (await call(`/api/v1/jobs/${drJob.id}?engine=DR`, { headers: viewer })).json()) as JobDetail;
    expect(onDr.priority).toBe(0);
    // libSQL's copy, which lists read, names the run's engine too.
    await vi.waitFor(async () => {
      const list = (await (await call(`/api/v1/workflows/${id}/runs`, { headers: token })).json()) as { items: Run[] };
      expect(list.items[0]).toMatchObject({ run_id: run.run_id, status: "succeeded", engine: "HML" });
    });
  });

  it("starts on the engine of the body, else the user's default, else the registry's", async () => {
    const user = await userWith("operator");
    const token = await tokenOf(user);
    const job = (await jobsOn("DR")).items[0]!;
    const id = await workflowOf([{ action: "assert-status", job: job.id, status: [job.status ?? "SUCC"] }]);
    const onDefault = await start(token, id);
    expect(onDefault.status, await onDefault.clone().text()).toBe(202);
    // DR's job id is not on the registry's default engine: the step fails there, as it should.
    expect((await ended(token, ((await onDefault.json()) as Run).run_id)).engine).toBe("default");
    const onBody = await start(token, id, "", { engine: "dr" });
    expect(onBody.status, await onBody.clone().text()).toBe(202);
    const run = await ended(token, ((await onBody.json()) as Run).run_id);
    expect(run).toMatchObject({ engine: "DR", status: "succeeded" });
    await call(`/api/v1/users/${user.username}`, json("PATCH", admin, { default_engine: "DR" }));
    // A change to the user ends their sessions: a new token carries the new default.
    const renewed = await tokenOf(user);
    const own = await start(renewed, id);
    expect(((await own.json()) as Run).engine).toBe("DR");
    const mismatch = await start(renewed, id, "?engine=HML", { engine: "DR" });
    expect((await problemOf(mismatch)).status).toBe(400);
  });

  it("refuses at start a step on an engine where the user is not an operator (403) or that is unknown (422)", async () => {
    const user = await userWith("operator");
    await call(`/api/v1/users/${user.username}`, json("PATCH", admin, { engine_roles: { PROD: "viewer" } }));
    const token = await tokenOf(user);
    const hmlJob = (await jobsOn("HML")).items.find((j) => j.status === "SUCC")!;
    await hml.forceStatus(hmlJob.id, "READY");
    const id = await workflowOf([
      { action: "hold", job: hmlJob.id },
      { action: "assert-status", job: hmlJob.id, engine: "PROD", status: ["SUCC"] },
    ]);
    const refused = await problemOf(await start(token, id, "?engine=HML"));
    expect(refused.status).toBe(403);
    expect(refused.detail).toBe("This workflow acts on engine PROD, where you are not an operator");
    // Nothing ran: the first step's job on HML is as it was.
    const onHml = (await (await call(`/api/v1/jobs/${hmlJob.id}?engine=HML`, { headers: viewer })).json()) as JobDetail;
    expect(onHml.status).toBe("READY");
    // The run's own engine is checked too.
    const onlyHml = await workflowOf([{ action: "hold", job: hmlJob.id }]);
    expect((await problemOf(await start(token, onlyHml, "?engine=PROD"))).status).toBe(403);
    const denied = await auditRows(eq(auditEvents.actor, user.username));
    expect(denied.some((row) => row.action === "workflow.run" && row.outcome === "denied")).toBe(true);

    const unknown = await workflowOf([{ action: "hold", job: hmlJob.id, engine: "NOPE" }]);
    const problem = await problemOf(await start(await tokenOf(operator), unknown, "?engine=HML"));
    expect(problem.status).toBe(422);
    expect(problem.detail).toBe("Step 0 acts on engine NOPE, which is not registered");
  });
});

describe("the chat's engine words", () => {
  interface ChatReply {
    response: string;
    session_id: string;
    intent: string;
    data?: { engine?: string };
  }
  const ask = async (headers: Record<string, string>, message: string, session_id?: string) => {
    const response = await call("/api/chat", json("POST", headers, { message, ...(session_id ? { session_id } : {}) }));
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as ChatReply;
  };

  it("answers from the engine named in pt and en, and says which", async () => {
    const job = (await jobsOn("PROD")).items.find((j) => j.status === "SUCC" && !j.name.includes("*"))!;
    for (const [message, engine] of [
      [`qual o status do job ${job.name} no HML?`, "HML"],
      [`status do ${job.name} em hml`, "HML"],
      [`what is the status of ${job.name} in DR?`, "DR"],
      [`status of ${job.name} on PROD`, "PROD"],
      [`qual o status do ${job.name} em produção?`, "PROD"],
      [`status of ${job.name} in production`, "PROD"],
      [`status do ${job.name}`, "default"],
    ] as const) {
      const reply = await ask(viewer, message);
      expect(reply.data?.engine, message).toBe(engine);
      expect(reply.response.startsWith(`[${engine}] `), reply.response).toBe(true);
    }
  });

  it("proposes an action on a non-default engine naming it, and acts there on 'sim'", async () => {
    const token = await tokenOf(operator);
    const { items } = await jobsOn("PROD");
    const job = items.find(
      (j) => j.status === "SUCC" && j.priority !== 0 && items.filter((other) => other.name === j.name).length === 1,
    )!;
    await hml.forceStatus(job.id, "READY");
    const proposal = await ask(token, `segure o job ${job.name} no HML`);
    expect(proposal.data?.engine).toBe("HML");
    expect(proposal.response).toContain("Atenção: engine HML.");
    const done = await ask(token, "sim", proposal.session_id);
    expect(done.data?.engine, done.response).toBe("HML");
    const read = async (engine: string) =>
      (await (await call(`/api/v1/jobs/${job.id}?engine=${engine}`, { headers: viewer })).json()) as JobDetail;
    expect((await read("HML")).priority).toBe(0);
    expect((await read("PROD")).status).toBe("SUCC");
  });
});

describe("the chat's actions on their engines", () => {
  interface Reply {
    response: string;
    session_id: string;
    data?: { engine?: string; outcome?: string; role?: string };
  }
  const ask = async (headers: Record<string, string>, message: string, session_id?: string) => {
    const response = await call("/api/chat", json("POST", headers, { message, ...(session_id ? { session_id } : {}) }));
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as Reply;
  };
  const read = async (engine: string, id: string) =>
    (await (await call(`/api/v1/jobs/${id}?engine=${engine}`, { headers: viewer })).json()) as JobDetail;
  const engineOf = (metadata: unknown) => (metadata as { engine?: string } | null)?.engine;

  /** The `nth` job from the end of PROD's plan that HML shares, named once in the plan, put in READY on both. */
  async function readyOnBoth(nth: number): Promise<Job> {
    const response = await call("/api/v1/jobs?limit=500&engine=PROD", { headers: viewer });
    const { items } = (await response.json()) as { items: Job[] };
    const unique = items.filter(
      (j) =>
        j.status === "SUCC" &&
        j.priority !== 0 &&
        !j.name.includes("*") &&
        items.filter((other) => other.name === j.name).length === 1,
    );
    const job = unique[unique.length - 1 - nth]!;
    await prod.forceStatus(job.id, "READY");
    await hml.forceStatus(job.id, "READY");
    return job;
  }

  /** An operator whose grant makes them a viewer on PROD (and an operator on HML), with HML as their own default. */
  async function viewerOnProd() {
    const user = await userWith("operator");
    const grant = await call(
      `/api/v1/users/${user.username}`,
      json("PATCH", admin, { engine_roles: { PROD: "viewer", HML: "operator" }, default_engine: "HML" }),
    );
    expect(grant.status, await grant.clone().text()).toBe(200);
    return { user, token: await tokenOf(user) };
  }

  it("'sim' acts on the engine the action was proposed on, never on the one another message names", async () => {
    const token = await tokenOf(operator);
    const job = await readyOnBoth(0);
    const proposal = await ask(token, `segure o job ${job.name} no HML`);
    expect(proposal.data?.engine, proposal.response).toBe("HML");
    expect(proposal.response).toContain("Atenção: engine HML.");
    // A confirmation said on another engine confirms nothing there, and does not act on HML either.
    for (const [message, engine] of [
      ["sim no PROD", "PROD"],
      ["yes, in DR", "DR"],
    ] as const) {
      const elsewhere = await ask(token, message, proposal.session_id);
      expect(elsewhere.data, elsewhere.response).toMatchObject({ engine, outcome: "nothing_pending" });
    }
    expect((await read("PROD", job.id)).priority).toBe(job.priority);
    expect((await read("HML", job.id)).priority).not.toBe(0);
    // The proposal still waits on HML: "sim" acts there, and only there.
    const done = await ask(token, "sim", proposal.session_id);
    expect(done.data?.engine, done.response).toBe("HML");
    expect((await read("HML", job.id)).priority).toBe(0);
    const onProd = await read("PROD", job.id);
    expect(onProd).toMatchObject({ status: "READY", priority: job.priority });
    const holds = await auditRows(eq(auditEvents.target, job.id));
    const engines = holds.filter((row) => row.action === "job.hold").map((row) => engineOf(row.metadata));
    expect(engines.length).toBeGreaterThan(0);
    expect(
      engines.every((engine) => engine === "HML"),
      JSON.stringify(engines),
    ).toBe(true);
  });

  it("keeps the confirmation token the action's Idempotency-Key on its engine: the HML alias replays it", async () => {
    const token = await tokenOf(operator);
    const job = await readyOnBoth(3);
    const proposal = await ask(token, `segure o job ${job.name} no HML`);
    const session = bindings.CHAT_SESSION.get(
      bindings.CHAT_SESSION.idFromName(`${operator.username}\n${proposal.session_id}`),
    );
    const pending = await runInDurableObject(
      session,
      (_instance, state) => state.storage.kv.get<SessionState>("session")!.pending!,
    );
    expect(pending).toMatchObject({ action: "hold", jobId: job.id, engine: "HML" });
    expect((await ask(token, "sim", proposal.session_id)).data).toMatchObject({ engine: "HML", outcome: "done" });
    const again = (path: string) =>
      call(path, { method: "POST", headers: { ...token, "Idempotency-Key": pending.token } });
    for (const path of [
      `/api/v1/engines/HML/jobs/${job.id}/actions/hold`,
      `/api/v1/jobs/${job.id}/actions/hold?engine=HML`,
    ]) {
      const replay = await again(path);
      expect(replay.status, await replay.clone().text()).toBe(200);
      expect(replay.headers.get("Idempotency-Replayed"), path).toBe("true");
    }
    const holds = await auditRows(eq(auditEvents.target, job.id));
    expect(holds.filter((row) => row.action === "job.hold").map((row) => row.outcome)).toEqual(["attempt", "success"]);
  });

  it("refuses an action to a viewer on PROD and lets them act on HML, through POST /api/chat", async () => {
    const { user, token } = await viewerOnProd();
    const job = await readyOnBoth(1);
    const refused = await ask(token, `segure o job ${job.name} no PROD`);
    expect(refused.data, refused.response).toMatchObject({ engine: "PROD", outcome: "forbidden", role: "viewer" });
    expect((await read("PROD", job.id)).priority).toBe(job.priority);
    const proposal = await ask(token, `segure o job ${job.name} no HML`);
    expect(proposal.response).toContain("Atenção: engine HML.");
    const done = await ask(token, "sim", proposal.session_id);
    expect(done.data?.engine, done.response).toBe("HML");
    expect((await read("HML", job.id)).priority).toBe(0);
    const denied = await auditRows(eq(auditEvents.actor, user.username));
    expect(
      denied.some((row) => row.action === "job.hold" && row.outcome === "denied" && engineOf(row.metadata) === "PROD"),
      JSON.stringify(denied),
    ).toBe(true);
  });

  it("applies the same per-engine role and own default over a WebSocket opened with a ticket", async () => {
    const { token } = await viewerOnProd();
    const job = await readyOnBoth(2);
    const issued = await call("/api/v1/chat/tickets", json("POST", token, {}));
    expect(issued.status, await issued.clone().text()).toBe(201);
    const { ticket } = (await issued.json()) as { ticket: string };
    const { ws, next } = await socketOf(
      await call(`/api/v1/chat/ws?ticket=${encodeURIComponent(ticket)}`, { headers: { Upgrade: "websocket" } }),
    );
    const say = async (message: string) => {
      ws.send(JSON.stringify({ type: "message", message }));
      const frame = await next();
      expect(frame.type, JSON.stringify(frame)).toBe("message");
      return frame as Reply;
    };
    try {
      expect(await next()).toMatchObject({ type: "info", state: "connected" });
      // The user's own default engine, as over REST.
      const status = await say(`status do ${job.name}`);
      expect(status.data?.engine, status.response).toBe("HML");
      const refused = await say(`hold job ${job.name} on PROD`);
      expect(refused.data, refused.response).toMatchObject({ engine: "PROD", outcome: "forbidden", role: "viewer" });
      const proposal = await say(`hold job ${job.name} on HML`);
      // The session answers in the language it started in.
      expect(proposal.response).toMatch(/(Mind|Atenção): engine HML\./);
      const done = await say("yes");
      expect(done.data?.engine, done.response).toBe("HML");
    } finally {
      ws.close(1000, "done");
    }
    expect((await read("HML", job.id)).priority).toBe(0);
    expect((await read("PROD", job.id)).priority).toBe(job.priority);
  });
});

describe("the registry a message reads", () => {
  it("is this isolate's copy for a chat message as for a REST request: a change made elsewhere shows after a refresh", async () => {
    const config = readConfig({ ...bindings, ...env } as Bindings);
    const job = (await jobsOn("DR")).items[0]!;
    // A viewer of its own: the chat's 10 messages a minute are per user.
    const asker = await tokenOf(await userWith("viewer"));
    const onDr = async () => (await call("/api/v1/jobs?engine=DR&limit=1", { headers: viewer })).status;
    const askOnDr = async () => {
      const response = await call("/api/chat", json("POST", asker, { message: `status do ${job.name} no DR` }));
      expect(response.status, await response.clone().text()).toBe(200);
      return ((await response.json()) as { data?: { engine?: string } }).data?.engine;
    };
    // A copy read now: it stays this isolate's for 10 s.
    forgetRegistry(config);
    expect(await onDr()).toBe(200);
    // Another isolate's admin disables DR: libSQL changes, this isolate's copy does not.
    const setDr = async (enabled: boolean) =>
      (await db()).update(engines).set({ enabled }).where(eq(engines.nameKey, "dr"));
    await setDr(false);
    try {
      expect(await onDr()).toBe(200);
      expect(await askOnDr()).toBe("DR");
      expect(await askOnDr()).toBe("DR");
      // Once the copy is read again, both see DR disabled: REST refuses it, the chat no longer hears it as an engine.
      forgetRegistry(config);
      expect(await onDr()).toBe(409);
      expect(await askOnDr()).toBe("default");
    } finally {
      await setDr(true);
      forgetRegistry(config);
    }
    expect(await onDr()).toBe(200);
    expect(await askOnDr()).toBe("DR");
  });
});

describe("one engine's outage", () => {
  it("opens only that engine's breaker; the others keep answering, readiness says which", async () => {
    await dr.faults({ down: true });
    try {
      const job = (await jobsOn("PROD")).items[0]!;
      let last = 0;
      for (let i = 0; i < 4; i++) {
        const response = await call(`/api/v1/jobs/${job.id}/dependencies?engine=DR`, { headers: viewer });
        last = response.status;
      }
      expect(last).toBe(503);
      const open = await call(`/api/v1/jobs/${job.id}/dependencies?engine=DR`, { headers: viewer });
      expect((await problemOf(open)).detail).toMatch(/paused/i);
      for (const engine of ["PROD", "HML"])
        expect((await call(`/api/v1/jobs/${job.id}/dependencies?engine=${engine}`, { headers: viewer })).status).toBe(
          200,
        );
      const metrics = await (await call("/metrics")).text();
      expect(metrics).toMatch(/resync_hwa_circuit_opened_total\{engine="DR"\} [1-9]/);
      expect(metrics).not.toMatch(/resync_hwa_circuit_opened_total\{engine="(PROD|HML)"\}/);
      const ready = await call("/health/ready", { headers: admin });
      const body = (await ready.json()) as {
        status: string;
        components: { engines: Record<string, { status: string }> };
      };
      expect(body.status).toBe("degraded");
      expect(body.components.engines.DR!.status).toBe("error");
      expect(body.components.engines.HML!.status).toBe("ok");
      expect(body.components.engines.PROD!.status).toBe("ok");
    } finally {
      await dr.clearFaults();
    }
  });
});

describe("key rotation", () => {
  it("re-seals every credential under the new key with one call; the engines answer with the new key alone", async () => {
    const oldKey = bindings.ENGINE_KEY!;
    const newKey = `rotated-${crypto.randomUUID()}${crypto.randomUUID()}`;
    const sealed = async () =>
      Object.fromEntries((await (await db()).select().from(engines)).map((row) => [row.name, row.credentials]));
    const before = await sealed();
    const rotating = { ...env, ENGINE_KEY: newKey, ENGINE_KEY_PREVIOUS: oldKey };
    const response = await fetchWith(rotating, "/api/v1/engines/key-rotation", { method: "POST", headers: admin });
    expect(response.status, await response.clone().text()).toBe(200);
    const result = (await response.json()) as { key_id: string; resealed: string[]; unreadable: string[] };
    expect(result.resealed.sort()).toEqual(["DR", "HML", "PROD"]);
    expect(result.unreadable).toEqual([]);
    const after = await sealed();
    for (const name of ["DR", "HML", "PROD"]) {
      expect(after[name]).not.toBe(before[name]);
      expect(after[name]!.split(".")[1]).toBe(result.key_id);
      expect(after[name]).not.toContain(hmlKey);
    }
    // A second call has nothing left to do.
    const again = (await (
      await fetchWith(rotating, "/api/v1/engines/key-rotation", { method: "POST", headers: admin })
    ).json()) as { resealed: string[]; already_current: string[] };
    expect(again.resealed).toEqual([]);
    expect(again.already_current.sort()).toEqual(["DR", "HML", "PROD"]);
    // The new key alone opens them; the old key alone no longer does.
    const onHml = (keys: Partial<Bindings>) =>
      fetchWith({ ...env, ...keys }, "/api/v1/jobs?engine=HML&limit=1", { headers: viewer });
    expect((await onHml({ ENGINE_KEY: newKey })).status).toBe(200);
    // This isolate's copy of the registry (read under the old key before the rotation) is not 10 s old yet.
    forgetRegistry(readConfig({ ...bindings, ...env } as Bindings));
    const stale = await onHml({ ENGINE_KEY: oldKey });
    expect((await problemOf(stale)).type).toBe("urn:resync:problem:engine-credentials-unreadable");
  });
});
