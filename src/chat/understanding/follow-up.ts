// A message read in the light of the conversation: "e o log?" is the log of the job spoken of, "rerun it" reruns
// it, "e no stream DAILY?" asks the previous question of stream DAILY, "what about LOAD?" asks it of LOAD.

import { roleOf } from "./intent";
import type { IntentReading } from "./intent";
import type { Mention, Role } from "./entities";
import type { Reading } from "./reading";
import type { ChatAction, ConversationContext, Entities, Intent } from "./types";

const jobIntents: Intent[] = ["job_status", "job_log", "job_dependencies", "job_action"];
const realActions: ChatAction[] = ["hold", "release", "rerun", "cancel", "kill"];

export interface Decision {
  intent: Intent;
  action?: ChatAction;
  focus?: Entities["focus"];
  /** The intent came from the context. */
  followUp: boolean;
}

/** The intent, from the message when it says one, else from the previous question. */
export function intentInContext(
  own: IntentReading,
  reading: Reading,
  context: ConversationContext | undefined,
): Decision {
  const decided: Decision = {
    intent: own.intent,
    ...(own.action ? { action: own.action } : {}),
    ...(own.focus ? { focus: own.focus } : {}),
    followUp: false,
  };
  const previous = context?.intent;
  if (own.ownCue || !previous || previous === "unknown" || previous === "help") return decided;
  const goesOn =
    reading.mentions.length > 0 || reading.period !== undefined || reading.has("pronoun") || reading.has("follow_up");
  if (!goesOn) return decided;

  const subject = reading.mentions.find((mention) => !mention.afterPreposition);
  const subjectRole = subject ? roleOf(subject) : undefined;
  // A new subject of another kind changes the question to its status ("e o PAYROLL?" after a job question).
  if (subjectRole === "job_stream" && previous !== "jobstream_status" && previous !== "failed_jobs")
    return { intent: "jobstream_status", followUp: true };
  if (subjectRole === "workstation" && previous !== "workstation_status")
    return { intent: "workstation_status", followUp: true };
  if (subjectRole === "job" && !jobIntents.includes(previous)) return { intent: "job_status", followUp: true };
  if (previous === "job_action") {
    const action = context?.entities?.action;
    if (action && realActions.includes(action)) return { intent: "job_action", action, followUp: true };
    return { intent: "job_status", followUp: true };
  }
  return { intent: previous, followUp: true };
}

/** The names a message gives, each in the slot the intent reads it in. */
export function entitiesOf(mentions: readonly Mention[], intent: Intent): Entities {
  const entities: Entities = {};
  const preferred: Role =
    intent === "jobstream_status" || intent === "failed_jobs"
      ? "job_stream"
      : intent === "workstation_status"
        ? "workstation"
        : "job";
  for (const mention of mentions) {
    const role = slotFor(mention, preferred, entities);
    if (role === "job") entities.job ??= mention.name;
    else if (role === "job_stream") entities.job_stream ??= mention.name;
    else entities.workstation ??= mention.name;
  }
  return entities;
}

function slotFor(mention: Mention, preferred: Role, filled: Entities): Role {
  if (mention.role) return mention.role;
  if (mention.planRoles.includes(preferred)) return preferred;
  if (mention.planRoles.length > 0) return roleOf(mention) ?? preferred;
  // A name the plan does not know: the intent's own slot, or the stream of "rerun LOAD in DAILY".
  if (preferred === "job" && filled.job !== undefined && mention.afterPreposition) return "job_stream";
  return preferred;
}

/** Entities the message leaves out, taken from the previous question where they are still what is meant. */
export function carryOver(
  decision: Decision,
  own: IntentReading,
  reading: Reading,
  entities: Entities,
  context: ConversationContext | undefined,
): boolean {
  const before = context?.entities;
  if (!before || (decision.intent === "job_action" && !realActions.includes(decision.action ?? "confirm")))
    return false;
  let carried = false;
  const take = <K extends keyof Entities>(key: K) => {
    if (entities[key] === undefined && before[key] !== undefined) {
      entities[key] = before[key];
      carried = true;
    }
  };
  const goesOn = decision.followUp || !own.ownCue || reading.has("follow_up") || reading.has("pronoun");

  if (jobIntents.includes(decision.intent)) {
    if (entities.job === undefined && before.job !== undefined) {
      take("job");
      // The job's stream keeps telling apart jobs of the same name (LOAD in ETL_DWH and in DWH_NIGHTLY).
      take("job_stream");
    }
    return carried;
  }
  if (!goesOn) return false;
  if (decision.intent === "failed_jobs") {
    take("job_stream");
    if (entities.since === undefined && before.since !== undefined) {
      take("since");
      take("until");
    }
  } else if (decision.intent === "jobstream_status") {
    take("job_stream");
  } else if (decision.intent === "workstation_status") {
    take("workstation");
  }
  return carried;
}

/**
 * "e o status?" after a stream or workstation question asks that stream's or workstation's status; "e tá travado?"
 * after a stream question asks what blocks the stream.
 */
export function subjectFromContext(
  intent: Intent,
  entities: Entities,
  context: ConversationContext | undefined,
): Intent {
  const before = context?.entities;
  if (intent !== "job_status" && intent !== "job_dependencies") return intent;
  if (entities.job !== undefined || !before || before.job !== undefined) return intent;
  if (before.job_stream !== undefined) return "jobstream_status";
  if (intent === "job_status" && before.workstation !== undefined) return "workstation_status";
  return intent;
}
