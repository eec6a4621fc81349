// Reading the plan: paging, one job, its predecessors and successors, counts, plan_filter, engine info, job
// streams and workstations. These tests only read, from the simulator the read-only files share.
import { afterAll, describe, expect, inject, it } from "vitest";
import {
  engineErrorOf,
  expectNoContractViolations,
  simulatorAt,
  type Job,
  type JobStream,
  type Page,
  type Workstation,
} from "./simulator-helpers";

const engine = simulatorAt(inject("hwaSimulatorUrl"));
afterAll(() => expectNoContractViolations(engine));

describe("paging", () => {
  it("answers {count, results, next, previous} with limit and offset", async () => {
    const all = await engine.get<Page<Job>>("/api/v2/plan/job");
    expect(all.count).toBe(all.results.length);
    expect(all.count).toBeGreaterThanOrEqual(300);
    expect(all.next).toBeUndefined();
    expect(all.previous).toBeUndefined();

    const first = await engine.get<Page<Job>>("/api/v2/plan/job?limit=100&offset=0");
    expect(first.count).toBe(all.count);
    expect(first.results.map((job) => job.id)).toEqual(all.results.slice(0, 100).map((job) => job.id));
    expect(first.previous).toBeUndefined();
    expect(first.next).toBeDefined();

    // Following `next` to the end visits every job once, in order.
    const seen = [...first.results];
    let next = first.next;
    let pages = 1;
    while (next) {
      const page = (await (
        await engine.call("GET", next.slice(next.indexOf("/twsd") + "/twsd".length))
      ).json()) as Page<Job>;
      expect(page.previous).toBeDefined();
      seen.push(...page.results);
      next = page.next;
      pages++;
    }
    expect(pages).toBe(Math.ceil(all.results.length / 100));
    expect(seen.map((job) => job.id)).toEqual(all.results.map((job) => job.id));
  });

  it("keeps the filter in next and previous, and points previous one page back", async () => {
    const oql = "name LIKE 'LOAD@' ORDER BY name";
    const page = await engine.get<Page<Job>>(`/api/v2/plan/job?oql=${encodeURIComponent(oql)}&limit=3&offset=3`);
    const previous = new URL(page.previous!);
    const next = new URL(page.next!);
    expect(previous.searchParams.get("oql")).toBe(oql);
    expect(previous.searchParams.get("offset")).toBe("0");
    expect(next.searchParams.get("offset")).toBe("6");
    expect(next.searchParams.get("limit")).toBe("3");
    expect(page.results.every((job) => job.name.startsWith("LOAD"))).toBe(true);
  });

  it("leaves the count out when asked with Include-Count: false", async () => {
    const page = await engine.get<Page<Job>>("/api/v2/plan/job?limit=5", { "Include-Count": "false" });
    expect(page.count).toBeUndefined();
    expect(page.results).toHaveLength(5);
    expect(page.next).toBeDefined();
  });

  it("answers an offset past the end with no results, and refuses a negative limit", async () => {
    const page = await engine.get<Page<Job>>("/api/v2/plan/job?limit=10&offset=100000");
    expect(page.results).toEqual([]);
    expect(page.count).toBeGreaterThan(0);
    await engineErrorOf(await engine.call("GET", "/api/v2/plan/job?limit=-1"), 400);
    await engineErrorOf(await engine.call("GET", "/api/v2/plan/job?offset=x"), 400);
  });
});

