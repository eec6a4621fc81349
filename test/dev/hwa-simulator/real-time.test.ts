// The plan as `npm run dev` shows it: in real time by default, from the same seeded moment of the production day
// whatever the wall-clock hour, so a fresh stack always has failed, running, held and waiting jobs to look at.
// The simulation is driven directly with an injected real clock (workerd's own clock stands still between I/O).
import { describe, expect, it } from "vitest";
import { timeScaleFromEnv } from "../../../dev/hwa-simulator/env.mjs";
import { lastRun } from "../../../dev/hwa-simulator/plan.mjs";
import { clockStartOnOneDay, createSimulation } from "../../../dev/hwa-simulator/simulation.mjs";
import { commonStatus } from "../../../dev/hwa-simulator/status.mjs";

/** A real clock the test moves by hand. */
function realClockAt(time: number) {
  const clock = { time, now: () => clock.time };
  return clock;
}

function simulationAt(realTime: number) {
  const real = realClockAt(realTime);
  const simulation = createSimulation({ seed: 42, timeScale: 1, failureRate: 0.1, realNow: real.now });
  simulation.sync();
  return { real, simulation };
}

type Simulation = ReturnType<typeof simulationAt>["simulation"];

/** How many jobs show each common status an operator reads (HELD, WAITING, RUNNING, ERROR, ...). */
function commonStatuses({ plan }: Simulation) {
  const counts = new Map<string, number>();
  for (const job of plan.jobs.values()) {
    const status = commonStatus(plan, job);
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return counts;
}

const hour = 3_600_000;
const midnight = Date.UTC(2026, 6, 3);

describe("the simulator's clock by default", () => {
  it("is real time unless HWA_TIME_SCALE says otherwise", () => {
    expect(timeScaleFromEnv({})).toBe(1);
    expect(timeScaleFromEnv({ HWA_TIME_SCALE: "" })).toBe(1);
    expect(timeScaleFromEnv({ HWA_TIME_SCALE: "60" })).toBe(60);
    expect(timeScaleFromEnv({ HWA_TIME_SCALE: "0" })).toBe(0);
    expect(() => timeScaleFromEnv({ HWA_TIME_SCALE: "-1" })).toThrow(/HWA_TIME_SCALE is not valid/);
    expect(() => timeScaleFromEnv({ HWA_TIME_SCALE: "fast" })).toThrow(/HWA_TIME_SCALE is not valid/);
  });

  it.each([0, 3.25, 10.5, 17.75, 23.99])("starts with failed, running, held and waiting jobs at %s h", (hours) => {
    const { simulation } = simulationAt(midnight + hours * hour);
    const statuses = commonStatuses(simulation);
    for (const status of ["ERROR", "RUNNING", "HELD", "WAITING"])
      expect(statuses.get(status), status).toBeGreaterThan(0);
    const { plan } = simulation;
    expect([...plan.jobs.values()].some((job) => lastRun(job).status === "ABEND")).toBe(true);
    expect([...plan.jobs.values()].some((job) => lastRun(job).status === "EXEC")).toBe(true);
    // The same seeded moment of the day (10:30 into it), at most an hour before the real time.
    expect(plan.now - plan.dayStart).toBe(10.5 * hour);
    expect(midnight + hours * hour - plan.now).toBeGreaterThanOrEqual(0);
    expect(midnight + hours * hour - plan.now).toBeLessThan(hour);
  });

  it("advances the plan one second per real second", () => {
    const { real, simulation } = simulationAt(midnight + 14 * hour);
    const start = simulation.clock.now();
    real.time += 1_000;
    expect(simulation.clock.now() - start).toBe(1_000);
    real.time += 59_000;
    simulation.sync();
    expect(simulation.plan.now - start).toBe(60_000);

    // The running job that ends first ends when the real clock reaches its end, not before.
    const running = [...simulation.plan.jobs.values()].filter((job) => lastRun(job).status === "EXEC");
    const first = running.reduce((a, b) => (lastRun(a).endAt! <= lastRun(b).endAt! ? a : b));
    const endAt = lastRun(first).endAt!;
    real.time += endAt - simulation.clock.now() - 1_000;
    simulation.sync();
    expect(lastRun(first).status).toBe("EXEC");
    real.time += 1_000;
    simulation.sync();
    expect(["SUCC", "ABEND"]).toContain(lastRun(first).status);
    expect(lastRun(first).endedAt).toBe(endAt);
  });
});

describe("a clock start the tests pin (clockStartOnOneDay)", () => {
  it.each([0, 0.58, 10.49, 10.5, 17.75, 23.99])("puts the whole production day on one UTC date at %s h", (hours) => {
    const start = clockStartOnOneDay(midnight + hours * hour);
    const { plan } = createSimulation({ seed: 42, timeScale: 0, failureRate: 0.1, clockStart: start });
    expect(plan.now).toBe(start);
    expect(plan.now - plan.dayStart).toBe(10.5 * hour);
    expect(new Date(plan.dayStart).toISOString()).toMatch(/T00:00:00\.000Z$/);
    expect(plan.now).toBeLessThanOrEqual(midnight + hours * hour);
    expect(midnight + hours * hour - plan.now).toBeLessThan(24 * hour);
  });

  it("refuses a start that is not a time", () => {
    expect(() => createSimulation({ seed: 42, timeScale: 0, failureRate: 0.1, clockStart: Number.NaN })).toThrow(
      /clockStart must be epoch ms/,
    );
  });
});
