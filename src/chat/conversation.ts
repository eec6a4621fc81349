import { readEngine } from "../engine/reads";
import { HwaError } from "../hwa/errors";
import { readJob, readJobLog, readRelatives } from "../jobs/reads";
import { readJobStream } from "../jobstreams/reads";
import type { Scope } from "../platform/scope/scope";
import {
  answerDependencies,
  answerFailedJobs,
  answerHelp,
  answerHwaTrouble,
  answerJobLog,
  answerJobStatus,
  answerJobStream,
  answerUnknown,
  answerWorkstation,
  answerWorkstations,
  type AnswerOptions,
  type Reply,
} from "./answers";
import { askForName } from "./answers/ask-for-name";
import { confirmPendingAction, declineAction, proposeAction, type PendingSlot } from "./chat-actions";
import { failedJobs, Freshness, jobsNamed, jobsOfStream } from "./facts";
import { readPlan, type Plan } from "./plan";
import { planName, resolveJob, resolveJobStream, resolveWorkstation } from "./resolve";
import type { Asker } from "./session";
import { understand } from "./understanding";
import { instantOfWallTime, knownZone, wallTimeAt } from "./understanding/clock";
import type { ConversationContext, Entities, Understanding } from "./understanding/types";
import { asksToBeNotified, proposeNotification } from "../subscriptions/chat-request";

/** What the conversation needs from its session: the context of follow-ups and the action waiting for "sim". */
export interface SessionAccess extends PendingSlot {
  context: ConversationContext;
}

/** Midnight of today on the operator's clock: what "failed jobs" means without a time. */
function startOfToday(now: Date, timeZone: string): Date {
  return new Date(instantOfWallTime({ ...wallTimeAt(now.getTime(), timeZone), hour: 0, minute: 0 }, timeZone));
}

/** The engine's clock (times are said as HWA's operators read them); UTC when HWA cannot say. */
async function engineTimeZone(scope: Scope): Promise<string> {
  try {
    return knownZone((await readEngine(scope)).value.timezone ?? undefined);
  } catch {
    return "UTC";
  }
}

/** Answers one message: understand it against the plan's names, read what it asks from HWA, say it. */
export async function converse(
  scope: Scope,
  asker: Asker,
  session: SessionAccess,
  message: string,
  now: Date,
  sessionId: string,
): Promise<{ reply: Reply; context: ConversationContext }> {
  const freshness = new Freshness();
  // Without the plan (HWA down, cold cache) the message is still understood, by its words alone.
  const [timeZone, plan] = await Promise.all([
    engineTimeZone(scope),
    readPlan(scope, freshness).catch((error: unknown) => {
      if (error instanceof HwaError) return error;
      throw error;
    }),
  ]);
  const known = plan instanceof HwaError ? undefined : plan;
  const understood = understand(message, { now, timeZone, context: session.context, vocabulary: known?.vocabulary });
  const base: AnswerOptions = { language: understood.language, now, timeZone };
  let resolved: Entities = {};
  let reply: Reply;
  try {
    const answer = await answerUnderstood(
      scope,
      asker,
      session,
      sessionId,
      understood,
      known,
      plan instanceof HwaError ? plan : undefined,
      freshness,
      base,
      asksToBeNotified(message),
    );
    reply = answer.reply;
    resolved = answer.resolved;
  } catch (error) {
    if (!(error instanceof HwaError)) throw error;
    reply = answerHwaTrouble(
      { failure: error.failure, retryAfterSeconds: error.retryAfterSeconds },
      { ...base, intent: understood.intent },
    );
  }
  return { reply, context: nextContext(session.context, understood, resolved) };
}

/** Follow-ups refer to what this answer was about, by the plan's names; "sim"/"não" leave the subject as it was. */
function nextContext(
  previous: ConversationContext,
  understood: Understanding,
  resolved: Entities,
): ConversationContext {
  const action = understood.entities.action;
  if (understood.intent === "job_action" && (action === "confirm" || action === "decline"))
    return { ...previous, language: understood.language };
  if (understood.intent === "help" || understood.intent === "unknown")
    return { ...previous, language: understood.language };
  const entities = { ...understood.entities, ...resolved };
  delete entities.action;
  return { intent: understood.intent, entities, language: understood.language };
}

