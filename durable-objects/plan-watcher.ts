import { DurableObject } from "cloudflare:workers";
import { resolveEngine } from "../src/engines/registry";
import { hwa } from "../src/hwa/connection";
import { HwaError } from "../src/hwa/errors";
import { sendNotify } from "../src/notifications/messages";
import { eventsEmitted, watcherLooks } from "../src/notifications/metrics";
import { observePlan, type LookReport } from "../src/notifications/observe";
import { notificationSettings } from "../src/notifications/settings";
import { database } from "../src/platform/db/client";
import type { Bindings } from "../src/platform/env/bindings";
import { describeError } from "../src/platform/observability/logger";
import { Problem } from "../src/platform/http/problem";
import { backgroundScope, type Scope, withEngine } from "../src/platform/scope/scope";
import { followedJobNames } from "../src/subscriptions/store";
import { detect, freshState, type WatcherState } from "./plan-watcher-rules";

/** An event told is remembered at least this long, and as long as its condition holds. */
const REMEMBER_MS = 48 * 60 * 60_000;
/** Outbox rows sent per queue batch, and batches per flush. */
const FLUSH = { rows: 100, rounds: 10 };

export interface LastLook {
  at: string;
  ok: boolean;
  reason?: string;
  duration_ms: number;
  hwa_calls: number;
  jobs_read: number;
  events: number;
}

export interface WatcherStatus {
  engine: string | null;
  running: boolean;
  period_seconds: number;
  next_look_at: string | null;
  reachable: boolean;
  open_failures: number;
  followed_jobs: number;
  /** Events detected and not yet handed to the NOTIFY queue. */
  unsent_events: number;
  last_look: LastLook | null;
}

/**
 * The plan watcher of one HWA engine, driven by its alarm: each look reads what may have changed (through the
 * resilient client), detects events (`plan-watcher-rules.ts`), and in the same storage transaction records their
 * ids and puts them in an outbox; the outbox then goes to the NOTIFY queue. An object that dies anywhere in between
 * sends the outbox at its next look: no event is lost, and none is detected twice.
 */
