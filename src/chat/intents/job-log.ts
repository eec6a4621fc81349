import { answerJobLog } from "../answers/job-log";
import { optionsOf, type IntentHandler } from "../turn";
import { findJob } from "./find-job";

/** "Mostra o log do X", "por que o X falhou?": its current run's error lines and tail. */
export const jobLog: IntentHandler = async (turn) => {
  const found = await findJob(turn);
  if ("answer" in found) return found.answer;
  const { job } = found;
  const run = job.runs.find((r) => r.last_in_rerun_chain);
  const log = run ? await turn.facts.log(job, run.run_id) : null;
  const options = { ...optionsOf(turn), ...(run ? { runId: run.run_id } : {}) };
  return { reply: answerJobLog(job, log, options), resolved: found.resolved };
};