async function answerUnderstood(
  scope: Scope,
  asker: Asker,
  session: SessionAccess,
  sessionId: string,
  understood: Understanding,
  plan: Plan | undefined,
  planFailure: HwaError | undefined,
  freshness: Freshness,
  base: AnswerOptions,
  notify: boolean,
): Promise<{ reply: Reply; resolved: Entities }> {
  const { intent, entities } = understood;
  const options = (): AnswerOptions =>
    freshness.staleSeconds !== undefined ? { ...base, stale: { ageSeconds: freshness.staleSeconds } } : base;
  const none = { resolved: {} };

  if (intent === "help") return { reply: answerHelp(base), ...none };
  if (intent === "unknown") return { reply: answerUnknown(base), ...none };
  if (intent === "job_action" && entities.action === "confirm")
    return { reply: await confirmPendingAction(scope, asker, session, sessionId, base), ...none };
  if (intent === "job_action" && entities.action === "decline") return { reply: declineAction(session, base), ...none };
  if (!plan) throw planFailure!;

  if (intent === "failed_jobs") {
    const stream = planName(entities.job_stream, plan.vocabulary.jobStreams ?? []) ?? entities.job_stream;
    const since = entities.since ?? startOfToday(base.now, base.timeZone ?? "UTC").toISOString();
    const from = Date.parse(since);
    const to = entities.until ? Date.parse(entities.until) : Infinity;
    const failed = (await failedJobs(scope, stream, freshness)).filter((job) => {
      const at = Date.parse(job.ended_at ?? job.started_at ?? "");
      return at >= from && at < to;
    });
    const question = {
      since,
      ...(entities.until ? { until: entities.until } : {}),
      ...(stream ? { jobStream: stream } : {}),
    };
    return { reply: answerFailedJobs(failed, question, options()), resolved: stream ? { job_stream: stream } : {} };
  }

  if (intent === "jobstream_status") {
    if (!entities.job_stream) return { reply: askForName("job_stream", intent, base), ...none };
    const found = resolveJobStream(entities.job_stream, plan.jobStreams, intent, options());
    if ("reply" in found) return { reply: found.reply, ...none };
    const [stream, jobs] = await Promise.all([
      readJobStream(scope, found.found.id).then((read) => freshness.note(read)),
      jobsOfStream(scope, found.found, freshness),
    ]);
    return { reply: answerJobStream(stream, jobs, options()), resolved: { job_stream: stream.name } };
  }

  if (intent === "workstation_status") {
    if (!entities.workstation) return { reply: answerWorkstations(plan.workstations, options()), ...none };
    const found = resolveWorkstation(entities.workstation, plan.workstations, intent, options());
    if ("reply" in found) return { reply: found.reply, ...none };
    return { reply: answerWorkstation(found.found, options()), resolved: { workstation: found.found.name } };
  }

  // Every other intent is about one job.
  if (!entities.job) return { reply: askForName("job", intent, base), ...none };
  // A plan larger than the chat indexes may still hold the name: look it up exactly.
  const written = entities.job.toUpperCase();
  const jobs =
    plan.complete || plan.jobs.some((job) => job.name === written)
      ? plan.jobs
      : [...plan.jobs, ...(await jobsNamed(scope, written, freshness))];
  const found = resolveJob(entities.job, entities.job_stream, jobs, intent, options());
  if ("reply" in found) return { reply: found.reply, ...none };
  const resolved = { job: found.found.name, ...(found.found.job_stream ? { job_stream: found.found.job_stream } : {}) };
  const job = freshness.note(await readJob(scope, found.found.id));
  // "me avise quando o X terminar": a one-shot console subscription, confirmed like an action.
  if (notify) return { reply: await proposeNotification(scope, session, job, options()), resolved };

  switch (intent) {
    case "job_status":
      return { reply: answerJobStatus(job, options()), resolved };
    case "job_log": {
      const run = job.runs.find((r) => r.last_in_rerun_chain);
      const log = run ? freshness.note(await readJobLog(scope, job, run.run_id)) : null;
      return { reply: answerJobLog(job, log, { ...options(), ...(run ? { runId: run.run_id } : {}) }), resolved };
    }
    case "job_dependencies": {
      const { predecessors, successors } = await readRelatives(scope, job.id);
      return { reply: answerDependencies(job, predecessors, successors, options()), resolved };
    }
    case "job_action": {
      const action = entities.action;
      if (!action || action === "confirm" || action === "decline") return { reply: answerHelp(base), resolved };
      return { reply: await proposeAction(scope, asker, session, action, job, options()), resolved };
    }
    default:
      return { reply: answerUnknown(base), ...none };
  }
}
