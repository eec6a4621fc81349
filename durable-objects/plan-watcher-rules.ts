import { durationMs } from "../src/hwa/duration";
import type { JobInPlan, WorkstationInPlan } from "../src/hwa/schemas";
import { currentRun } from "../src/jobs/job";
import { eventId, type EventKind, type JobFacts, type NotificationEvent } from "../src/notifications/events";

// What the plan watcher makes of one look at the plan: pure, so every rule is tested without HWA or storage.

/** A running job is late past this many times its estimate. */
export const LATE_FACTOR = 2;
const FINAL = new Set(["SUCC", "ABEND", "FAIL", "CANCL"]);

/** What the watcher remembers between looks (besides the ids of the events it emitted). */
export interface WatcherState {
  /** Nothing looked at yet: the first look learns the plan as it is and tells nothing. */
  fresh: boolean;
  /** Jobs whose failure was told and no success followed yet: job id → the failed run. */
  openFailures: Record<string, string>;
  /** Each workstation's last known link state, and how often it changed (the episode of its events). */
  workstations: Record<string, { linked: boolean; changes: number }>;
  engine: { reachable: boolean; outages: number };
  /** Jobs of followed names seen before they ended: job id → their name. */
  followed: Record<string, string>;
}

export function freshState(): WatcherState {
  return { fresh: true, openFailures: {}, workstations: {}, engine: { reachable: true, outages: 0 }, followed: {} };
}

/** One look's reading of the plan, or why there was none. */
export type Observation =
  | {
      ok: true;
      /** Every job read (by status, by id, by name), once each. */
      jobs: JobInPlan[];
      /** Jobs asked for by id that are no longer in the plan. */
      gone: string[];
      /** Job names some subscription follows to their end (`job.succeeded`). */
      followedNames: string[];
      workstations: WorkstationInPlan[];
    }
  | { ok: false; reason: string };

export interface Detection {
  /** What to tell: conditions seen for the first time (none on the first look, which only learns). */
  events: NotificationEvent[];
  state: WatcherState;
  /** The ids of every condition seen in this look, told now or before: their records must be kept. */
  holding: string[];
}

function factsOf(job: JobInPlan): JobFacts {
  const run = currentRun(job);
  return {
    id: job.id,
    name: job.name,
    job_stream: job.jobStreamName ?? null,
    workstation: job.workstation ?? null,
    run_id: run?.id ?? null,
    status: job.lastRunCompositeStatus?.status ?? run?.compositeStatus?.status ?? null,
    return_code: run?.returnCode ?? null,
    started_at: run?.timeInfo?.actualStartTime ?? null,
    ended_at: run?.timeInfo?.actualEndTime ?? null,
    elapsed_ms: durationMs(run?.timeInfo?.elapsedTime) ?? null,
    estimated_ms: durationMs(job.jobDefinition?.estimatedDuration ?? run?.timeInfo?.estimatedDuration) ?? null,
  };
}

const flagsOf = (job: JobInPlan) => (job.jobStatusFlags ?? {}) as { untilGone?: boolean; deadlineHasPassed?: boolean };

/** Why a job is late, or undefined: its deadline passed before it ended, or it runs past twice its estimate. */
export function lateness(job: JobInPlan, facts: JobFacts): string | undefined {
  if (facts.status && FINAL.has(facts.status)) return undefined;
  if (flagsOf(job).deadlineHasPassed) return "deadline passed";
  const { elapsed_ms: elapsed, estimated_ms: estimate } = facts;
  if (facts.status !== "EXEC" || !elapsed || !estimate || elapsed <= LATE_FACTOR * estimate) return undefined;
  return `running ${(elapsed / estimate).toFixed(1)}× its estimate`;
}

/** The failure a job's current run reports: an ABEND, a FAIL, or a cancel by the engine (its until time passed). */
function failureOf(job: JobInPlan, facts: JobFacts): { kind: EventKind; reason?: string } | undefined {
  if (facts.status === "ABEND") return { kind: "job.abend" };
  if (facts.status === "FAIL") return { kind: "job.failed", reason: "the engine could not launch it" };
  if (facts.status === "CANCL" && flagsOf(job).untilGone)
    return { kind: "job.failed", reason: "cancelled by the engine: its until time passed" };
  return undefined;
}

