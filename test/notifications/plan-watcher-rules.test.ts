import { describe, expect, it } from "vitest";
import { detect, freshState, type Observation, type WatcherState } from "../../durable-objects/plan-watcher-rules";
import type { JobInPlan, WorkstationInPlan } from "../../src/hwa/schemas";

// The watcher's rules on hand-made looks: what is news, what was told already, what a first look only learns.

const NOW = Date.parse("2026-07-04T03:00:00Z");

function job(id: string, status: string, extra: Partial<JobInPlan> = {}, run = `${id}-run-1`): JobInPlan {
  return {
    id,
    name: `JOB_${id}`,
    jobStreamName: "PAYROLL",
    workstation: "AGT_LNX01",
    lastRunCompositeStatus: { status },
    jobDefinition: { estimatedDuration: "PT10M" },
    jobruns: [{ id: run, lastInRerunChain: true, returnCode: status === "ABEND" ? 8 : undefined, timeInfo: {} }],
    ...extra,
  } as JobInPlan;
}

const running = (id: string, elapsed: string) =>
  job(id, "EXEC", {
    jobruns: [{ id: `${id}-run-1`, lastInRerunChain: true, timeInfo: { elapsedTime: elapsed } }],
  });

const workstation = (id: string, linked: boolean): WorkstationInPlan => ({
  id,
  name: `WS_${id}`,
  activeStates: linked ? ["LINKED", "RUNNING"] : ["INSTALLED"],
});

const seen = (jobs: JobInPlan[], extra: Partial<Extract<Observation, { ok: true }>> = {}): Observation => ({
  ok: true,
  jobs,
  gone: [],
  followedNames: [],
  workstations: [],
  ...extra,
});

/** Looks one after another, each remembering what the previous told. */
function watcher(start: WatcherState = { ...freshState(), fresh: false }) {
  let state = start;
  const told = new Set<string>();
  return {
    look(observation: Observation) {
      const detection = detect("default", state, observation, (id) => told.has(id), NOW);
      for (const id of detection.holding) told.add(id);
      state = detection.state;
      return detection.events;
    },
    get state() {
      return state;
    },
  };
}

