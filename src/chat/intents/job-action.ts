import { answerHelp } from "../answers/help";
import { confirmPendingAction, declineAction, proposeAction } from "../chat-actions";
import { optionsOf, type IntentHandler } from "../turn";
import { findJob } from "./find-job";

/** "Rerun X" is described and waits for "sim"; "sim" does what waits, once; "não" forgets it. */
export const jobAction: IntentHandler = async (turn) => {
  const { action } = turn.understood.entities;
  const { scope, asker, session, sessionId } = turn;
  if (action === "confirm")
    return { reply: await confirmPendingAction(scope, asker, session, sessionId, optionsOf(turn), turn.receivedAt) };
  if (action === "decline") return { reply: declineAction(session, optionsOf(turn), turn.receivedAt) };
  const found = await findJob(turn);
  if ("answer" in found) return found.answer;
  if (!action) return { reply: answerHelp(optionsOf(turn)), resolved: found.resolved };
  const reply = await proposeAction(scope, asker, session, action, found.job, optionsOf(turn), turn.receivedAt);
  return { reply, resolved: found.resolved };
};