/**
 * The events of one look: each condition seen now whose event was not emitted before (`emitted`), and the state
 * for the next look. A failed look tells that the engine is unreachable (once per outage), the next good one that
 * it is back.
 */
export function detect(
  engine: string,
  previous: WatcherState,
  observation: Observation,
  emitted: (id: string) => boolean,
  now: number,
): Detection {
  const state: WatcherState = structuredClone(previous);
  const events: NotificationEvent[] = [];
  const holding: string[] = [];
  const detectedAt = new Date(now).toISOString();
  const emit = (event: Omit<NotificationEvent, "engine" | "detected_at">) => {
    holding.push(event.id);
    if (!state.fresh && !emitted(event.id)) events.push({ ...event, engine, detected_at: detectedAt });
  };

  if (!observation.ok) {
    if (state.engine.reachable) {
      state.engine = { reachable: false, outages: state.engine.outages + 1 };
      const id = eventId(engine, "engine", String(state.engine.outages), "engine.unreachable");
      emit({ id, kind: "engine.unreachable", reason: observation.reason });
    }
    return { events, state, holding };
  }
  if (!state.engine.reachable) {
    state.engine.reachable = true;
    emit({ id: eventId(engine, "engine", String(state.engine.outages), "engine.back"), kind: "engine.back" });
  }

  const followedNames = new Set(observation.followedNames);
  for (const [jobId, name] of Object.entries(state.followed))
    if (!followedNames.has(name)) delete state.followed[jobId];
  for (const jobId of observation.gone) {
    delete state.openFailures[jobId];
    delete state.followed[jobId];
  }

  for (const job of observation.jobs) {
    const facts = factsOf(job);
    const run = facts.run_id ?? "none";
    const subject = `job:${job.id}`;
    const failure = failureOf(job, facts);
    if (failure) {
      emit({ id: eventId(engine, subject, run, failure.kind), kind: failure.kind, job: facts, reason: failure.reason });
      state.openFailures[job.id] = run;
    }
    const late = lateness(job, facts);
    if (late) emit({ id: eventId(engine, subject, run, "job.late"), kind: "job.late", job: facts, reason: late });

    // An operator cancelled the failed job: nothing will recover it.
    if (facts.status === "CANCL" && !failure) delete state.openFailures[job.id];
    if (facts.status === "SUCC") {
      const failedRun = state.openFailures[job.id];
      // A success of the failed run itself is an operator's confirm-succ, not a recovery.
      if (failedRun !== undefined && failedRun !== run)
        emit({ id: eventId(engine, subject, run, "job.recovered"), kind: "job.recovered", job: facts });
      delete state.openFailures[job.id];
    }
    if (followedNames.has(job.name)) {
      const seenUnfinished = state.followed[job.id] !== undefined;
      if (!facts.status || !FINAL.has(facts.status)) state.followed[job.id] = job.name;
      else {
        if (facts.status === "SUCC" && seenUnfinished)
          emit({ id: eventId(engine, subject, run, "job.succeeded"), kind: "job.succeeded", job: facts });
        delete state.followed[job.id];
      }
    }
  }

  for (const workstation of observation.workstations) {
    const linked = (workstation.activeStates ?? []).includes("LINKED");
    const known = state.workstations[workstation.id];
    if (known?.linked === linked) continue;
    // Unknown until now: a linked workstation is the normal case; an unlinked one is news.
    const changes = (known?.changes ?? 0) + (known || !linked ? 1 : 0);
    state.workstations[workstation.id] = { linked, changes };
    if (!known && linked) continue;
    const kind: EventKind = linked ? "workstation.linked" : "workstation.unlinked";
    emit({
      id: eventId(engine, `workstation:${workstation.id}`, String(changes), kind),
      kind,
      workstation: { id: workstation.id, name: workstation.name, states: workstation.activeStates ?? [] },
    });
  }
  state.fresh = false;
  return { events, state, holding };
}
