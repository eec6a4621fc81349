// The OQL subset of `GET /plan/job?oql=`: operators, precedence, ORDER BY, LIKE wildcards, quoting, errors.
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { engineErrorOf, expectNoContractViolations, simulatorAt, type Job } from "./simulator-helpers";

const engine = simulatorAt(inject("hwaSimulatorUrl"));
afterAll(() => expectNoContractViolations(engine));

async function select(oql: string): Promise<Job[]> {
  const page = await engine.jobs(oql);
  expect(page.count).toBe(page.results.length);
  return page.results;
}

const names = (jobs: Job[]) => jobs.map((job) => `${job.jobStreamName}.${job.name}`);

describe("comparisons", () => {
  it("= selects exactly the jobs with that value", async () => {
    const jobs = await select("name = 'LOAD'");
    expect(names(jobs).sort()).toEqual(["DWH_NIGHTLY.LOAD", "ETL_DWH.LOAD"]);
  });

  it("!= and <> select everything else", async () => {
    const all = await select("");
    const payroll = await select("jobStreamName = 'PAYROLL'");
    const others = await select("jobStreamName != 'PAYROLL'");
    expect(payroll.length).toBeGreaterThan(5);
    expect(others.length).toBe(all.length - payroll.length);
    expect(others.some((job) => job.jobStreamName === "PAYROLL")).toBe(false);
    expect((await select("jobStreamName <> 'PAYROLL'")).length).toBe(others.length);
  });

  it("compares integers as numbers", async () => {
    const high = await select("priority >= 50");
    expect(high.length).toBeGreaterThan(0);
    expect(high.every((job) => job.priority >= 50)).toBe(true);
    const low = await select("priority < 50");
    expect(high.length + low.length).toBe((await select("")).length);
  });

  it("matches values case-sensitively, and field names and keywords in any case", async () => {
    expect(await select("jobStreamName = 'payroll'")).toEqual([]);
    const mixed = await select("JOBSTREAMNAME = 'PAYROLL' and Name like 'PAYROLL@' order by NAME desc");
    expect(mixed.length).toBeGreaterThan(3);
    expect(mixed.every((job) => job.jobStreamName === "PAYROLL" && job.name.startsWith("PAYROLL"))).toBe(true);
  });

  it("IN takes a list in brackets (HWA's form) or parentheses", async () => {
    const brackets = await select("jobStreamName IN ['PAYROLL', 'BILLING_EOD']");
    const parentheses = await select("jobStreamName IN ('PAYROLL','BILLING_EOD')");
    const payroll = await select("jobStreamName = 'PAYROLL'");
    const billing = await select("jobStreamName = 'BILLING_EOD'");
    expect(brackets.length).toBe(payroll.length + billing.length);
    expect(names(parentheses)).toEqual(names(brackets));
    const notIn = await select("jobStreamName NOT IN ['PAYROLL', 'BILLING_EOD']");
    expect(notIn.length + brackets.length).toBe((await select("")).length);
  });
});

describe("LIKE", () => {
  it("@ and % stand for any run of characters", async () => {
    const prefix = await select("name LIKE 'PAYROLL@'");
    expect(prefix.length).toBeGreaterThan(5);
    expect(prefix.every((job) => job.name.startsWith("PAYROLL"))).toBe(true);
    const suffix = await select("name LIKE '%_REPORT'");
    expect(suffix.length).toBeGreaterThan(5);
    expect(suffix.every((job) => job.name.endsWith("_REPORT"))).toBe(true);
    const middle = await select("name LIKE '@SALES@'");
    expect(middle.every((job) => job.name.includes("SALES"))).toBe(true);
    expect(middle.length).toBeGreaterThan(3);
  });

  it("treats _ as an ordinary character, not a single-character wildcard", async () => {
    expect(await select("name LIKE 'LOA_'")).toEqual([]);
    expect(names(await select("name LIKE 'LOAD'")).sort()).toEqual(["DWH_NIGHTLY.LOAD", "ETL_DWH.LOAD"]);
  });

  it("NOT LIKE is the complement", async () => {
    const like = await select("name LIKE 'CHECK_@'");
    const notLike = await select("name NOT LIKE 'CHECK_@'");
    expect(like.length + notLike.length).toBe((await select("")).length);
  });
});

