import { describe, expect, it } from "vitest";
import { durationText } from "../../src/chat/answers";
import { engineNow, observedNow } from "../../src/chat/engine-clock";
import { simulator } from "../helpers/hwa";
import { freshChat, planJobs } from "./story";

// Issue #14, item 4: one clock. The simulator's plan clock is stopped up to an hour behind the Worker's: every time
// an answer states is on the engine's clock, read off the plan, never the Worker's.

/** The cache may serve the plan a few seconds old; the engine's clock moves on by that much. */
const TOLERANCE_MS = 30_000;

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

  it("'today' and 'in the last 3 hours' are on the engine's clock", async () => {
    const now = await simulator.now();
    const chat = await freshChat();
    const today = await chat.ask("quais jobs abendaram hoje?");
    expect(today.data!.since).toBe(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`);
    const recent = await chat.ask("e nas últimas 3h?");
    expect(Math.abs(Date.parse(recent.data!.since as string) - (now.getTime() - 3 * 3_600_000))).toBeLessThan(
      TOLERANCE_MS,
    );
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

  it("adds how old each page is, and falls back to the Worker's clock without any evidence", () => {
    const at = Date.parse("2026-12-04T19:30:00Z");
    expect(
      engineNow(
        [
          { observed: at, ageSeconds: 4 },
          { observed: undefined, ageSeconds: 0 },
        ],
        0,
      ),
    ).toBe(at + 4_000);
    expect(engineNow([{ observed: undefined, ageSeconds: 2 }], 123)).toBe(123);
  });
});
