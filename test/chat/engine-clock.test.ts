import { describe, expect, it } from "vitest";
import { durationText } from "../../src/chat/answers";
import { engineNow, observedNow } from "../../src/chat/engine-clock";
import { simulator } from "../helpers/hwa";
import { freshChat, planJobs } from "./story";

// Issue #14, item 4: one clock. The simulator's plan clock is stopped up to an hour behind the Worker's: every time
// an answer states is on the engine's clock, read off the plan, never the Worker's.

/** HWA states durations in whole seconds. */
const TOLERANCE_MS = 1_000;

describe("every time in an answer is on the engine's clock", () => {
  it("a running job has run as long as HWA says, not as long as the Worker's clock would say", async () => {
    const now = await simulator.now();
    // The longest-running job of the plan: the Worker's clock would add the whole gap between the two clocks.
    const running = (await planJobs()).filter((job) => job.status === "EXEC" && job.started_at && job.job_stream);
    const job = running.sort((a, b) => Date.parse(a.started_at!) - Date.parse(b.started_at!))[0]!;
    const answer = await (await freshChat()).ask(`what is the status of job ${job.name} in stream ${job.job_stream}?`);
    const ran = answer.data!.duration_ms as number;
    const expected = now.getTime() - Date.parse(job.started_at!);
    expect(Math.abs(ran - expected)).toBeLessThan(TOLERANCE_MS);
    expect(answer.response).toContain(`running for ${durationText(ran)}`);
  });

  it("'today' and 'in the last 3 hours' are on the engine's clock, to the millisecond", async () => {
    const now = await simulator.now();
    const chat = await freshChat();
    const today = await chat.ask("quais jobs abendaram hoje?");
    expect(today.data!.since).toBe(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`);
    // The plan's pages are now served from the cache 2 s old (fresh for 10 s): the window still ends at HWA's
    // reading, not 2 s later (the simulator's clock is stopped; the Worker's clock measured the age).
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    for (const [message, hours] of [
      ["e nas últimas 3h?", 3],
      ["o que falhou nas ultimas 2 horas", 2],
      ["what failed in the past 5 hours?", 5],
    ] as const) {
      const recent = await chat.ask(message);
      expect(recent.data!.since).toBe(new Date(now.getTime() - hours * 3_600_000).toISOString());
    }
  });
});

describe("reading the engine's clock off the plan", () => {
  const job = (status: string, startedAt: string | null, durationMs: number | null, endedAt: string | null = null) =>
    ({ status, started_at: startedAt, duration_ms: durationMs, ended_at: endedAt }) as never;

  it("is a running job's start plus its elapsed time; ended or unstarted jobs say nothing", () => {
    const jobs = [
      job("EXEC", "2026-12-04T19:00:00Z", 20 * 60_000),
      job("EXEC", "2026-12-04T19:22:00Z", 8 * 60_000),
      job("SUCC", "2026-12-04T10:00:00Z", 3 * 3_600_000, "2026-12-04T13:00:00Z"),
      job("HOLD", null, null),
    ];
    expect(observedNow(jobs)).toBe(Date.parse("2026-12-04T19:30:00Z"));
    expect(observedNow([job("HOLD", null, null)])).toBeUndefined();
  });

  it("is the newest page's reading, not moved on by the page's age; the Worker's clock without any", () => {
    const at = Date.parse("2026-12-04T19:30:00Z");
    // The age of a cached page is on the Worker's clock, which the engine's need not follow (a stopped simulator).
    expect(engineNow([at - 4_000, undefined, at], 0)).toBe(at);
    expect(engineNow([undefined], 123)).toBe(123);
  });
});
