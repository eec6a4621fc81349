// The chat's answers: pure functions from facts read from HWA to the operator's answer, in pt or en.
export type { Reply } from "./reply";
export { staleNote, type ReplyWith } from "./compose";
export { agoText, clockText, durationText, sinceText, type AnswerOptions } from "./format";
export { messagesFor, type Messages } from "./messages";
export { answerJobStatus, type JobStatusData } from "./job-status";
export { answerJobLog, type JobLogData, type JobLogOptions } from "./job-log";
export { errorCause, looksLikeError, scanLog, type LogLine, type LogScan, type LogScanOptions } from "./error-lines";
export { answerFailedJobs, type FailedJobsData, type FailedJobsQuestion, type JobFailure } from "./failed-jobs";
export { answerJobStream, type JobStreamData, type JobStreamOptions } from "./job-stream";
export { answerRunningNow, lateJobs, type RunningNowData, type RunningNowOptions } from "./running-now";
export { answerWorkstation, answerWorkstations, type WorkstationFacts, type WorkstationsData } from "./workstation";
export { answerDependencies, type DependenciesData } from "./dependencies";
export { blockageLines, chainSentence, type Blockage, type RootKind } from "./root-cause";
export { answerHelp, answerUnknown, type HelpData } from "./help";
export { askForName } from "./ask-for-name";
export { askWhich, notFound, quoteWritten, type Candidate, type NameOptions, type NamedKind } from "./names";
export {
  acceptedStatuses,
  actionDeclined,
  actionDone,
  actionDuringMaintenance,
  actionFailed,
  actionRefused,
  confirmAction,
  nothingPending,
  roleCannotAct,
  type ActionOutcomeData,
  type ActionTarget,
  type JobChatAction,
  type PendingActionData,
} from "./actions";
export { answerHwaTrouble, upstreamReason, type HwaTroubleData } from "./upstream";
