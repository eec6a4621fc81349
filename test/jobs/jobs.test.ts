import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { Job, JobDetail } from "../../src/jobs/job";
import { jobsOql } from "../../src/jobs/jobs.handlers";
import { bearer, createUser, ORIGIN, tokenFor } from "../helpers/accounts";
import { CLOSED_URL, fetchWith, problemOf } from "../helpers/worker";

let token: string;
beforeAll(async () => {
  token = await tokenFor(await createUser("viewer"));
});

async function get(path: string) {
  return SELF.fetch(`${ORIGIN}${path}`, { headers: bearer(token) });
}

async function jobs(query: string): Promise<{ items: Job[]; next_cursor: string | null }> {
  const response = await get(`/api/v1/jobs?${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as { items: Job[]; next_cursor: string | null };
}

describe("GET /api/v1/jobs", () => {
  it("needs authentication", async () => {
    expect((await SELF.fetch(`${ORIGIN}/api/v1/jobs`)).status).toBe(401);
  });

  it("maps HWA jobs to Resync's Job shape", async () => {
    const { items } = await jobs("limit=20");
    expect(items).toHaveLength(20);
    for (const job of items) {
      expect(job.id).toBeTruthy();
      expect(job.name).toBeTruthy();
      expect(job.status).toMatch(/^[A-Z]+$/);
      expect(job.common_status).toBeTruthy();
      expect(job.job_stream).toBeTruthy();
      expect(job.workstation).toBeTruthy();
      expect(job.dependencies.total).toBeGreaterThanOrEqual(job.dependencies.unresolved);
    }
  });

  it("filters by status, and every item has that status", async () => {
    const { items } = await jobs("status=ABEND&limit=500");
    expect(items.length).toBeGreaterThan(0);
    for (const job of items) {
      expect(job.status).toBe("ABEND");
      expect(job.common_status).toBe("ERROR");
      expect(job.return_code).not.toBe(0);
    }
  });

  it("filters by stream and by name with * wildcards", async () => {
    const sample = (await jobs("limit=1")).items[0]!;
    const byStream = await jobs(`stream=${encodeURIComponent(sample.job_stream!)}&limit=500`);
    expect(byStream.items.length).toBeGreaterThan(0);
    expect(byStream.items.every((j) => j.job_stream === sample.job_stream)).toBe(true);
    const prefix = sample.name.slice(0, 3);
    const byName = await jobs(`name=${encodeURIComponent(`${prefix}*`)}&limit=500`);
    expect(byName.items.map((j) => j.name)).toContain(sample.name);
    expect(byName.items.every((j) => j.name.startsWith(prefix))).toBe(true);
  });

  it("treats an injection attempt in a filter as a literal name", async () => {
    for (const name of ["X' OR name = 'Y", "X' OR '1'='1*"])
      expect((await jobs(`name=${encodeURIComponent(name)}`)).items, name).toEqual([]);
    const other = await jobs(`stream=${encodeURIComponent("') OR (1=1")}`);
    expect(other.items).toEqual([]);
  });

  it("pages to the end with cursors, every job exactly once, whatever the page size", async () => {
    async function collect(limit: number): Promise<{ ids: string[]; pages: number }> {
      const ids: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { items: Job[]; next_cursor: string | null } = await jobs(
          `limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`,
        );
        ids.push(...page.items.map((j) => j.id));
        cursor = page.next_cursor;
        pages += 1;
      } while (cursor && pages < 100);
      expect(cursor).toBeNull();
      return { ids, pages };
    }
    const small = await collect(37);
    const large = await collect(500);
    expect(small.pages).toBeGreaterThan(1);
    expect(new Set(small.ids).size).toBe(small.ids.length);
    expect(small.ids).toEqual(large.ids);
  });

  it("refuses a cursor of another query, and bad parameters", async () => {
    const first = await jobs("limit=5");
    const mismatch = await get(`/api/v1/jobs?limit=5&status=ABEND&cursor=${first.next_cursor}`);
    expect(mismatch.status).toBe(400);
    expect((await problemOf(mismatch)).errors![0]!.path).toBe("query.cursor");
    const bad = await get("/api/v1/jobs?limit=501&status=AB%20END&unknown=1");
    expect(bad.status).toBe(400);
    const paths = (await problemOf(bad)).errors!.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["query.limit", "query.status"]));
  });
});

describe("HWA's words stay HWA's", () => {
  it("an unknown job is a 404 in our words, with HWA's message code beside them and nothing else of HWA's", async () => {
    const response = await get("/api/v1/jobs/no-such-job-in-the-plan");
    expect(response.status).toBe(404);
    const text = await response.clone().text();
    expect(await problemOf(response)).toMatchObject({
      detail: "HWA has no such object in its current plan",
      hwa_code: "AWSJPL506E",
    });
    expect(text).not.toMatch(/no-such-job-in-the-plan"? was found|provided ID|twsd|127\.0\.0\.1/);
  });
});

describe("name filters", () => {
  it("@ and % are refused, not taken as HWA's wildcards: * is the only one", async () => {
    const all = await jobs("limit=500");
    const name = all.items[0]!.name;
    for (const filter of [`${name.slice(0, 2)}@`, `${name.slice(0, 2)}%*`, "*@*", "%"]) {
      const response = await get(`/api/v1/jobs?name=${encodeURIComponent(filter)}`);
      expect(response.status, filter).toBe(400);
      expect((await problemOf(response)).errors![0]!.path).toBe("query.name");
    }
    const starred = await jobs(`name=${encodeURIComponent(`${name.slice(0, 2)}*`)}&limit=500`);
    expect(starred.items.length).toBeGreaterThan(0);
    expect(starred.items.every((job) => job.name.startsWith(name.slice(0, 2)))).toBe(true);
  });
});

describe("cursors are signed", () => {
  it("a forged, edited or foreign cursor is a 400 before HWA is asked; a huge offset never reaches it", async () => {
    const first = await jobs("limit=5");
    const [, signature] = first.next_cursor!.split(".");
    const b64 = (text: string) => btoa(text).replace(/=+$/, "");
    // The old cursor format (base64 JSON with the query in it), an offset with another signature, one edited, garbage.
    const forged = [
      b64(JSON.stringify({ o: 250, q: `${jobsOql({ limit: 5 })}|` })),
      `${b64("250")}.${signature}`,
      `${b64("999999999999")}.${signature}`,
      `${first.next_cursor}x`,
      "not-a-cursor",
    ];
    // With no cache and HWA unreachable, any cursor that got past the check would answer 503.
    const noHwa = { HWA_BASE_URL: CLOSED_URL, CACHE_DISABLED: "true" };
    for (const cursor of forged) {
      const response = await fetchWith(noHwa, `/api/v1/jobs?limit=5&cursor=${encodeURIComponent(cursor)}`, {
        headers: bearer(token),
      });
      expect(response.status, cursor).toBe(400);
      expect((await problemOf(response)).errors![0]!.path).toBe("query.cursor");
    }
    const accepted = await fetchWith(noHwa, `/api/v1/jobs?limit=5&cursor=${first.next_cursor}`, {
      headers: bearer(token),
    });
    expect(accepted.status).toBe(503);
    // The real one still pages.
    expect((await get(`/api/v1/jobs?limit=5&cursor=${first.next_cursor}`)).status).toBe(200);
  });
});

describe("GET /api/v1/jobs/{id} and its log and dependencies", () => {
  it("shows a job with a rerun chain: every run, the last one current", async () => {
    const { items } = await jobs("limit=500");
    let chained: JobDetail | undefined;
    for (const job of items) {
      const detail = (await (await get(`/api/v1/jobs/${encodeURIComponent(job.id)}`)).json()) as JobDetail;
      if (detail.runs.length > 1) {
        chained = detail;
        break;
      }
    }
    expect(chained, "the simulator's plan has a job with reruns").toBeDefined();
    const current = chained!.runs.filter((r) => r.last_in_rerun_chain);
    expect(current).toHaveLength(1);
    expect(chained!.run_id).toBe(current[0]!.run_id);
  });

  it("answers 404 problem+json for an unknown job", async () => {
    const response = await get("/api/v1/jobs/does-not-exist");
    expect(response.status).toBe(404);
    await problemOf(response);
  });

  it("serves a line range of the current run's log as text/plain", async () => {
    const job = (await jobs("status=ABEND&limit=1")).items[0]!;
    const whole = await get(`/api/v1/jobs/${encodeURIComponent(job.id)}/log`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("Content-Type")).toContain("text/plain");
    expect(whole.headers.get("Resync-Run-Id")).toBe(job.run_id);
    const lines = (await whole.text()).split("\n").filter(Boolean);
    expect(lines.length).toBeGreaterThan(5);
    const range = await (await get(`/api/v1/jobs/${encodeURIComponent(job.id)}/log?from_line=2&to_line=4`)).text();
    expect(range.split("\n").filter(Boolean)).toEqual(lines.slice(1, 4));
    const backwards = await get(`/api/v1/jobs/${encodeURIComponent(job.id)}/log?from_line=5&to_line=2`);
    expect(backwards.status).toBe(400);
  });

  it("lists predecessors and successors", async () => {
    const { items } = await jobs("limit=500");
    const waiting = items.find((j) => j.dependencies.total > 0)!;
    const response = await get(`/api/v1/jobs/${encodeURIComponent(waiting.id)}/dependencies`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { predecessors: Job[]; successors: Job[] };
    expect(body.predecessors.length).toBeGreaterThan(0);
    for (const predecessor of body.predecessors) expect(predecessor.id).not.toBe(waiting.id);
  });
});

describe("job streams, workstations, engine", () => {
  it("lists job streams with job counts, and shows one", async () => {
    const response = await get("/api/v1/jobstreams?limit=10");
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as {
      items: { id: string; name: string; jobs: { total: number | null } }[];
    };
    expect(items.length).toBeGreaterThan(0);
    const one = await get(`/api/v1/jobstreams/${encodeURIComponent(items[0]!.id)}`);
    expect(((await one.json()) as { name: string }).name).toBe(items[0]!.name);
  });

  it("lists workstations with their link state", async () => {
    const { items } = (await (await get("/api/v1/workstations")).json()) as {
      items: { name: string; type: string; linked: boolean }[];
    };
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.some((w) => w.linked)).toBe(true);
  });

  it("shows the engine", async () => {
    const engine = (await (await get("/api/v1/engine")).json()) as { display_version: string };
    expect(engine.display_version).toBeTruthy();
  });
});
