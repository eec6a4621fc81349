import type { ChatAction, Language } from "../understanding/types";

/** The actions the chat performs on a job (confirm and decline answer a pending one). */
export type JobChatAction = Exclude<ChatAction, "confirm" | "decline">;

// Next questions, written as an operator would type them so that they work when sent back. Each names its
// job, stream or workstation in full: a suggestion must not depend on the conversation to be understood.

/** A job as suggestions name it; the stream only when the name alone is ambiguous (askWhich). */
export interface SuggestedJob {
  name: string;
  job_stream?: string | null;
}

const inStream = (job: SuggestedJob, language: Language) =>
  job.job_stream ? (language === "pt" ? ` no stream ${job.job_stream}` : ` in stream ${job.job_stream}`) : "";

const actionVerbs: Record<JobChatAction, string> = {
  rerun: "fazer rerun do",
  hold: "colocar em hold o",
  release: "liberar o",
  cancel: "cancelar o",
  kill: "fazer kill do",
};

export const suggest = {
  /** "fazer rerun do job LOAD" / "rerun job LOAD": also how the confirmation question words the action. */
  action: (action: JobChatAction, job: SuggestedJob, language: Language) =>
    language === "pt"
      ? `${actionVerbs[action]} job ${job.name}${inStream(job, language)}`
      : `${action} job ${job.name}${inStream(job, language)}`,
  jobStatus: (job: SuggestedJob, language: Language) =>
    language === "pt"
      ? `qual o status do job ${job.name}${inStream(job, language)}?`
      : `what is the status of job ${job.name}${inStream(job, language)}?`,
  jobLog: (job: SuggestedJob, language: Language) =>
    language === "pt"
      ? `mostre o log do job ${job.name}${inStream(job, language)}`
      : `show the log of job ${job.name}${inStream(job, language)}`,
  dependencies: (job: SuggestedJob, language: Language) =>
    language === "pt"
      ? `o que está segurando o job ${job.name}${inStream(job, language)}?`
      : `what is job ${job.name}${inStream(job, language)} waiting on?`,
  rerun: (job: SuggestedJob, language: Language) => suggest.action("rerun", job, language),
  failedToday: (language: Language) => (language === "pt" ? "quais jobs abendaram hoje?" : "which jobs abended today?"),
  jobStream: (name: string, language: Language) =>
    language === "pt" ? `qual o status do stream ${name}?` : `what is the status of job stream ${name}?`,
  workstation: (name: string, language: Language) =>
    language === "pt" ? `a estação ${name} está linkada?` : `is workstation ${name} linked?`,
  workstations: (language: Language) =>
    language === "pt" ? "quais estações não estão linkadas?" : "which workstations are not linked?",
  help: (language: Language) => (language === "pt" ? "ajuda" : "help"),
};
