import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { AuditOutcome, QueuedAuditEvent } from "../../src/platform/audit/event";
import { bearer, createUser, ORIGIN, tokenFor } from "../helpers/accounts";
import { borrowJobs } from "../helpers/borrowed-jobs";
import { problemOf } from "../helpers/worker";
import { auditPage, getAudit, HOUR, newestFirst, type Page, seed } from "./helpers";

const { jobIn } = borrowJobs();

let admin: string;
beforeAll(async () => {
  admin = await tokenFor(await createUser("admin"));
});

const get = (query: Record<string, string>, token = admin) => getAudit(token, query);
const page = (query: Record<string, string>) => auditPage(admin, query);

describe("GET /api/v1/audit", () => {
  it("pages through 1,000 events newest first with a signed cursor: no gaps, no repeats", async () => {
    // Three events share each millisecond, so pages also break ties on the id.
    const { actor, events } = await seed(1000, (i, at) => ({ at: at - (i % 3) * 1000 }));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const next: Page = await page({ actor, limit: "37", ...(cursor ? { cursor } : {}) });
      expect(next.items.length).toBeLessThanOrEqual(37);
      seen.push(...next.items.map((e) => e.id!));
      cursor = next.next_cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(Math.ceil(1000 / 37));
    expect(new Set(seen).size).toBe(1000);
    expect(seen).toEqual(newestFirst(events));
  });

  it("filters by actor, exact action, action prefix, target, outcome and time range", async () => {
    const outcomes: AuditOutcome[] = ["attempt", "success", "failure", "denied"];
    const actions = ["job.hold", "job.rerun", "jobs.other", "job", "user.create", "workflow.run.step"];
    const { actor, events } = await seed(48, (i) => ({
      action: actions[i % actions.length],
      outcome: outcomes[i % outcomes.length],
      target: `T-${i % 5}`,
    }));
    const ids = (predicate: (e: QueuedAuditEvent) => boolean) => newestFirst(events.filter(predicate));
    const idsOf = async (query: Record<string, string>) =>
      (await page({ actor, limit: "500", ...query })).items.map((e) => e.id);

    expect(await idsOf({})).toEqual(newestFirst(events));
    expect(await idsOf({ action: "job.hold" })).toEqual(ids((e) => e.action === "job.hold"));
    // `job.*` is job.hold and job.rerun: not "jobs.other", not "job" itself.
    expect(await idsOf({ action: "job.*" })).toEqual(ids((e) => e.action.startsWith("job.")));
    expect(await idsOf({ action: "workflow.run.*" })).toEqual(ids((e) => e.action === "workflow.run.step"));
    expect(await idsOf({ action: "workflow.*" })).toEqual(ids((e) => e.action === "workflow.run.step"));
    expect(await idsOf({ target: "T-3" })).toEqual(ids((e) => e.target === "T-3"));
    expect(await idsOf({ outcome: "denied" })).toEqual(ids((e) => e.outcome === "denied"));
    const since = new Date(events[10]!.at).toISOString();
    const until = new Date(events[20]!.at).toISOString();
    expect(await idsOf({ since, until })).toEqual(ids((e) => e.at >= events[10]!.at && e.at < events[20]!.at));
    // The same instant written in another offset is the same filter.
    const sinceAtPlusTwo = new Date(events[10]!.at + 2 * HOUR).toISOString().replace("Z", "+02:00");
    expect(await idsOf({ since: sinceAtPlusTwo })).toEqual(ids((e) => e.at >= events[10]!.at));
    expect(await idsOf({ action: "job.*", outcome: "attempt", target: "T-0" })).toEqual(
      ids((e) => e.action.startsWith("job.") && e.outcome === "attempt" && e.target === "T-0"),
    );

    const shown = (await page({ actor, action: "job.hold", limit: "1" })).items[0]!;
    const original = events.find((e) => e.id === shown.id)!;
    expect(shown).toEqual({
      id: original.id,
      at: new Date(original.at).toISOString(),
      actor,
      action: "job.hold",
      target: original.target,
      outcome: original.outcome,
      correlation_id: original.correlation_id,
      ip: "192.0.2.7",
      metadata: original.metadata,
    });
  });

  it("refuses a tampered, foreign or malformed cursor (400), and invalid filters", async () => {
    const { actor } = await seed(5);
    const first = await page({ actor, limit: "2" });
    const cursor = first.next_cursor!;
    const [payload, mac] = cursor.split(".") as [string, string];
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === "A" ? "B" : "A") + text.slice(at + 1);
    // Another position under the genuine signature.
    const forgedPayload = btoa(JSON.stringify([Date.now() + 1e12, 1e9]))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
    const refused = [
      `${flip(payload, 5)}.${mac}`,
      `${payload}.${flip(mac, 3)}`,
      `${forgedPayload}.${mac}`,
      "not-a-cursor",
      `${payload}.${mac}.extra`,
    ];
    for (const bad of refused) {
      const response = await get({ actor, limit: "2", cursor: bad });
      expect(response.status, bad).toBe(400);
      expect((await problemOf(response)).type).toBe("urn:resync:problem:invalid-cursor");
    }
    // A genuine cursor of other filters is foreign here.
    expect((await get({ actor, limit: "2", outcome: "success", cursor })).status).toBe(400);
    expect((await get({ actor, limit: "2", cursor })).status).toBe(200);

    const invalid: Record<string, string>[] = [
      { limit: "501" },
      { outcome: "maybe" },
      { since: "yesterday" },
      { action: "job.*.hold" },
      { action: "*" },
      { format: "xml" },
      { colour: "red" },
    ];
    for (const query of invalid) {
      expect((await get(query)).status, JSON.stringify(query)).toBe(400);
    }
  });

  it("is in the OpenAPI document: its filters, the three answers and the problems", async () => {
    const doc = (await (await SELF.fetch(`${ORIGIN}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, any>>;
      components: { schemas: Record<string, unknown> };
    };
    const operation = doc.paths["/api/v1/audit"]!.get;
    expect(operation.parameters.map((p: { name: string }) => p.name).sort()).toEqual(
      ["action", "actor", "cursor", "format", "limit", "outcome", "since", "target", "until"].sort(),
    );
    expect(Object.keys(operation.responses["200"].content).sort()).toEqual([
      "application/json",
      "application/x-ndjson",
      "text/csv",
    ]);
    expect(operation.responses["200"].headers).toHaveProperty("Content-Disposition");
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["400", "401", "403", "503"]));
    expect(doc.components.schemas).toHaveProperty("AuditEvent");
  });

  it("is for admins: 403 for an operator and a viewer, 401 anonymous", async () => {
    const [operator, viewer] = await Promise.all([
      tokenFor(await createUser("operator")),
      tokenFor(await createUser("viewer")),
    ]);
    expect((await get({}, operator)).status).toBe(403);
    expect((await get({}, viewer)).status).toBe(403);
    const anonymous = await SELF.fetch(`${ORIGIN}/api/v1/audit`);
    expect(anonymous.status).toBe(401);
    expect((await problemOf(anonymous)).status).toBe(401);
  });

  it("shows a job action as its attempt and its outcome, with one correlation id", async () => {
    const job = await jobIn("READY");
    const operator = await createUser("operator");
    const response = await SELF.fetch(`${ORIGIN}/api/v1/jobs/${encodeURIComponent(job.id)}/actions/hold`, {
      method: "POST",
      headers: { ...bearer(await tokenFor(operator)), "Idempotency-Key": crypto.randomUUID() },
    });
    expect(response.status).toBe(200);
    const items = await vi.waitFor(
      async () => {
        const found = (await page({ actor: operator.username, action: "job.*" })).items;
        expect(found).toHaveLength(2);
        return found;
      },
      { timeout: 15_000, interval: 100 },
    );
    expect(items.map((e) => e.outcome)).toEqual(["success", "attempt"]);
    expect(new Set(items.map((e) => e.correlation_id))).toEqual(new Set([response.headers.get("X-Correlation-ID")]));
    expect(items.every((e) => e.target === job.id && e.action === "job.hold")).toBe(true);
  });
});