describe("one job", () => {
  it("has its runs, task, duration and dependencies, internal and external", async () => {
    const job = await engine.jobNamed("ETL_DWH", "STAGE_LOAD");
    expect(job.jobDefinition.task.command).toMatch(/sqlplus|\.sh|java/);
    expect(job.jobDefinition.estimatedDuration).toMatch(/^PT/);
    expect(job.jobruns.length).toBeGreaterThanOrEqual(1);
    expect(job.jobruns.at(-1)!.lastInRerunChain).toBe(true);
    const external = job.dependencies!.filter((dependency) => dependency.dependencyType === "EXTERNAL_JOB");
    expect(external.map((dependency) => `${dependency.jobStreamName}.${dependency.jobName}`).sort()).toEqual([
      "ETL_CRM_EXTRACT.CRM_EXTRACT_DONE",
      "ETL_ERP_EXTRACT.ERP_EXTRACT_DONE",
    ]);

    const load = await engine.jobNamed("ETL_DWH", "LOAD");
    expect(load.dependencies!.length).toBe(2);
    expect(load.dependencies!.every((dependency) => dependency.dependencyType === "INTERNAL")).toBe(true);
    expect(load.dependenciesStats.numberOfDependencies).toBe(2);
  });

  it("shows a waiting successor of an ABEND with an unsatisfied dependency", async () => {
    const waiting = await engine.jobNamed("BANK_RECON", "RECON_EXCEPTIONS");
    expect(waiting.lastRunCompositeStatus).toMatchObject({ status: "HOLD", substatus: "HOLD_WAITING_FOR_PREDECESSOR" });
    expect(waiting.lastRunCommonStatus).toBe("WAITING");
    expect(waiting.dependencies).toEqual([
      expect.objectContaining({ jobName: "RECON_MATCH", dependencyStatus: "UNSATISFIED", satisfied: false }),
    ]);
    expect(waiting.dependenciesStats.numberOfUnresolvedDependencies).toBe(1);
  });

  it("has a rerun chain whose last run only is lastInRerunChain", async () => {
    const job = await engine.jobNamed("PAYROLL", "PAYROLL_CALC");
    expect(job.jobruns.map((run) => run.compositeStatus.status)).toEqual(["ABEND", "ABEND", "SUCC"]);
    expect(job.jobruns.map((run) => run.lastInRerunChain)).toEqual([false, false, true]);
    expect(job.jobruns.map((run) => run.rerunType)).toEqual(["REGULAR", "RERUN", "RERUN"]);
    expect(job.jobruns[0]!.returnCode).not.toBe(0);
    expect(job.jobruns[2]!.returnCode).toBe(0);
    expect(new Set(job.jobruns.map((run) => run.id)).size).toBe(3);
  });

  it("answers 404 with the engine's message for an unknown id or plan", async () => {
    const body = await engineErrorOf(
      await engine.call("GET", "/api/v2/plan/job/00000000-0000-4000-8000-000000000000"),
      404,
    );
    expect(body.messages[0]).toContain("No job with the provided ID");
    const [some] = (await engine.get<Page<Job>>("/api/v2/plan/job?limit=1")).results;
    expect((await engine.call("GET", `/api/v2/plan/job/${some!.id}?plan_id=current`)).status).toBe(200);
    await engineErrorOf(await engine.call("GET", `/api/v2/plan/job/${some!.id}?plan_id=yesterday`), 404);
  });
});

describe("predecessors and successors", () => {
  it("list the jobs one level away, or further with depth", async () => {
    const load = await engine.jobNamed("ETL_DWH", "LOAD");
    const direct = await engine.get<{ count: number; results: Job[] }>(`/api/v2/plan/job/${load.id}/predecessors`);
    expect(direct.results.map((job) => job.name).sort()).toEqual(["LOAD_SALES_FACT", "LOAD_STOCK_FACT"]);
    expect(direct.count).toBe(2);

    const deep = await engine.get<{ results: Job[] }>(`/api/v2/plan/job/${load.id}/predecessors?depth=3`);
    const deepNames = deep.results.map((job) => `${job.jobStreamName}.${job.name}`);
    expect(deepNames).toEqual(expect.arrayContaining(["ETL_DWH.STAGE_LOAD", "ETL_DWH.LOAD_CUSTOMER_DIM"]));
    expect(deepNames).not.toContain("ETL_CRM_EXTRACT.CRM_EXTRACT_DONE");
    const deeper = await engine.get<{ results: Job[] }>(`/api/v2/plan/job/${load.id}/predecessors?depth=4`);
    expect(deeper.results.map((job) => `${job.jobStreamName}.${job.name}`)).toContain(
      "ETL_CRM_EXTRACT.CRM_EXTRACT_DONE",
    );

    const successors = await engine.get<{ results: Job[] }>(`/api/v2/plan/job/${load.id}/successors`);
    expect(successors.results.map((job) => job.name)).toEqual(["VALIDATE_COUNTS"]);
  });

  it("refuses a depth out of range and an unknown job", async () => {
    const load = await engine.jobNamed("ETL_DWH", "LOAD");
    await engineErrorOf(await engine.call("GET", `/api/v2/plan/job/${load.id}/successors?depth=0`), 400);
    await engineErrorOf(await engine.call("GET", "/api/v2/plan/job/nope/predecessors"), 404);
  });
});

