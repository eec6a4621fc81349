import { answerJobStatus } from "../answers/job-status";
import { optionsOf, type IntentHandler } from "../turn";
import { findJob } from "./find-job";

/** "Qual o status do job X?", "o X abendou?": its status, times, what it waits on, and earlier failed runs. */
export const jobStatus: IntentHandler = async (turn) => {
  const found = await findJob(turn);
  if ("answer" in found) return found.answer;
  return { reply: answerJobStatus(found.job, optionsOf(turn)), resolved: found.resolved };
};
