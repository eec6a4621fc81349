import { readEngine } from "../engine/reads";
import { HwaError } from "../hwa/errors";
import type { Scope } from "../platform/scope/scope";
import type { Reply } from "./answers/reply";
import { answerHwaTrouble } from "./answers/upstream";
import { engineNow, type EngineClock } from "./engine-clock";
import { Facts } from "./facts";
import { Freshness } from "./freshness";
import { handlers } from "./intents";
import { notifyWhenEnded } from "./intents/notify-when-ended";
import { readPlan, type PlanRead } from "./plan";
import type { Asker } from "./session";
import { optionsOf, type SessionAccess, type Turn, type TurnAnswer } from "./turn";
import { understand } from "./understanding";
import { knownZone } from "./understanding/clock";
import type { ConversationContext, Intent, Understanding } from "./understanding/types";
import { asksToBeNotified } from "../subscriptions/chat-request";

export type { SessionAccess };

/** The engine's zone (times are said as HWA's operators read them); UTC when HWA cannot say. */
async function engineTimeZone(scope: Scope): Promise<string> {
  try {
    return knownZone((await readEngine(scope)).value.timezone ?? undefined);
  } catch {
    return "UTC";
  }
}

/** The engine's clock from the plan's pages; the Worker's when there is no plan to read it from. */
function clockOf(planRead: PlanRead | HwaError, timeZone: string, receivedAt: Date): EngineClock {
  if (planRead instanceof HwaError) return { now: receivedAt, timeZone };
  const pages = planRead.plan.observed.map((observed, i) => ({ observed, ageSeconds: planRead.pageAges[i] ?? 0 }));
  return { now: new Date(engineNow(pages, receivedAt.getTime())), timeZone };
}

/**
 * Answers one message: reads the plan (its names, and the engine's clock), understands the message against it,
 * and lets the intent's handler read what it asks from HWA and say it. `receivedAt` is the Worker's clock.
 */
export async function converse(
  scope: Scope,
  asker: Asker,
  session: SessionAccess,
  message: string,
  receivedAt: Date,
  sessionId: string,
): Promise<{ reply: Reply; context: ConversationContext }> {
  const freshness = new Freshness();
  // Without the plan (HWA down, cold cache) the message is still understood, by its words alone.
  const [timeZone, planRead] = await Promise.all([
    engineTimeZone(scope),
    readPlan(scope, freshness).catch((error: unknown) => {
      if (error instanceof HwaError) return error;
      throw error;
    }),
  ]);
  const facts = new Facts(scope, planRead instanceof HwaError ? planRead : planRead.plan, freshness);
  const clock = clockOf(planRead, timeZone, receivedAt);
  const understood = understand(message, {
    now: clock.now,
    timeZone,
    context: session.context,
    ...(facts.hasPlan ? { vocabulary: facts.plan.vocabulary } : {}),
  });
  const turn: Turn = {
    scope,
    asker,
    sessionId,
    session,
    understood,
    facts,
    clock,
    language: understood.language,
    receivedAt,
  };
  let answer: TurnAnswer;
  try {
    const handler =
      asksToBeNotified(message) && isAboutOneJob(understood) ? notifyWhenEnded : handlers[understood.intent];
    answer = await handler(turn);
  } catch (error) {
    if (!(error instanceof HwaError)) throw error;
    const trouble = { failure: error.failure, retryAfterSeconds: error.retryAfterSeconds };
    answer = { reply: answerHwaTrouble(trouble, { ...optionsOf(turn), intent: understood.intent }) };
  }
  return { reply: answer.reply, context: nextContext(session.context, understood, answer) };
}

const ONE_JOB: ReadonlySet<Intent> = new Set(["job_status", "job_log", "job_dependencies", "job_action"]);

/** A question about one job (not a "sim"/"não"): what "me avise quando … terminar" can be about. */
function isAboutOneJob({ intent, entities }: Understanding): boolean {
  return ONE_JOB.has(intent) && entities.action !== "confirm" && entities.action !== "decline";
}

/**
 * Follow-ups refer to what this answer was about, by the plan's names; "sim"/"não" leave the subject as it was; a
 * "qual deles?" keeps the question (and action) for the choice.
 */
function nextContext(
  previous: ConversationContext,
  understood: Understanding,
  answer: TurnAnswer,
): ConversationContext {
  const action = understood.entities.action;
  if (understood.intent === "job_action" && (action === "confirm" || action === "decline"))
    return { ...withoutChoice(previous), language: understood.language };
  if (understood.intent === "help" || understood.intent === "unknown")
    return { ...withoutChoice(previous), language: understood.language };
  const entities = { ...understood.entities, ...answer.resolved };
  // An action is never carried to the next message: "e o LOAD_RATES?" after "rerun LOAD" asks its status.
  delete entities.action;
  delete entities.focus;
  return {
    intent: understood.intent,
    entities,
    language: understood.language,
    ...(answer.choice ? { choice: answer.choice } : {}),
  };
}

function withoutChoice(context: ConversationContext): ConversationContext {
  const { choice: _, ...rest } = context;
  return rest;
}
