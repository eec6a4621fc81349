import { describe, expect, it } from "vitest";
import { simulator } from "../helpers/hwa";
import { freshChat } from "./story";

// Issue #14, item 5: parts of days and weeks are closed windows on the engine's clock (UTC in the simulator).

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Midnight (UTC, the simulator's zone) of the engine's day, `days` away. */
const midnight = (now: Date, days = 0) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days);

describe("time words are windows on the engine's clock", () => {
  it.each([
    ["quais jobs abendaram essa madrugada?", (now: Date) => [midnight(now), midnight(now) + 6 * HOUR]],
    ["o que falhou ontem à noite?", (now: Date) => [midnight(now, -1) + 18 * HOUR, midnight(now)]],
    ["what failed last night?", (now: Date) => [midnight(now, -1) + 18 * HOUR, midnight(now) + 6 * HOUR]],
    ["which jobs failed this morning?", (now: Date) => [midnight(now) + 6 * HOUR, midnight(now) + 12 * HOUR]],
    ["o que falhou hoje à tarde?", (now: Date) => [midnight(now) + 12 * HOUR, midnight(now) + 18 * HOUR]],
    [
      "abends da semana passada",
      (now: Date) => {
        const monday = midnight(now, -((now.getUTCDay() + 6) % 7));
        return [monday - 7 * 24 * HOUR, monday];
      },
    ],
  ])("%s", async (message, window) => {
    const now = await simulator.now();
    const [since, until] = window(now);
    const answer = await (await freshChat()).ask(message);
    expect(answer.intent).toBe("failed_jobs");
    // A part of today that has not begun yet means the last one.
    const shift = since! > now.getTime() ? 24 * HOUR : 0;
    expect(answer.data).toMatchObject({ since: iso(since! - shift), until: iso(until! - shift) });
    const listed = (answer.data!.groups as { jobs: { ended_at: string }[] }[]).flatMap((g) => g.jobs);
    for (const job of listed) {
      expect(Date.parse(job.ended_at)).toBeGreaterThanOrEqual(since! - shift);
      expect(Date.parse(job.ended_at)).toBeLessThan(until! - shift);
    }
  });

  it("esta semana / this week: from Monday 00:00 on the engine's clock", async () => {
    const now = await simulator.now();
    const monday = midnight(now, -((now.getUTCDay() + 6) % 7));
    const chat = await freshChat();
    expect((await chat.ask("quais jobs falharam esta semana?")).data).toMatchObject({
      since: iso(monday),
      until: null,
    });
    expect((await chat.ask("failures this week")).data).toMatchObject({ since: iso(monday) });
  });

  it.each(["show me this week's abends", "list this week's failures", "failed jobs of the current week"])(
    "'%s': the possessive is the same week, from Monday 00:00",
    async (message) => {
      const now = await simulator.now();
      const monday = midnight(now, -((now.getUTCDay() + 6) % 7));
      const answer = await (await freshChat()).ask(message);
      expect(answer.intent).toBe("failed_jobs");
      expect(answer.data).toMatchObject({ since: iso(monday), until: null });
    },
  );

  it("last week's failed jobs: the week before this one", async () => {
    const now = await simulator.now();
    const monday = midnight(now, -((now.getUTCDay() + 6) % 7));
    const answer = await (await freshChat()).ask("last week's failed jobs");
    expect(answer.data).toMatchObject({ since: iso(monday - 7 * 24 * HOUR), until: iso(monday) });
  });
});