describe("counts and plan_filter", () => {
  it("counts jobs, grouped on request", async () => {
    const all = await engine.get<Page<Job>>("/api/v2/plan/job");
    const count = await engine.get<{ count: number; groupedCount?: Record<string, number> }>(
      `/api/v2/plan/job/count?plan_filter=${encodeURIComponent("/@/@#/@/@.@")}&grouping_filters=status`,
    );
    expect(count.count).toBe(all.count);
    const abended = all.results.filter((job) => job.lastRunCompositeStatus.status === "ABEND").length;
    expect(count.groupedCount?.ABEND).toBe(abended);
    expect(Object.values(count.groupedCount ?? {}).reduce((a, b) => a + b, 0)).toBe(all.count);

    const byTwo = await engine.get<{ groupedCount: Record<string, number> }>(
      "/api/v2/plan/job/count?plan_filter=@%23PAYROLL.@&grouping_filters=workstation,status",
    );
    expect(Object.keys(byTwo.groupedCount).every((key) => key.startsWith("AGT_LNX01,"))).toBe(true);
    await engineErrorOf(await engine.call("GET", "/api/v2/plan/job/count?grouping_filters=colour"), 400);
  });

  it("selects jobs with a conman plan_filter, alone or with oql", async () => {
    const page = await engine.get<Page<Job>>(
      `/api/v2/plan/job?plan_filter=${encodeURIComponent("@#/DWH/ETL_@.LOAD@")}`,
    );
    expect(page.results.length).toBeGreaterThan(3);
    expect(
      page.results.every(
        (job) => job.folder === "/DWH/" && job.jobStreamName.startsWith("ETL_") && job.name.startsWith("LOAD"),
      ),
    ).toBe(true);
    const both = await engine.get<Page<Job>>(
      `/api/v2/plan/job?plan_filter=${encodeURIComponent("@#/DWH/ETL_@.LOAD@")}&oql=${encodeURIComponent("jobStreamName = 'ETL_DWH'")}`,
    );
    expect(both.results.length).toBeLessThan(page.results.length);
    await engineErrorOf(await engine.call("GET", "/api/v2/plan/job?plan_filter=nonsense"), 400);
  });
});

describe("engine, job streams and workstations", () => {
  it("describes the engine", async () => {
    const info = await engine.get<Record<string, unknown>>("/api/v2/engine/info");
    expect(info).toMatchObject({ displayVersion: "10.1.0.1", timezone: "UTC" });
    expect(info.fullVersion).toMatch(/^10\.1/);
  });

  it("lists job streams, and one with its jobs", async () => {
    const page = await engine.get<Page<JobStream>>("/api/v2/plan/jobstream");
    expect(page.count).toBeGreaterThanOrEqual(30);
    const payroll = page.results.find((jobStream) => jobStream.name === "PAYROLL")!;
    const one = await engine.get<JobStream>(`/api/v2/plan/jobstream/${payroll.id}`);
    expect(one.jobs!.map((job) => job.name)).toContain("PAYROLL_EXTRACT");
    expect(one.jobStreamStats.numberOfJob).toBe(one.jobs!.length);
    const bankRecon = page.results.find((jobStream) => jobStream.name === "BANK_RECON")!;
    expect(bankRecon.compositeStatus.status).toBe("STUCK");
    expect(bankRecon.commonStatus).toBe("BLOCKED");
    const hourly = page.results.filter((jobStream) => jobStream.name === "HOURLY_HEALTH");
    expect(hourly.length).toBeGreaterThan(1);
    await engineErrorOf(await engine.call("GET", "/api/v2/plan/jobstream/unknown-id"), 404);
  });

  it("lists workstations of every kind and state", async () => {
    const page = await engine.get<Page<Workstation>>("/api/v2/plan/workstation");
    expect(new Set(page.results.map((workstation) => workstation.type))).toEqual(
      new Set(["MANAGER", "AGENT", "POOL", "FTA"]),
    );
    const unlinked = page.results.find((workstation) => workstation.name === "AGT_AIX01")!;
    expect(unlinked.activeStates).not.toContain("LINKED");
    const one = await engine.get<Workstation>(`/api/v2/plan/workstation/${unlinked.id}`);
    expect(one.name).toBe("AGT_AIX01");
    const agents = await engine.get<Page<Workstation>>(
      `/api/v2/plan/workstation?oql=${encodeURIComponent("type = 'AGENT'")}`,
    );
    expect(agents.results.every((workstation) => workstation.type === "AGENT")).toBe(true);
    await engineErrorOf(await engine.call("GET", "/api/v2/plan/workstation/unknown-id"), 404);
  });

  it("keeps a job on an unlinked agent READY, waiting for the agent", async () => {
    const [job] = (await engine.jobs("workstation = 'AGT_AIX01' AND name LIKE 'INV_EXTRACT@'")).results;
    expect(job!.lastRunCompositeStatus).toMatchObject({ status: "READY", substatus: "READY_WAITING_FOR_AGENT" });
  });

  it("answers 404 for an unknown path and 405 for a wrong method", async () => {
    await engineErrorOf(await engine.call("GET", "/api/v2/plan/nothing"), 404);
    const wrongMethod = await engine.call("DELETE", "/api/v2/plan/job");
    await engineErrorOf(wrongMethod, 405);
    expect(wrongMethod.headers.get("allow")).toBe("GET");
  });
});
