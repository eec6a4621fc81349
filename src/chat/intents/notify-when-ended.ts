import { proposeNotification } from "../../subscriptions/chat-request";
import { optionsOf, type IntentHandler } from "../turn";
import { findJob } from "./find-job";

/** "Me avise quando o PAYROLL terminar": proposes a one-shot console notification of the job's end. */
export const notifyWhenEnded: IntentHandler = async (turn) => {
  const found = await findJob(turn);
  if ("answer" in found) return found.answer;
  const reply = await proposeNotification(turn.scope, turn.session, found.job, optionsOf(turn), turn.receivedAt);
  return { reply, resolved: found.resolved };
};
