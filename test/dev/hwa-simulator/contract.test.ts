// The simulator held to WA_API3_v2.json: a sweep over every object of the plan through every read endpoint,
// checked by the simulator as it answers; then the violations it recorded must be none. The check itself is
// shown to reject what the document rejects. (The state-changing files check their own simulators' action
// responses the same way, in their afterAll.)
import { describe, expect, inject, it } from "vitest";
import { engineErrorOf, simulatorAt, type Job, type JobStream, type Page, type Workstation } from "./simulator-helpers";

const engine = simulatorAt(inject("hwaSimulatorUrl"));

async function contractErrors(path: string, body: unknown, status = 200): Promise<string[]> {
  const response = await fetch(`${engine.baseUrl}/__control/contract/check`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ method: "GET", path, status, body }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { errors: string[] }).errors;
}

describe("contract", () => {
  it("every response of a sweep over the whole plan keeps the document's schemas", { timeout: 30_000 }, async () => {
    const before = await engine.violations();
    let requests = 0;
    const get = async <T>(path: string): Promise<T> => {
      requests++;
      return engine.get<T>(path);
    };

    await get("/api/v2/engine/info");
    const jobs = await get<Page<Job>>("/api/v2/plan/job");
    await get("/api/v2/plan/job?limit=7&offset=7");
    await get(
      `/api/v2/plan/job/count?plan_filter=${encodeURIComponent("/@/@#/@/@.@")}&grouping_filters=workstation,status,folder`,
    );
    for (const job of jobs.results) {
      const detail = await get<Job>(`/api/v2/plan/job/${job.id}`);
      if (detail.dependencies!.length > 0) await get(`/api/v2/plan/job/${job.id}/predecessors?depth=10`);
      await get(`/api/v2/plan/job/${job.id}/successors?depth=10`);
      const run = detail.jobruns.at(-1)!;
      if (run.timeInfo.actualStartTime) {
        requests++;
        expect((await engine.call("GET", `/api/v2/plan/job/run/${run.id}/joblog?from_line=1&to_line=20`)).status).toBe(
          200,
        );
      }
    }
    const jobStreams = await get<Page<JobStream>>("/api/v2/plan/jobstream");
    for (const jobStream of jobStreams.results) await get(`/api/v2/plan/jobstream/${jobStream.id}`);
    const workstations = await get<Page<Workstation>>("/api/v2/plan/workstation");
    for (const workstation of workstations.results) await get(`/api/v2/plan/workstation/${workstation.id}`);
    requests++;
    await engineErrorOf(await engine.call("GET", "/api/v2/plan/job/unknown"), 404);

    const after = await engine.violations();
    expect(after.checked - before.checked).toBeGreaterThanOrEqual(requests);
    expect(after.violations).toEqual([]);
  });

  it("records no violation for anything the read-only files asked either", async () => {
    const { checked, violations } = await engine.violations();
    expect(checked).toBeGreaterThan(0);
    expect(violations).toEqual([]);
  });

  it("rejects what the document rejects: wrong types, unknown enum values, bad formats, missing required fields", async () => {
    const job = (await engine.get<Page<Job>>("/api/v2/plan/job?limit=1")).results[0]!;
    expect(await contractErrors("/twsd/api/v2/plan/job/{job_id}", job)).toEqual([]);
    const broken = {
      ...job,
      priority: "high",
      lastRunCommonStatus: "FINE",
      jobruns: [{ ...job.jobruns[0], timeInfo: { elapsedTime: "5 minutes", actualStartTime: "yesterday" } }],
    };
    const errors = await contractErrors("/twsd/api/v2/plan/job/{job_id}", broken);
    expect(errors).toEqual(
      expect.arrayContaining([
        "/priority must be integer",
        "/lastRunCommonStatus must be equal to one of the allowed values",
        '/jobruns/0/timeInfo/elapsedTime must match format "duration"',
        '/jobruns/0/timeInfo/actualStartTime must match format "date-time"',
      ]),
    );
    expect(await contractErrors("/twsd/api/v2/plan/jobstream/{jobstream_id}", { name: "NO_ORIGINAL_NAME" })).toEqual([
      "/ must have required property 'originalJobStreamName'",
    ]);
    expect(await contractErrors("/twsd/api/v2/plan/job", { count: 1, results: [], next: null })).toEqual([
      "/next must be string",
    ]);
  });

  it("holds each dependency to the schema its dependencyType names (the document's oneOf cannot be met)", async () => {
    const load = (await engine.jobs("jobStreamName = 'ETL_DWH' AND name = 'LOAD'")).results[0]!;
    const detail = await engine.job(load.id);
    const internal = detail.dependencies![0]!;
    expect(internal.dependencyType).toBe("INTERNAL");
    expect(await contractErrors("/twsd/api/v2/plan/job/{job_id}", detail)).toEqual([]);

    const { jobId: _, ...withoutJobId } = internal;
    const errors = await contractErrors("/twsd/api/v2/plan/job/{job_id}", { ...detail, dependencies: [withoutJobId] });
    expect(errors).toContain("/dependencies/0 must have required property 'jobId'");
    const badStatus = await contractErrors("/twsd/api/v2/plan/job/{job_id}", {
      ...detail,
      dependencies: [{ ...internal, dependencyStatus: "MAYBE" }],
    });
    expect(badStatus).toContain("/dependencies/0/dependencyStatus must be equal to one of the allowed values");
  });

  it("checks content types and declared statuses, and leaves HWA's undeclared error bodies alone", async () => {
    const check = async (path: string, status: number, contentType: string, body: unknown) => {
      const response = await fetch(`${engine.baseUrl}/__control/contract/check`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ method: "GET", path, status, contentType, body }),
      });
      return ((await response.json()) as { errors: string[] }).errors;
    };
    expect(await check("/twsd/api/v2/plan/job/run/{run_id}/joblog", 200, "application/json", { log: "x" })).toEqual([
      "content type application/json is not declared (declared: text/plain; charset=utf-8)",
    ]);
    expect(
      await check("/twsd/api/v2/plan/job/run/{run_id}/joblog", 200, "text/plain; charset=utf-8", undefined),
    ).toEqual([]);
    expect(await check("/twsd/api/v2/plan/job", 202, "application/json", {})).toEqual([
      "status 202 is not declared for GET /twsd/api/v2/plan/job",
    ]);
    expect(await check("/twsd/api/v2/plan/job", 404, "application/json", { exceptionName: "x", messages: [] })).toEqual(
      [],
    );
  });
});
