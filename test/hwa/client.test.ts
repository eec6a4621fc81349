import { afterEach, describe, expect, inject, it, vi } from "vitest";
import type { ResilienceOptions } from "../../src/hwa/resilience";
import { HwaError } from "../../src/hwa/errors";
import { simulatorAt, testClient as clientOf } from "../helpers/hwa";

// These tests inject faults, so they use a simulator of their own and run one after another.
const simulator = simulatorAt(inject("hwaClientFaultsUrl"));
const testClient = (overrides: Partial<ResilienceOptions> = {}, credentials?: { username: string; password: string }) =>
  clientOf(overrides, credentials, simulator.url);
afterEach(async () => {
  await simulator.clearFaults();
});

async function failureOf(promise: Promise<unknown>): Promise<HwaError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof HwaError)) throw new Error(`expected an HwaError, got ${String(error)}`);
  return error;
}

describe("HWA client against the simulator", () => {
  it("reads the engine and a page of jobs in the V2 shapes", async () => {
    const { client } = testClient();
    const engine = await client.engineInfo();
    expect(engine.displayVersion).toBeTruthy();
    const page = await client.listJobs({ oql: "ORDER BY name ASC", limit: 5, offset: 0 });
    expect(page.results).toHaveLength(5);
    expect(page.count).toBeGreaterThan(5);
    expect(page.results[0]!.lastRunCompositeStatus?.status).toBeTruthy();
  });

  it("maps rejected credentials to credentials-rejected, without retrying", async () => {
    const { client } = testClient({}, { username: "intruder", password: "wrong" });
    const before = await simulator.requests();
    const error = await failureOf(client.engineInfo());
    expect(error.failure).toBe("credentials-rejected");
    expect(error.toProblem().status).toBe(502);
    expect((await simulator.requests()) - before).toBe(1);
  });

  it("maps an unknown job to not-found, with the engine's message code and none of its text", async () => {
    const { client } = testClient();
    const error = await failureOf(client.job("no-such-job-id"));
    expect(error.failure).toBe("not-found");
    expect(error.code).toBe("AWSJPL506E");
    expect(error.message).not.toContain("no-such-job-id");
    expect(error.toProblem().status).toBe(404);
  });

  it("never sends an id of . or .. as a path segment (it would name another path of HWA's)", async () => {
    const { client } = testClient();
    const before = await simulator.requests();
    for (const id of [".", "..", ""]) {
      expect((await failureOf(client.job(id))).failure).toBe("not-found");
      expect((await failureOf(client.jobAction(id, "hold"))).failure).toBe("not-found");
    }
    expect(await simulator.requests()).toBe(before);
  });

  it("maps an OQL error to bad-request (502 to our caller: the query is ours)", async () => {
    const { client } = testClient();
    const error = await failureOf(client.listJobs({ oql: "name = = 'x'", limit: 1, offset: 0 }));
    expect(error.failure).toBe("bad-request");
    // Our words; HWA's message code beside them, never its text (it quotes our query and may name its paths).
    expect(error.message).toBe("HWA refused the request (400)");
    expect(error.code).toBe("AWSJQL001E");
    expect(error.toProblem().extensions).toEqual({ hwa_code: "AWSJQL001E" });
  });

  it("honours Retry-After: a 429 then a 200 takes exactly 2 calls", async () => {
    const { client } = testClient();
    await simulator.faults({ rateLimit: { retryAfter: 1, count: 1 } });
    const before = await simulator.requests();
    const started = Date.now();
    await client.engineInfo();
    expect((await simulator.requests()) - before).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("retries an idempotent read after a 500, but never a write", async () => {
    const { client } = testClient();
    await simulator.faults({ failNext: { status: 500, count: 1 } });
    let before = await simulator.requests();
    await client.engineInfo();
    expect((await simulator.requests()) - before).toBe(2);

    const page = await client.listJobs({ oql: "ORDER BY name ASC", limit: 1, offset: 0 });
    await simulator.faults({ failNext: { status: 500, count: 1 } });
    before = await simulator.requests();
    const error = await failureOf(client.jobAction(page.results[0]!.id, "hold"));
    expect(error.failure).toBe("upstream-error");
    expect((await simulator.requests()) - before).toBe(1);
  });

  it("opens the circuit after 5 consecutive failures; the 6th call fails fast without reaching HWA", async () => {
    const { client } = testClient({ retries: 0, breakerOpenMs: 500 });
    await simulator.faults({ failNext: { status: 500, count: 5 } });
    const before = await simulator.requests();
    for (let i = 0; i < 5; i++) expect((await failureOf(client.engineInfo())).failure).toBe("upstream-error");
    expect((await simulator.requests()) - before).toBe(5);

    const fast = await failureOf(client.engineInfo());
    expect(fast.failure).toBe("circuit-open");
    expect(fast.toProblem().status).toBe(503);
    expect(Number(fast.toProblem().headers["Retry-After"])).toBeGreaterThanOrEqual(1);
    expect((await simulator.requests()) - before).toBe(5);

    // Until the open period ends every call fails fast; then one probe goes through and its success closes the circuit.
    await vi.waitFor(
      async () => {
        const call = await client.engineInfo().catch((error: unknown) => error);
        if (call instanceof HwaError) expect.fail(`still ${call.failure}`);
        expect((await simulator.requests()) - before).toBe(6);
      },
      { timeout: 5_000, interval: 50 },
    );
    await client.engineInfo();
    expect((await simulator.requests()) - before).toBe(7);
  });

  it("does not count 4xx answers (but 429) against the circuit", async () => {
    const { client } = testClient({ retries: 0 });
    for (let i = 0; i < 8; i++) expect((await failureOf(client.job(`missing-${i}`))).failure).toBe("not-found");
    await expect(client.engineInfo()).resolves.toBeTruthy();
  });

  it("times out a hung upstream within its deadline", async () => {
    const { client } = testClient({ attemptTimeoutMs: 300, deadlineMs: 800, retries: 5 });
    await simulator.faults({ hang: true });
    const started = Date.now();
    const error = await failureOf(client.engineInfo());
    const elapsed = Date.now() - started;
    expect(error.failure).toBe("timeout");
    expect(error.toProblem().status).toBe(504);
    expect(elapsed).toBeLessThan(5_000); // bounded: without the deadline this call would never end
  });

  it("reports an unreachable engine as unavailable", async () => {
    const { client } = testClient({ retries: 1 });
    await simulator.faults({ down: true });
    const error = await failureOf(client.engineInfo());
    expect(error.failure).toBe("unavailable");
    expect(error.toProblem().status).toBe(503);
  });
});
