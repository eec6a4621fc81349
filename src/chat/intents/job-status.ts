import { answerJobStatus } from "../answers/job-status";
import { rootCause } from "../root-cause";
import { optionsOf, type IntentHandler } from "../turn";
import { findJob } from "./find-job";

/** "Qual o status do job X?", "o X abendou?": its status, times, earlier failed runs, and what blocks it. */
export const jobStatus: IntentHandler = async (turn) => {
  const found = await findJob(turn);
  if ("answer" in found) return found.answer;
  const blockage = await rootCause(found.job, turn.facts, turn.clock.now);
  const options = { ...optionsOf(turn), ...(blockage ? { blockage } : {}) };
  return { reply: answerJobStatus(found.job, options), resolved: found.resolved };
};
