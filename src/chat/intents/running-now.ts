import { answerRunningNow } from "../answers/running-now";
import { runningStatuses } from "../answers/words";
import { planName } from "../resolve";
import { optionsOf, type IntentHandler } from "../turn";

/**
 * "O que está rodando agora?", "tem algo atrasado?", "tem job esperando o AGT_AIX01?": from the plan's lists, on
 * the engine's clock; a workstation named keeps the ready jobs to its own.
 */
export const runningNow: IntentHandler = async (turn) => {
  const { jobs, workstations } = turn.facts.plan;
  const { focus, workstation } = turn.understood.entities;
  const named = planName(
    workstation,
    workstations.map((w) => w.name),
  );
  const unlinked = new Set(workstations.filter((w) => !w.linked && (!named || w.name === named)).map((w) => w.name));
  const running = jobs.filter((job) => runningStatuses.has(job.status ?? "") && !job.ended_at);
  const waitingForAgent = jobs.filter((job) => job.status === "READY" && unlinked.has(job.workstation ?? ""));
  const options = { ...optionsOf(turn), askedWhatIsLate: focus === "late", askedWhatWaitsForAgent: focus === "agent" };
  return {
    reply: answerRunningNow(running, waitingForAgent, options),
    ...(named ? { resolved: { workstation: named } } : {}),
  };
};
