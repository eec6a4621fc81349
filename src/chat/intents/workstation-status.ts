import { answerWorkstation, answerWorkstations } from "../answers/workstation";
import { resolveWorkstation } from "../resolve";
import { optionsOf, type IntentHandler } from "../turn";

/** "A estação X está linkada?", or how many of the plan's are. */
export const workstationStatus: IntentHandler = async (turn) => {
  const { intent, entities } = turn.understood;
  const { workstations } = turn.facts.plan;
  if (!entities.workstation) return { reply: answerWorkstations(workstations, optionsOf(turn)) };
  const found = resolveWorkstation(entities.workstation, workstations, { ...optionsOf(turn), intent });
  if ("reply" in found) return found;
  return { reply: answerWorkstation(found.found, optionsOf(turn)), resolved: { workstation: found.found.name } };
};
