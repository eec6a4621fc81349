import type { Language } from "../understanding/types";
import { messagesFor, type JobChatAction, type SuggestedJob } from "./messages";

export type { JobChatAction, SuggestedJob };

// Next questions, written as an operator would type them so that they work when sent back. Each names its
// job, stream or workstation in full: a suggestion must not depend on the conversation to be understood.

const words = (language: Language) => messagesFor(language).suggest;

export const suggest = {
  /** "fazer rerun do job LOAD" / "rerun job LOAD": also how the confirmation question words the action. */
  action: (action: JobChatAction, job: SuggestedJob, language: Language) => words(language).action(action, job),
  jobStatus: (job: SuggestedJob, language: Language) => words(language).jobStatus(job),
  jobLog: (job: SuggestedJob, language: Language) => words(language).jobLog(job),
  dependencies: (job: SuggestedJob, language: Language) => words(language).dependencies(job),
  rerun: (job: SuggestedJob, language: Language) => words(language).action("rerun", job),
  release: (job: SuggestedJob, language: Language) => words(language).action("release", job),
  failedToday: (language: Language) => words(language).failedToday,
  runningNow: (language: Language) => words(language).runningNow,
  lateJobs: (language: Language) => words(language).lateJobs,
  jobStream: (name: string, language: Language) => words(language).jobStream(name),
  workstation: (name: string, language: Language) => words(language).workstation(name),
  workstations: (language: Language) => words(language).workstations,
  help: (language: Language) => words(language).help,
};
