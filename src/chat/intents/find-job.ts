import type { Job, JobDetail } from "../../jobs/job";
import { askForName } from "../answers/ask-for-name";
import { resolveJob } from "../resolve";
import { optionsOf, type Turn, type TurnAnswer } from "../turn";
import type { Entities } from "../understanding/types";

/** The job a question is about, resolved against the plan and read; or the answer that asks which, or says none. */
export async function findJob(turn: Turn): Promise<{ job: JobDetail; resolved: Entities } | { answer: TurnAnswer }> {
  const { intent, entities } = turn.understood;
  if (!entities.job) return { answer: { reply: askForName("job", intent, optionsOf(turn)) } };
  const plan = turn.facts.plan;
  // A plan larger than the chat indexes may still hold the name: look it up exactly.
  const written = entities.job.toUpperCase();
  const jobs =
    plan.complete || plan.jobs.some((job) => job.name === written)
      ? plan.jobs
      : [...plan.jobs, ...(await turn.facts.jobsNamed(written))];
  const action = entities.action;
  const streams = new Map(plan.jobStreams.map((stream) => [stream.id, stream]));
  const underway = (job: Job) => {
    const stream = streams.get(job.job_stream_id ?? "");
    return Boolean(stream?.started_at && !stream.ended_at);
  };
  const found = resolveJob(entities.job, entities.job_stream, jobs, {
    ...optionsOf(turn),
    intent,
    underway,
    ...(action ? { action } : {}),
  });
  if ("reply" in found) return { answer: found };
  const job = await turn.facts.job(found.found.id);
  return { job, resolved: { job: job.name, ...(job.job_stream ? { job_stream: job.job_stream } : {}) } };
}
