import { DurableObject } from "cloudflare:workers";
import { audit } from "../src/platform/audit/writer";
import { database } from "../src/platform/db/client";
import type { Bindings } from "../src/platform/env/bindings";
import { describeError } from "../src/platform/observability/logger";
import { backgroundScope, type Scope } from "../src/platform/scope/scope";
import { performStep } from "../src/runs/perform-step";
import { isFinal, recordOf, type RunRecord, type RunState, type StepOutcome } from "../src/runs/run-record";
import { mirrorRun } from "../src/runs/run-store";
import { reasonOf, StepFailure } from "../src/runs/step-failure";
import { currentMaintenance } from "../src/settings/maintenance";

const STATE_KEY = "run";
/** Retries of the libSQL copy and the audit event of a finished run: 1 s doubling to 10 min. */
const FOLLOW_UP_MS = { first: 1_000, max: 10 * 60_000 };
/** How often a run paused for maintenance looks again (maintenance is read from a copy at most 5 s old). */
const MAINTENANCE_RECHECK_MS = 5_000;
/** A finished run's state is kept this long after its copy is in libSQL (reads go to libSQL after that). */
const KEEP_FINISHED_MS = 24 * 60 * 60_000;

export type RunStart = Omit<RunState, "status" | "outcomes" | "mirrored" | "audited" | "current" | "cancel">;
export type Cancellation = { kind: "cancelling" | "cancelled" | "finished"; record: RunRecord };

/**
 * One workflow run, driven by its alarm: each alarm performs one turn of the current step (an action, or one
 * status read of a wait) and schedules the next, so no request holds the run and a restart resumes where the
 * stored state says. Each step is recorded before it runs and after; every change is copied to libSQL.
 */
export class WorkflowRun extends DurableObject<Bindings> {
  /** True while an alarm runs: a cancel then only leaves its mark, and the alarm ends the run at its next look. */
  private inAlarm = false;

  /** Starts the run (once: a second start of the same run answers its record). */
  async start(start: RunStart): Promise<RunRecord> {
    const existing = this.load();
    if (existing) return recordOf(existing);
    const state: RunState = { ...start, status: "queued", outcomes: [], mirrored: true, audited: false };
    this.save(state);
    await this.ctx.storage.setAlarm(Date.now());
    return recordOf(state);
  }

  /** The run as it stands, or undefined when this object holds none (never started, or long finished). */
  async record(): Promise<RunRecord | undefined> {
    const state = this.load();
    return state && recordOf(state);
  }

  /** Stops the run before its next step; at once when no step is being performed. */
  async cancel(by: string): Promise<Cancellation | undefined> {
    const state = this.load();
    if (!state) return undefined;
    if (isFinal(state.status)) return { kind: "finished", record: recordOf(state) };
    state.cancel ??= { by, at: Date.now() };
    const now = !this.inAlarm;
    if (now) this.finish(state, "cancelled", `cancelled by ${state.cancel.by}`);
    else this.save(state);
    // The run's end (or, after the step in progress, its cancellation), its copy and its audit event: in the alarm.
    await this.ctx.storage.setAlarm(Date.now());
    return { kind: now ? "cancelled" : "cancelling", record: recordOf(state) };
  }

  /** Readiness: one round trip through this object's storage; returns Date.now(). */
  async ping(): Promise<number> {
    this.ctx.storage.kv.get(STATE_KEY);
    return Date.now();
  }

  override async alarm(): Promise<void> {
    const state = this.load();
    if (!state) return;
    const scope = this.scopeOf(state);
    this.inAlarm = true;
    try {
      if (!isFinal(state.status)) await this.turn(scope, state);
      await this.followUp(scope);
    } finally {
      this.inAlarm = false;
    }
  }

  /** One turn of the current step, then the next alarm (or the end of the run). */
  private async turn(scope: Scope, loaded: RunState): Promise<void> {
    let state = loaded;
    // Between steps, maintenance pauses the run (a step in progress finishes first); its budget waits with it.
    if (!state.current && !state.cancel) {
      const maintenance = await currentMaintenance(scope);
      state = this.load()!; // as it is now: a cancel may have come while maintenance was read
      if (maintenance && !state.cancel) return this.pause(state, maintenance.until);
      if (state.pausedAt !== undefined) this.resume(state, Date.now());
    }
    if (state.cancel) return this.finish(state, "cancelled", `cancelled by ${state.cancel.by}`);
    const now = Date.now();
    const index = state.outcomes.length;
    const step = state.steps[index]!;
    // A wait says itself that the budget cut it short; any other step does not start (or resume) past it.
    if (now >= state.deadline && step.action !== "wait-for-status") {
      const error = `the run's time budget ran out before step ${index}`;
      if (state.current) this.recordTurn(state, this.outcomeOf(state, "failed", { error }));
      return this.finish(state, "failed", error);
    }
    // Recorded before it runs: a restarted object resumes this step, and an action in it acts at most once.
    state.status = "running";
    state.current ??= { index, startedAt: now, polls: 0 };
    this.save(state);

    let outcome: StepOutcome | undefined;
    let nextTurnAt = Date.now();
    try {
      const context = {
        runId: state.runId,
        ...(state.engine ? { engine: state.engine } : {}),
        deadline: state.deadline,
        now: Date.now,
      };
      const progress = await performStep(scope, step, state.current, context);
      if (progress.kind === "poll") {
        state.current = { ...state.current, jobId: progress.jobId, polls: state.current.polls + 1 };
        nextTurnAt = Date.now() + progress.delayMs;
      } else {
        outcome = this.outcomeOf(state, "succeeded", { hwa: progress.hwa });
      }
    } catch (error) {
      const reason = reasonOf(error);
      if (reason === "unexpected error") scope.log.error("workflow step failed unexpectedly", describeError(error));
      const hwa = error instanceof StepFailure ? error.hwa : undefined;
      outcome = this.outcomeOf(state, "failed", { ...(hwa ? { hwa } : {}), error: reason });
    }
    // A cancel that arrived while the step ran only left its mark in storage.
    const cancel = this.load()?.cancel;
    this.recordTurn(state, outcome);
    if (outcome?.status === "failed")
      return this.finish(state, "failed", `step ${index} (${step.action} ${step.job}) failed: ${outcome.error}`);
    if (cancel) return this.finish({ ...state, cancel }, "cancelled", `cancelled by ${cancel.by}`);
    if (state.outcomes.length === state.steps.length) return this.finish(state, "succeeded");
    this.save(state);
    // The alarm first: a cancel arriving during the copy below sets its own, sooner one.
    await this.ctx.storage.setAlarm(nextTurnAt);
    if (outcome) await this.mirrorRecord(scope, recordOf(state));
  }

