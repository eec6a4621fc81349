// The chat's understanding of one operator message, in Portuguese or English: pure, synchronous, deterministic.

import { knownZone } from "./clock";
import { pickOf } from "./choice";
import { carryOver, entitiesOf, intentInContext, subjectFromContext } from "./follow-up";
import { decideIntent, isOffTopic } from "./intent";
import { detectLanguage } from "./language";
import { readMessage, type Reading } from "./reading";
import type {
  ChatAction,
  Choice,
  ConversationContext,
  Entities,
  Intent,
  Language,
  UnderstandOptions,
  Understanding,
} from "./types";
import { chatActions, intents } from "./types";

export { resolveName } from "./names";
export type * from "./types";

/**
 * What `message` asks for, with the job, stream, workstation, action and period it names. Never throws: a message
 * it cannot read is `unknown`. Relative times count from `options.now` in `options.timeZone` (UTC by default).
 */
export function understand(message: string, options: UnderstandOptions): Understanding {
  try {
    return understandMessage(typeof message === "string" ? message : String(message ?? ""), options);
  } catch {
    return { intent: "unknown", language: fallbackLanguage(options), entities: {}, followUp: false };
  }
}

function understandMessage(message: string, options: UnderstandOptions): Understanding {
  const now = options.now instanceof Date && Number.isFinite(options.now.getTime()) ? options.now.getTime() : 0;
  const context = cleanContext(options.context);
  const reading = readMessage(message, now, knownZone(options.timeZone), options.vocabulary);
  const nameTokens = new Set(reading.mentions.flatMap((mention) => range(mention.at, mention.end)));
  const language = detectLanguage(reading.tokens, (i) => nameTokens.has(i), fallbackLanguage(options));
  const pick = context?.choice ? pickOf(reading, context.choice) : undefined;
  if (pick) return { ...pick, language, followUp: true };
  const own = decideIntent(reading, context);
  const decision = intentInContext(own, reading, context);

  const entities: Entities = entitiesOf(reading.mentions, decision.intent);
  if (decision.action) entities.action = decision.action;
  if (decision.focus) entities.focus = decision.focus;
  if (reading.period) {
    entities.since = new Date(reading.period.since).toISOString();
    if (reading.period.until !== undefined) entities.until = new Date(reading.period.until).toISOString();
  }
  const intent = subjectFromContext(decision.intent, entities, context);
  if (intent !== decision.intent) Object.assign(entities, entitiesOf(reading.mentions, intent));
  if (intent === "jobstream_status" && decision.intent === "job_dependencies") entities.focus = "blocking";
  const carried = carryOver(
    { ...decision, intent, followUp: decision.followUp || intent !== decision.intent },
    own,
    reading,
    entities,
    context,
  );

  return {
    intent: intents.includes(intent) && !isAboutNothing(intent, entities, reading) ? intent : "unknown",
    language,
    entities,
    followUp: decision.followUp || carried || intent !== decision.intent,
  };
}

/**
 * A question that needs a subject, names none (nor does the conversation), and talks of something else ("will it
 * rain tomorrow in London?", "previsão do tempo pra amanhã?"): not a question about the plan.
 */
function isAboutNothing(intent: Intent, entities: Entities, reading: Reading): boolean {
  const subject =
    intent === "jobstream_status"
      ? entities.job_stream
      : ["job_status", "job_log", "job_dependencies", "job_action"].includes(intent)
        ? (entities.job ?? (entities.action === "confirm" || entities.action === "decline" ? "reply" : undefined))
        : "none needed";
  return subject === undefined && isOffTopic(reading);
}

/** The context as the types promise it: a stored or hand-made context may hold anything. */
function cleanContext(context: ConversationContext | undefined): ConversationContext | undefined {
  if (!context || typeof context !== "object") return undefined;
  const entities: Entities = {};
  const given = (context.entities ?? {}) as Record<string, unknown>;
  for (const key of ["job", "job_stream", "workstation", "since", "until"] as const) {
    const value = given[key];
    if (typeof value === "string" && value !== "") entities[key] = value;
  }
  if (chatActions.includes(given.action as ChatAction)) entities.action = given.action as ChatAction;
  const choice = cleanChoice(context.choice);
  return {
    ...(intents.includes(context.intent as Intent) ? { intent: context.intent } : {}),
    entities,
    ...(context.language === "pt" || context.language === "en" ? { language: context.language } : {}),
    ...(choice ? { choice } : {}),
  };
}

function cleanChoice(choice: unknown): Choice | undefined {
  if (!choice || typeof choice !== "object") return undefined;
  const { intent, action, kind, candidates } = choice as Record<string, unknown>;
  if (!intents.includes(intent as Intent) || !["job", "job_stream", "workstation"].includes(kind as string))
    return undefined;
  if (!Array.isArray(candidates)) return undefined;
  const named = candidates.filter(
    (c): c is Choice["candidates"][number] =>
      typeof c === "object" && c !== null && typeof (c as { name?: unknown }).name === "string",
  );
  return {
    intent: intent as Intent,
    ...(chatActions.includes(action as ChatAction) ? { action: action as ChatAction } : {}),
    kind: kind as Choice["kind"],
    candidates: named.map((c) => ({
      name: c.name,
      job_stream: typeof c.job_stream === "string" ? c.job_stream : null,
    })),
  };
}

function fallbackLanguage(options: UnderstandOptions | undefined): Language {
  const language = options?.context?.language;
  return language === "pt" || language === "en" ? language : "en";
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}