describe("logic", () => {
  it("AND binds tighter than OR, and parentheses change that", async () => {
    const payroll = await select("jobStreamName = 'PAYROLL'");
    const loose = await select("jobStreamName = 'PAYROLL' OR jobStreamName = 'BILLING_EOD' AND name = 'BILLING_CLOSE'");
    expect(names(loose).sort()).toEqual([...names(payroll), "BILLING_EOD.BILLING_CLOSE"].sort());
    const grouped = await select(
      "(jobStreamName = 'PAYROLL' OR jobStreamName = 'BILLING_EOD') AND name = 'BILLING_CLOSE'",
    );
    expect(names(grouped)).toEqual(["BILLING_EOD.BILLING_CLOSE"]);
  });

  it("NOT negates a condition or a group", async () => {
    const all = await select("");
    const notPayroll = await select("NOT (jobStreamName = 'PAYROLL' OR jobStreamName = 'BILLING_EOD')");
    const either = await select("jobStreamName = 'PAYROLL' OR jobStreamName = 'BILLING_EOD'");
    expect(notPayroll.length).toBe(all.length - either.length);
  });

  it("filters on the last run's status, the common status, workstation and folder", async () => {
    const abended = await select("jobruns.compositeStatus.status = 'ABEND'");
    expect(abended.length).toBeGreaterThan(0);
    for (const job of abended) {
      expect(job.lastRunCompositeStatus.status).toBe("ABEND");
      expect(job.jobruns.at(-1)!.returnCode).not.toBe(0);
    }
    // A job that abended and then ended well on rerun is not ABEND any more.
    expect(names(abended)).not.toContain("PAYROLL.PAYROLL_CALC");
    expect(names(await select("lastRunCompositeStatus.status = 'ABEND'"))).toEqual(names(abended));
    expect(names(await select("lastRunCommonStatus = 'ERROR'"))).toEqual(names(abended));

    const onAgent = await select("workstation = 'AGT_WIN01' AND folder = '/HR/'");
    expect(onAgent.length).toBeGreaterThan(0);
    expect(onAgent.every((job) => job.workstation === "AGT_WIN01" && job.folder === "/HR/")).toBe(true);
  });
});

describe("ORDER BY", () => {
  it("sorts ascending by default, descending on request, by several keys", async () => {
    const ascending = await select("jobStreamName = 'PAYROLL' ORDER BY name");
    expect(ascending.map((job) => job.name)).toEqual(ascending.map((job) => job.name).sort());
    const descending = await select("jobStreamName = 'PAYROLL' ORDER BY name DESC");
    expect(descending.map((job) => job.name)).toEqual(ascending.map((job) => job.name).reverse());

    const both = await select("name LIKE 'LOAD@' ORDER BY jobStreamName ASC, name DESC");
    const expected = [...both].sort((a, b) =>
      a.jobStreamName === b.jobStreamName ? (a.name < b.name ? 1 : -1) : a.jobStreamName < b.jobStreamName ? -1 : 1,
    );
    expect(names(both)).toEqual(names(expected));
  });

  it("works without a filter", async () => {
    const sorted = await select("ORDER BY name ASC");
    expect(sorted.length).toBe((await select("")).length);
    expect(sorted[0]!.name <= sorted[1]!.name).toBe(true);
  });
});

describe("quoting", () => {
  it("'' is a quote inside a value", async () => {
    expect(await select("name = 'O''BRIEN'")).toEqual([]);
  });

  it("keeps an injection attempt inside a literal a literal", async () => {
    const all = await select("");
    const injected = await select("name = 'x'' OR name LIKE ''@'");
    expect(injected).toEqual([]);
    // The same text unescaped is a real OR, and selects everything: the escaping is what kept it out.
    expect((await select("name = 'x' OR name LIKE '@'")).length).toBe(all.length);
  });
});

describe("syntax errors", () => {
  it.each([
    ["a missing value", "name ="],
    ["an unterminated string", "name = 'PAYROLL"],
    ["a doubled operator", "name == 'x'"],
    ["an unknown operator", "name ~ 'x'"],
    ["an unclosed parenthesis", "(name = 'x'"],
    ["a dangling AND", "name = 'x' AND"],
    ["an unknown field", "color = 'blue'"],
    ["IN without a list", "name IN 'x'"],
    ["LIKE without a string", "name LIKE 5"],
    ["ORDER without BY", "ORDER name"],
    ["ORDER BY without a field", "name = 'x' ORDER BY"],
    ["trailing words", "name = 'x' extra"],
    ["a double-quoted string", 'name = "x"'],
  ])("answers 400 with the engine's error body for %s", async (_, oql) => {
    const response = await engine.call("GET", `/api/v2/plan/job?oql=${encodeURIComponent(oql)}`);
    const body = await engineErrorOf(response, 400);
    expect(body.messages[0]).toMatch(/^AWSJ\w+E OQL_FILTER_SYNTAX_ERROR /);
  });
});

describe("job streams", () => {
  it("take OQL over their own fields", async () => {
    const page = await engine.get<{ count: number; results: { name: string; workstation: string }[] }>(
      `/api/v2/plan/jobstream?oql=${encodeURIComponent("workstation = 'FTA_SAP01' ORDER BY name DESC")}`,
    );
    expect(page.count).toBeGreaterThan(2);
    expect(page.results.every((jobStream) => jobStream.workstation === "FTA_SAP01")).toBe(true);
    const sorted = page.results.map((jobStream) => jobStream.name);
    expect(sorted).toEqual([...sorted].sort().reverse());
    const wrongField = await engine.call(
      "GET",
      `/api/v2/plan/jobstream?oql=${encodeURIComponent("jobruns.compositeStatus.status = 'ABEND'")}`,
    );
    await engineErrorOf(wrongField, 400);
  });
});