export class PlanWatcher extends DurableObject<Bindings> {
  /** Looks run one after another, even when an alarm and a test's look meet. */
  private looking: Promise<void> = Promise.resolve();

  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env);
    ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS emitted (id TEXT PRIMARY KEY, at INTEGER NOT NULL)");
    ctx.storage.sql.exec(
      "CREATE TABLE IF NOT EXISTS outbox (id TEXT PRIMARY KEY, body TEXT NOT NULL, at INTEGER NOT NULL)",
    );
  }

  /** Starts watching `engine` (again): a look now unless one is already scheduled. Nothing while disabled. */
  async start(engine: string): Promise<void> {
    if (notificationSettings(this.env).PLAN_WATCH_DISABLED) return;
    if (this.ctx.storage.kv.get<string>("engine") !== engine) this.ctx.storage.kv.put("engine", engine);
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now());
  }

  /** A look within a second (a job just became followed: its run must not end unseen). */
  async lookSoon(): Promise<void> {
    const next = await this.ctx.storage.getAlarm();
    if (next !== null && next > Date.now() + 1_000) await this.ctx.storage.setAlarm(Date.now());
  }

  async status(): Promise<WatcherStatus> {
    const next = await this.ctx.storage.getAlarm();
    const state = this.state();
    const unsent = this.ctx.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM outbox").one().n;
    return {
      engine: this.ctx.storage.kv.get<string>("engine") ?? null,
      running: next !== null,
      period_seconds: notificationSettings(this.env).PLAN_WATCH_PERIOD_SECONDS,
      next_look_at: next === null ? null : new Date(next).toISOString(),
      reachable: state.engine.reachable,
      open_failures: Object.keys(state.openFailures).length,
      followed_jobs: Object.keys(state.followed).length,
      unsent_events: unsent,
      last_look: this.ctx.storage.kv.get<LastLook>("last-look") ?? null,
    };
  }

  /** Readiness: one round trip through this object's storage; returns Date.now(). */
  async ping(): Promise<number> {
    this.ctx.storage.kv.get("engine");
    return Date.now();
  }

  override async alarm(): Promise<void> {
    const engine = this.ctx.storage.kv.get<string>("engine");
    const settings = notificationSettings(this.env);
    if (!engine || settings.PLAN_WATCH_DISABLED) return;
    // The next look first: a look that fails or outlasts its period keeps the rhythm (the cron re-arms a lost one).
    await this.ctx.storage.setAlarm(Date.now() + settings.PLAN_WATCH_PERIOD_SECONDS * 1000);
    const look = this.looking.then(() => this.look(engine));
    this.looking = look.catch(() => undefined);
    await look;
  }

  private async look(engine: string): Promise<void> {
    const base = backgroundScope({
      env: this.env,
      waitUntil: (promise) => this.ctx.waitUntil(promise),
      logFields: { plan_watcher: engine },
    });
    await this.flush(base);
    const scope = await this.engineScope(base, engine);
    if (!scope) return;
    const started = Date.now();
    let report: LookReport;
    try {
      const follow = {
        openFailures: Object.keys(this.state().openFailures),
        followedNames: await this.followed(scope),
        notStarted: this.notStartedDue(started),
      };
      report = await observePlan(hwa(scope), follow);
      if (follow.notStarted && report.observation.ok) this.ctx.storage.kv.put("not-started-read-at", started);
    } catch (error) {
      if (!(error instanceof HwaError && error.failure === "not-configured")) throw error;
      scope.log.warn("plan watcher idle: HWA_BASE_URL is not configured");
      return;
    }
    const now = Date.now();
    const { observation } = report;
    // Detection, its records and its outbox in one transaction: nothing awaited between reading and writing.
    const told = this.ctx.storage.transactionSync(() => {
      const sql = this.ctx.storage.sql;
      const known = new Set(
        sql
          .exec<{ id: string }>("SELECT id FROM emitted")
          .toArray()
          .map((row) => row.id),
      );
      const { events, state, holding } = detect(engine, this.state(), observation, (id) => known.has(id), now);
      for (const id of holding)
        if (!known.has(id)) sql.exec("INSERT OR IGNORE INTO emitted (id, at) VALUES (?, ?)", id, now);
      for (const event of events)
        sql.exec("INSERT OR IGNORE INTO outbox (id, body, at) VALUES (?, ?, ?)", event.id, JSON.stringify(event), now);
      this.forget(holding, now);
      this.ctx.storage.kv.put("state", state);
      this.ctx.storage.kv.put<LastLook>("last-look", {
        at: new Date(started).toISOString(),
        ok: observation.ok,
        ...(observation.ok ? {} : { reason: observation.reason }),
        duration_ms: now - started,
        hwa_calls: report.calls,
        jobs_read: observation.ok ? observation.jobs.length : 0,
        events: events.length,
      });
      return events;
    });
    watcherLooks.inc({ result: observation.ok ? "ok" : "unreachable" });
    for (const event of told) eventsEmitted.inc({ kind: event.kind });
    await this.flush(scope);
  }

  /** Whether this look reads the jobs not started yet: PLAN_WATCH_DEADLINE_SECONDS after the last read that worked. */
  private notStartedDue(now: number): boolean {
    const last = this.ctx.storage.kv.get<number>("not-started-read-at") ?? 0;
    return now - last >= notificationSettings(this.env).PLAN_WATCH_DEADLINE_SECONDS * 1000;
  }

  /**
   * The look's scope, bound to its engine as the registry has it now; undefined when the engine is gone or disabled
   * (the watcher stops: the cron starts it again if the engine comes back) or has no URL (idle until it has one).
   */
  private async engineScope(base: Scope, engine: string): Promise<Scope | undefined> {
    try {
      return withEngine(base, await resolveEngine(base, engine));
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      if (error.status === 404 || error.status === 409) {
        base.log.info("plan watcher stops: its engine is gone or disabled", { engine });
        await this.ctx.storage.deleteAlarm();
      } else {
        base.log.warn("plan watcher idle: its engine cannot be reached as configured", describeError(error));
      }
      return undefined;
    }
  }

  /** Hands the outbox to the NOTIFY queue; what the queue refuses stays for the next look. */
  private async flush(scope: Scope): Promise<void> {
    const sql = this.ctx.storage.sql;
    for (let round = 0; round < FLUSH.rounds; round++) {
      const rows = sql
        .exec<{ id: string; body: string }>("SELECT id, body FROM outbox ORDER BY at, id LIMIT ?", FLUSH.rows)
        .toArray();
      if (rows.length === 0) return;
      try {
        await sendNotify(
          this.env,
          rows.map((row) => ({ kind: "event", event: JSON.parse(row.body) })),
        );
      } catch (error) {
        scope.log.warn("plan events not queued yet; the next look sends them", {
          events: rows.length,
          ...describeError(error),
        });
        return;
      }
      for (const row of rows) sql.exec("DELETE FROM outbox WHERE id = ?", row.id);
    }
  }

  /** Names followed to their end; the last known ones while libSQL cannot say (a follow must not be dropped). */
  private async followed(scope: Scope): Promise<string[]> {
    try {
      const names = await followedJobNames(await database(scope.config));
      this.ctx.storage.kv.put("followed-names", names);
      return names;
    } catch (error) {
      scope.log.warn("followed job names unavailable; using the last known", describeError(error));
      return this.ctx.storage.kv.get<string[]>("followed-names") ?? [];
    }
  }

  /** Drops records of events whose condition is gone and that are older than `REMEMBER_MS`. */
  private forget(holding: string[], now: number): void {
    const sql = this.ctx.storage.sql;
    const keep = new Set(holding);
    const old = sql.exec<{ id: string }>("SELECT id FROM emitted WHERE at < ?", now - REMEMBER_MS).toArray();
    for (const { id } of old) if (!keep.has(id)) sql.exec("DELETE FROM emitted WHERE id = ?", id);
  }

  private state(): WatcherState {
    return this.ctx.storage.kv.get<WatcherState>("state") ?? freshState();
  }
}
