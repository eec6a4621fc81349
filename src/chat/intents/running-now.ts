import { answerRunningNow } from "../answers/running-now";
import { runningStatuses } from "../answers/words";
import { optionsOf, type IntentHandler } from "../turn";

/** "O que está rodando agora?", "tem algo atrasado?": from the plan's lists, on the engine's clock. */
export const runningNow: IntentHandler = async (turn) => {
  const { jobs, workstations } = turn.facts.plan;
  const unlinked = new Set(workstations.filter((w) => !w.linked).map((w) => w.name));
  const running = jobs.filter((job) => runningStatuses.has(job.status ?? "") && !job.ended_at);
  const waitingForAgent = jobs.filter((job) => job.status === "READY" && unlinked.has(job.workstation ?? ""));
  const askedWhatIsLate = turn.understood.entities.focus === "late";
  return { reply: answerRunningNow(running, waitingForAgent, { ...optionsOf(turn), askedWhatIsLate }) };
};