  private async pause(state: RunState, until: string | undefined): Promise<void> {
    const now = Date.now();
    if (state.pausedAt === undefined) {
      this.scopeOf(state).log.info("run paused for maintenance", { until });
      state.pausedAt = now;
    }
    this.save(state);
    const end = until === undefined ? Infinity : Date.parse(until);
    await this.ctx.storage.setAlarm(Math.min(end, now + MAINTENANCE_RECHECK_MS));
  }

  private resume(state: RunState, now: number): void {
    state.deadline += now - state.pausedAt!;
    state.pausedAt = undefined;
  }

  /** The step's record after it ran; kept apart so the moment between acting and recording has a name. */
  private recordTurn(state: RunState, outcome: StepOutcome | undefined): void {
    if (!outcome) return;
    state.outcomes.push(outcome);
    state.current = undefined;
  }

  private outcomeOf(
    state: RunState,
    status: StepOutcome["status"],
    detail: { hwa?: Record<string, unknown>; error?: string },
  ): StepOutcome {
    const current = state.current!;
    const step = state.steps[current.index]!;
    return {
      index: current.index,
      action: step.action,
      job: step.job,
      ...(step.engine || state.engine ? { engine: step.engine ?? state.engine } : {}),
      status,
      started_at: new Date(current.startedAt).toISOString(),
      finished_at: new Date().toISOString(),
      ...detail,
    };
  }

  /** Ends the run: a step still in progress (a wait) ends with it; the copy and the audit event follow. */
  private finish(state: RunState, status: "succeeded" | "failed" | "cancelled", error?: string): void {
    if (state.current && status === "cancelled")
      state.outcomes.push(this.outcomeOf(state, "cancelled", { error: error ?? "cancelled" }));
    state.current = undefined;
    state.status = status;
    state.finishedAt = Date.now();
    if (error) state.error = error;
    state.mirrored = false;
    state.audited = false;
    this.save(state);
  }

  /**
   * After the run ended: the libSQL copy and the audit event, retried with backoff until both are done; then the
   * state is kept a day for reads and forgotten.
   */
  private async followUp(scope: Scope): Promise<void> {
    const state = this.load();
    if (!state || !isFinal(state.status)) return;
    if (!state.mirrored) state.mirrored = await this.mirrorRecord(scope, recordOf(state));
    if (!state.audited) state.audited = await this.auditOutcome(scope, state);
    const retries = (this.ctx.storage.kv.get<number>("follow-up-retries") ?? 0) + 1;
    this.save(state);
    if (state.mirrored && state.audited) {
      if (Date.now() >= (state.finishedAt ?? 0) + KEEP_FINISHED_MS) return this.ctx.storage.deleteAll();
      return this.ctx.storage.setAlarm((state.finishedAt ?? Date.now()) + KEEP_FINISHED_MS);
    }
    this.ctx.storage.kv.put("follow-up-retries", retries);
    await this.ctx.storage.setAlarm(Date.now() + Math.min(FOLLOW_UP_MS.first * 2 ** (retries - 1), FOLLOW_UP_MS.max));
  }

  private async auditOutcome(scope: Scope, state: RunState): Promise<boolean> {
    const failedStep = state.outcomes.find((step) => step.status === "failed");
    try {
      await audit(scope, {
        action: "workflow.run",
        target: `workflow:${state.workflowId}`,
        outcome: state.status === "succeeded" ? "success" : "failure",
        metadata: {
          run_id: state.runId,
          status: state.status,
          version: state.workflowVersion,
          ...(failedStep ? { failed_step: failedStep.index } : {}),
          ...(state.error ? { error: state.error } : {}),
        },
      });
      return true;
    } catch (error) {
      scope.log.warn("run outcome not audited yet", describeError(error));
      return false;
    }
  }

  private async mirrorRecord(scope: Scope, record: RunRecord): Promise<boolean> {
    try {
      await mirrorRun(await database(scope.config), record);
      return true;
    } catch (error) {
      scope.log.warn("run not copied to libSQL yet", describeError(error));
      return false;
    }
  }

  private scopeOf(state: RunState): Scope {
    return backgroundScope({
      env: this.env,
      waitUntil: (promise) => this.ctx.waitUntil(promise),
      actor: state.requestedBy,
      correlationId: state.correlationId,
      ...(state.traceparent ? { traceparent: state.traceparent } : {}),
      logFields: { run_id: state.runId },
    });
  }

  private load(): RunState | undefined {
    return this.ctx.storage.kv.get<RunState>(STATE_KEY);
  }

  private save(state: RunState): void {
    this.ctx.storage.kv.put(STATE_KEY, state);
  }
}
