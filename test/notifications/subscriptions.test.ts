import { SELF } from "cloudflare:test";
import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "../../src/platform/db/schema";
import { MAX_SUBSCRIPTIONS_PER_OWNER } from "../../src/subscriptions/store";
import { bearer, ORIGIN } from "../helpers/accounts";
import { auditRows } from "../helpers/audit";
import { problemOf } from "../helpers/worker";
import { patchSubscription, postSubscription, receiver, signedIn, subscribe } from "./helpers";

// The subscriptions API: each user their own, admins also the shared ones; a webhook's secret shown once.

const get = (token: string, path: string) => SELF.fetch(`${ORIGIN}${path}`, { headers: bearer(token) });
const send = (token: string, method: string, path: string) =>
  SELF.fetch(`${ORIGIN}${path}`, { method, headers: bearer(token) });

const webhook = (url = receiver().url) => ({
  events: ["job.abend", "job.late"],
  match: { job: "PAYROLL_*", job_stream: "PAYROLL" },
  target: { kind: "webhook", url, format: "teams" },
  quiet_hours: { from: "22:00", to: "07:00", time_zone: "America/Sao_Paulo" },
  language: "pt",
});

describe("POST /api/v1/subscriptions", () => {
  it("creates a webhook subscription and shows its secret this once; reads never show it, nor the whole URL", async () => {
    const { user, token } = await signedIn();
    const hook = receiver("a-credential-in-the-path");
    const created = await subscribe(token, webhook(hook.url));
    expect(created).toMatchObject({
      shared: false,
      owner: user.username,
      events: ["job.abend", "job.late"],
      match: { job: "PAYROLL_*", job_stream: "PAYROLL" },
      target: { kind: "webhook", url: `${new URL(hook.url).origin}/hooks/…`, format: "teams" },
      quiet_hours: { from: "22:00", to: "07:00", time_zone: "America/Sao_Paulo" },
      language: "pt",
      one_shot: false,
      created_by: user.username,
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const shown = (await (await get(token, `/api/v1/subscriptions/${created.id}`)).json()) as Record<string, unknown>;
    const listed = (await (await get(token, "/api/v1/subscriptions")).json()) as { items: Record<string, unknown>[] };
    for (const text of [JSON.stringify(shown), JSON.stringify(listed)]) {
      expect(text).not.toContain(created.secret);
      expect(text).not.toContain("a-credential-in-the-path");
    }
    const { secret: _secret, ...view } = created;
    expect(shown).toEqual(view);
    expect(listed.items).toEqual([view]);
  });

  it("rotates a webhook's secret: a new one, shown once; a console subscription has none", async () => {
    const { token } = await signedIn();
    const created = await subscribe(token, webhook());
    const rotated = await send(token, "POST", `/api/v1/subscriptions/${created.id}/secret`);
    expect(rotated.status).toBe(200);
    const { secret } = (await rotated.json()) as { secret: string };
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(created.secret);

    const console = await subscribe(token, { events: ["job.abend"], target: { kind: "console" } });
    expect(console.secret).toBeUndefined();
    expect((await send(token, "POST", `/api/v1/subscriptions/${console.id}/secret`)).status).toBe(409);
  });

  it("keeps each user's subscriptions to themselves; shared ones are for admins", async () => {
    const owner = await signedIn("operator");
    const other = await signedIn("operator");
    const created = await subscribe(owner.token, webhook());
    for (const method of ["GET", "DELETE"])
      expect((await send(other.token, method, `/api/v1/subscriptions/${created.id}`)).status).toBe(404);
    expect((await send(other.token, "POST", `/api/v1/subscriptions/${created.id}/secret`)).status).toBe(404);
    expect(((await (await get(other.token, "/api/v1/subscriptions")).json()) as { items: [] }).items).toEqual([]);

    const refused = await postSubscription(owner.token, { ...webhook(), shared: true });
    expect(refused.status).toBe(403);
    const admin = await signedIn("admin");
    const shared = await subscribe(admin.token, { ...webhook(), shared: true });
    expect(shared).toMatchObject({ shared: true, owner: null, created_by: admin.user.username });
    const otherAdmin = await signedIn("admin");
    const adminList = (await (await get(otherAdmin.token, "/api/v1/subscriptions")).json()) as {
      items: { id: string }[];
    };
    expect(adminList.items.map((item) => item.id)).toContain(shared.id);
    expect((await send(owner.token, "GET", `/api/v1/subscriptions/${shared.id}`)).status).toBe(404);
    expect((await send(otherAdmin.token, "DELETE", `/api/v1/subscriptions/${shared.id}`)).status).toBe(204);
    expect((await send(admin.token, "GET", `/api/v1/subscriptions/${shared.id}`)).status).toBe(404);
  });

  it("refuses what it cannot honour, saying where", async () => {
    const { token } = await signedIn();
    const cases: [unknown, string, RegExp][] = [
      [{ ...webhook(), extra: 1 }, "body", /Unrecognized key: "extra"/],
      [{ ...webhook(), events: [] }, "body.events", /./],
      [{ ...webhook(), events: ["job.abend", "job.abend"] }, "body.events", /each event once/],
      [{ ...webhook(), events: ["job.exploded"] }, "body.events.0", /./],
      [{ ...webhook(), match: { job: "X' OR 1=1" } }, "body.match.job", /any run of characters/],
      [{ ...webhook(), events: ["job.succeeded"], match: { job: "PAY*" } }, "body.match.job", /exact name/],
      [{ ...webhook(), shared: true, target: { kind: "console" } }, "body.target.kind", /personal/],
      [{ ...webhook(), quiet_hours: { from: "22:00", to: "22:00" } }, "body.quiet_hours", /differ/],
      [{ ...webhook(), quiet_hours: { from: "25:00", to: "07:00" } }, "body.quiet_hours.from", /HH:MM/],
      [
        { ...webhook(), quiet_hours: { from: "22:00", to: "07:00", time_zone: "Mars/Olympus" } },
        "body.quiet_hours.time_zone",
        /IANA/,
      ],
      [{ ...webhook("http://hooks.example.com/x") }, "body.target.url", /must be https/],
      [{ ...webhook("https://10.1.2.3/hook") }, "body.target.url", /private or loopback/],
      [{ ...webhook("https://[::ffff:192.168.0.1]/hook") }, "body.target.url", /private or loopback/],
      [{ ...webhook("https://0xa.0x1.2.3/hook") }, "body.target.url", /private or loopback/],
      [{ ...webhook("https://user:pw@hooks.example.com/x") }, "body.target.url", /credentials/],
      [{ ...webhook("not a url") }, "body.target.url", /not a URL/],
    ];
    for (const [body, path, message] of cases) {
      const response = await postSubscription(token, body);
      const problem = await problemOf(response);
      expect(problem.status, JSON.stringify(body)).toBe(400);
      const error = problem.errors?.find((e) => e.path === path);
      expect(`${error?.path} ${error?.message ?? problem.detail}`, JSON.stringify(problem.errors)).toMatch(message);
    }
  });

  it(`allows ${MAX_SUBSCRIPTIONS_PER_OWNER} subscriptions per user`, async () => {
    const { token } = await signedIn();
    const body = { events: ["engine.unreachable"], target: { kind: "console" } };
    for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_OWNER; i++) await subscribe(token, body);
    const refused = await problemOf(await postSubscription(token, body));
    expect(refused.status).toBe(409);
    expect(refused.detail).toMatch(/At most 50 subscriptions per user/);
  });

  it("audits every change: an attempt before, the outcome after", async () => {
    const { user, token } = await signedIn();
    const created = await subscribe(token, webhook());
    expect((await send(token, "POST", `/api/v1/subscriptions/${created.id}/secret`)).status).toBe(200);
    expect((await send(token, "DELETE", `/api/v1/subscriptions/${created.id}`)).status).toBe(204);
    const rows = await auditRows(and(eq(auditEvents.actor, user.username), like(auditEvents.action, "subscription.%")));
    expect(rows.map((row) => `${row.action} ${row.outcome}`)).toEqual([
      "subscription.create attempt",
      "subscription.create success",
      "subscription.rotate-secret attempt",
      "subscription.rotate-secret success",
      "subscription.delete attempt",
      "subscription.delete success",
    ]);
    expect(rows.every((row) => row.target === `subscription:${created.id}`)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(created.secret);
    expect(rows[0]!.metadata).toMatchObject({
      target: { kind: "webhook", format: "teams" },
      events: ["job.abend", "job.late"],
    });
  });
});

describe("PATCH /api/v1/subscriptions/{id}", () => {
  it("changes the events, names, quiet hours and language; the target and its secret stay; audited", async () => {
    const { user, token } = await signedIn();
    const created = await subscribe(token, webhook());
    const response = await patchSubscription(token, created.id, {
      events: ["job.failed"],
      match: { job_stream: "BANK_*" },
      quiet_hours: null,
      language: "en",
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const { secret: _secret, ...before } = created;
    const changed = await response.json();
    expect(changed).toEqual({
      ...before,
      events: ["job.failed"],
      match: { job_stream: "BANK_*" },
      quiet_hours: null,
      language: "en",
    });
    expect(await (await get(token, `/api/v1/subscriptions/${created.id}`)).json()).toEqual(changed);
    const onlyQuiet = await patchSubscription(token, created.id, { quiet_hours: { from: "23:00", to: "06:00" } });
    expect(await onlyQuiet.json()).toMatchObject({
      events: ["job.failed"],
      quiet_hours: { from: "23:00", to: "06:00", time_zone: "UTC" },
    });

    const rows = await auditRows(
      and(eq(auditEvents.actor, user.username), like(auditEvents.action, "subscription.change")),
    );
    expect(rows.map((row) => row.outcome)).toEqual(["attempt", "success", "attempt", "success"]);
    expect(rows[0]!.metadata).toMatchObject({ events: ["job.failed"], quiet_hours: null });
  });

  it("refuses an empty change, a new target, a job.succeeded without an exact job, and others' subscriptions", async () => {
    const { token } = await signedIn();
    const created = await subscribe(token, webhook());
    const cases: [unknown, string, RegExp][] = [
      [{}, "body", /change one of/],
      [{ target: { kind: "console" } }, "body", /Unrecognized key: "target"/],
      [{ events: ["job.succeeded"] }, "body.match.job", /exact name/],
      [{ quiet_hours: { from: "07:00", to: "07:00" } }, "body.quiet_hours", /differ/],
    ];
    for (const [body, path, message] of cases) {
      const problem = await problemOf(await patchSubscription(token, created.id, body));
      expect(problem.status, JSON.stringify(body)).toBe(400);
      const error = problem.errors?.find((e) => e.path === path);
      expect(`${error?.path} ${error?.message ?? problem.detail}`, JSON.stringify(problem.errors)).toMatch(message);
    }
    const other = await signedIn();
    expect((await patchSubscription(other.token, created.id, { language: "en" })).status).toBe(404);
    expect(await (await get(token, `/api/v1/subscriptions/${created.id}`)).json()).toMatchObject({ language: "pt" });
  });
});
