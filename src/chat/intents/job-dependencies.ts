import { answerDependencies } from "../answers/dependencies";
import { rootCause } from "../root-cause";
import { optionsOf, type IntentHandler } from "../turn";
import { findJob } from "./find-job";

/**
 * "O que está segurando o X?", "por que o X não roda?", "e os predecessores dele?", "quem vem depois do X?": every
 * predecessor, the chain, and what waits on it.
 */
export const jobDependencies: IntentHandler = async (turn) => {
  const found = await findJob(turn);
  if ("answer" in found) return found.answer;
  const { job } = found;
  const [{ predecessors, successors }, blockage] = await Promise.all([
    turn.facts.relatives(job.id),
    rootCause(job, turn.facts, turn.clock.now),
  ]);
  const options = {
    ...optionsOf(turn),
    ...(blockage ? { blockage } : {}),
    askedWhatWaitsOnIt: turn.understood.entities.focus === "successors",
  };
  return { reply: answerDependencies(job, predecessors, successors, options), resolved: found.resolved };
};
