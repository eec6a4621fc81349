// Fault injection through /__control/faults, and the request statistics clients' tests count upstream calls
// with. This file has a simulator of its own: its faults would break any other file's requests.
import { afterAll, afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { engineErrorOf, expectNoContractViolations, simulatorAt, type Job, type Page } from "./simulator-helpers";

const engine = simulatorAt(inject("hwaSimulatorFaultsUrl"));
beforeEach(() => engine.reset());
afterEach(() => engine.clearFaults());
afterAll(() => expectNoContractViolations(engine));

const info = () => engine.call("GET", "/api/v2/engine/info");

async function elapsedMs(action: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await action();
  return Date.now() - started;
}

describe("faults", () => {
  it("adds latency to engine requests, not to control requests", async () => {
    await engine.faults({ latencyMs: 300 });
    expect(await elapsedMs(async () => expect((await info()).status).toBe(200))).toBeGreaterThanOrEqual(290);
    expect(await elapsedMs(() => engine.stats())).toBeLessThan(250);
  });

  it("answers 429 with Retry-After for the next n requests, then normally", async () => {
    expect(await engine.faults({ rateLimit: { retryAfter: 2, count: 2 } })).toEqual({
      rateLimit: { retryAfter: 2, count: 2 },
    });
    for (let i = 0; i < 2; i++) {
      const response = await info();
      expect(response.headers.get("retry-after")).toBe("2");
      await engineErrorOf(response, 429);
    }
    expect((await info()).status).toBe(200);
  });

  it("fails the next n requests with the status asked for, counting down", async () => {
    await engine.faults({ failNext: { status: 503, count: 2 } });
    await engineErrorOf(await info(), 503);
    expect(await engine.call("GET", "/__control/faults").then((response) => response.json())).toEqual({
      failNext: { status: 503, count: 1 },
    });
    await engineErrorOf(await info(), 503);
    expect((await info()).status).toBe(200);
  });

  it("fails a share of requests with errorRate and errorStatus", async () => {
    await engine.faults({ errorRate: 1, errorStatus: 502 });
    for (let i = 0; i < 3; i++) await engineErrorOf(await info(), 502);
    await engine.faults({ errorRate: 0 });
    expect((await info()).status).toBe(200);
  });

  it("resets every connection while down, and answers again once the faults are cleared", async () => {
    await engine.faults({ down: true });
    await expect(info()).rejects.toThrow();
    expect((await engine.stats()).total).toBe(1);
    await engine.clearFaults();
    expect((await info()).status).toBe(200);
  });

  it("hangs requests until the faults are cleared", async () => {
    await engine.faults({ hang: true });
    const hung = fetch(`${engine.baseUrl}/api/v2/engine/info`, { signal: AbortSignal.timeout(300) });
    await expect(hung).rejects.toThrow();
    expect((await engine.stats()).total).toBe(1);
    await engine.clearFaults();
    expect((await info()).status).toBe(200);
  });

  it("slows the job log only", async () => {
    const [job] = (await engine.jobs("jobStreamName = 'PAYROLL' AND name = 'PAYROLL_EXTRACT'")).results;
    await engine.faults({ slowJoblogMs: 300 });
    const log = () => engine.call("GET", `/api/v2/plan/job/run/${job!.jobruns.at(-1)!.id}/joblog`);
    expect(await elapsedMs(async () => expect((await log()).status).toBe(200))).toBeGreaterThanOrEqual(290);
    expect(await elapsedMs(info)).toBeLessThan(250);
  });

  it("refuses faults that make no sense", async () => {
    for (const faults of [
      { errorRate: 2 },
      { latencyMs: -1 },
      { failNext: { status: 200 } },
      { down: "yes" },
      { surprise: true },
    ]) {
      const response = await fetch(`${engine.baseUrl}/__control/faults`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(faults),
      });
      await engineErrorOf(response, 400);
    }
    expect(await engine.call("GET", "/__control/faults").then((response) => response.json())).toEqual({});
  });
});

describe("stats", () => {
  it("count every engine request by route pattern, failed ones included, control ones not", async () => {
    expect(await engine.stats()).toEqual({ total: 0, byRoute: {} });
    const page = await engine.get<Page<Job>>("/api/v2/plan/job?limit=2");
    for (const job of page.results) await engine.job(job.id);
    await engine.faults({ failNext: { status: 500, count: 1 } });
    await engineErrorOf(await engine.call("GET", `/api/v2/plan/job/${page.results[0]!.id}`), 500);
    await engineErrorOf(await engine.call("GET", "/api/v2/plan/nothing"), 404);
    await engineErrorOf(await fetch(`${engine.baseUrl}/api/v2/engine/info`), 401);
    await engine.put(`/api/v2/plan/job/${page.results[0]!.id}/action/hold`);

    expect(await engine.stats()).toEqual({
      total: 7,
      byRoute: {
        "GET /twsd/api/v2/plan/job": 1,
        "GET /twsd/api/v2/plan/job/{job_id}": 3,
        "GET (no route)": 1,
        "GET /twsd/api/v2/engine/info": 1,
        "PUT /twsd/api/v2/plan/job/{job_id}/action/hold": 1,
      },
    });
  });

  it("start again from zero on reset, faults cleared", async () => {
    await info();
    await engine.faults({ latencyMs: 50 });
    await engine.reset();
    expect(await engine.stats()).toEqual({ total: 0, byRoute: {} });
    expect(await engine.call("GET", "/__control/faults").then((response) => response.json())).toEqual({});
  });
});