describe("the plan watcher's rules", () => {
  it("learns the plan on its first look and tells nothing; then tells only what is new", () => {
    const w = watcher(freshState());
    expect(w.look(seen([job("a", "ABEND")], { workstations: [workstation("w", false)] }))).toEqual([]);
    expect(w.look(seen([job("a", "ABEND")], { workstations: [workstation("w", false)] }))).toEqual([]);
    const events = w.look(seen([job("a", "ABEND"), job("b", "ABEND")]));
    expect(events).toEqual([
      {
        id: "default:job:b:b-run-1:abend",
        kind: "job.abend",
        engine: "default",
        detected_at: "2026-07-04T03:00:00.000Z",
        job: expect.objectContaining({ id: "b", name: "JOB_b", status: "ABEND", return_code: 8, run_id: "b-run-1" }),
      },
    ]);
  });

  it("tells an ABEND once per run: seen again, nothing; a rerun that fails again is a new event", () => {
    const w = watcher();
    expect(w.look(seen([job("a", "ABEND")]))).toHaveLength(1);
    for (let i = 0; i < 10; i++) expect(w.look(seen([job("a", "ABEND")]))).toEqual([]);
    const again = w.look(seen([job("a", "ABEND", {}, "a-run-2")]));
    expect(again.map((event) => event.id)).toEqual(["default:job:a:a-run-2:abend"]);
  });

  it("tells FAIL, and a cancel by the engine (until time passed), as job.failed; an operator's cancel is no news", () => {
    const w = watcher();
    const events = w.look(
      seen([
        job("f", "FAIL"),
        job("u", "CANCL", { jobStatusFlags: { untilGone: true } }),
        job("c", "CANCL", { jobStatusFlags: { untilGone: false } }),
      ]),
    );
    expect(events.map((event) => [event.kind, event.job?.id, event.reason])).toEqual([
      ["job.failed", "f", "the engine could not launch it"],
      ["job.failed", "u", "cancelled by the engine: its until time passed"],
    ]);
  });

  it("tells a job late past twice its estimate, or past its deadline, once", () => {
    const w = watcher();
    expect(w.look(seen([running("r", "PT20M")]))).toEqual([]);
    const late = w.look(seen([running("r", "PT25M")]));
    expect(late).toMatchObject([{ kind: "job.late", reason: "running 2.5× its estimate" }]);
    expect(w.look(seen([running("r", "PT40M")]))).toEqual([]);
    const deadline = w.look(seen([job("d", "HOLD", { jobStatusFlags: { deadlineHasPassed: true } })]));
    expect(deadline).toMatchObject([{ kind: "job.late", reason: "deadline passed", job: { id: "d" } }]);
    expect(w.look(seen([job("e", "SUCC", { jobStatusFlags: { deadlineHasPassed: true } })]))).toEqual([]);
  });

  it("tells a recovery when a later run of a failed job succeeds; a confirm-succ of the failed run is none", () => {
    const w = watcher();
    w.look(seen([job("a", "ABEND"), job("b", "ABEND")]));
    expect(w.state.openFailures).toEqual({ a: "a-run-1", b: "b-run-1" });
    expect(w.look(seen([job("a", "EXEC", {}, "a-run-2")]))).toEqual([]);
    const recovered = w.look(seen([job("a", "SUCC", {}, "a-run-2"), job("b", "SUCC")]));
    expect(recovered.map((event) => event.id)).toEqual(["default:job:a:a-run-2:recovered"]);
    expect(w.state.openFailures).toEqual({});
  });

  it("forgets a failure whose job left the plan or was cancelled by an operator", () => {
    const w = watcher();
    w.look(seen([job("a", "ABEND"), job("b", "ABEND")]));
    w.look(seen([job("b", "CANCL")], { gone: ["a"] }));
    expect(w.state.openFailures).toEqual({});
  });

  it("tells the end of a followed job it saw unfinished, once; a run that ended before it looked is not news", () => {
    const w = watcher();
    const follow = { followedNames: ["JOB_a", "JOB_old"] };
    expect(w.look(seen([job("a", "EXEC"), job("old", "SUCC")], follow))).toEqual([]);
    const ended = w.look(seen([job("a", "SUCC"), job("old", "SUCC")], follow));
    expect(ended.map((event) => event.id)).toEqual(["default:job:a:a-run-1:succeeded"]);
    expect(w.look(seen([job("a", "SUCC")], follow))).toEqual([]);
    expect(w.state.followed).toEqual({});
    // No longer followed (the one-shot subscription was used): forgotten.
    w.look(seen([job("n", "HOLD")], { followedNames: ["JOB_n"] }));
    w.look(seen([]));
    expect(w.state.followed).toEqual({});
  });

  it("tells a workstation unlinked and linked again, each change once; a linked one first seen is no news", () => {
    const w = watcher();
    expect(w.look(seen([], { workstations: [workstation("w", true), workstation("x", false)] }))).toMatchObject([
      { id: "default:workstation:x:1:unlinked", kind: "workstation.unlinked", workstation: { name: "WS_x" } },
    ]);
    expect(w.look(seen([], { workstations: [workstation("w", false), workstation("x", false)] }))).toMatchObject([
      { id: "default:workstation:w:1:unlinked" },
    ]);
    expect(w.look(seen([], { workstations: [workstation("w", true), workstation("x", true)] }))).toMatchObject([
      { id: "default:workstation:w:2:linked", kind: "workstation.linked" },
      { id: "default:workstation:x:2:linked", kind: "workstation.linked" },
    ]);
  });

  it("tells an engine outage once, and its end", () => {
    const w = watcher();
    const down = { ok: false as const, reason: "HWA could not be reached" };
    expect(w.look(down)).toMatchObject([
      { id: "default:engine:1:unreachable", kind: "engine.unreachable", reason: "HWA could not be reached" },
    ]);
    expect(w.look(down)).toEqual([]);
    expect(w.look(seen([]))).toMatchObject([{ id: "default:engine:1:back", kind: "engine.back" }]);
    expect(w.look(down)).toMatchObject([{ id: "default:engine:2:unreachable" }]);
  });
});
