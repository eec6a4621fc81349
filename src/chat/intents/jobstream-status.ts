import { askForName } from "../answers/ask-for-name";
import { answerJobStream } from "../answers/job-stream";
import { resolveJobStream } from "../resolve";
import { streamBlockage } from "../root-cause";
import { optionsOf, type IntentHandler } from "../turn";

/** "Como está o stream X?", "o que está travando o X?": its status, its jobs, and what blocks it when something does. */
export const jobStreamStatus: IntentHandler = async (turn) => {
  const { intent, entities } = turn.understood;
  if (!entities.job_stream) return { reply: askForName("job_stream", intent, optionsOf(turn)) };
  const found = resolveJobStream(entities.job_stream, turn.facts.plan.jobStreams, { ...optionsOf(turn), intent });
  if ("reply" in found) return found;
  const [stream, jobs] = await Promise.all([
    turn.facts.jobStream(found.found.id),
    turn.facts.jobsOfStream(found.found),
  ]);
  const askedWhatBlocks = entities.focus === "blocking";
  const due = stream.started_at !== null || Date.parse(stream.sched_time ?? "") <= turn.clock.now.getTime();
  const blockage =
    (due && stream.ended_at === null) || askedWhatBlocks
      ? await streamBlockage(jobs, turn.facts, turn.clock.now)
      : undefined;
  const options = { ...optionsOf(turn), askedWhatBlocks, ...(blockage ? { blockage } : {}) };
  return { reply: answerJobStream(stream, jobs, options), resolved: { job_stream: stream.name } };
};
