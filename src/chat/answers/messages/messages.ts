import type { HwaFailure } from "../../../hwa/errors";
import type { ChatAction, Intent, Language } from "../../understanding/types";

// Every sentence the chat says, as one interface: pt.ts and en.ts implement it, so a sentence missing in one
// language does not compile. Arguments are facts already formatted (names, times, durations); the catalogue only
// puts them into words.

export type JobChatAction = Exclude<ChatAction, "confirm" | "decline">;
export type NamedKind = "job" | "job_stream" | "workstation";

/** A job as a suggestion names it; the stream only when the name alone is ambiguous. */
export interface SuggestedJob {
  name: string;
  job_stream?: string | null;
}

export interface TimeWords {
  /** "há 5 min" / "5 min ago". */
  ago(duration: string): string;
  /** How long something has been running: "há 5 min" / "for 5 min". */
  elapsed(duration: string): string;
  yesterday(hhmm: string): string;
  tomorrow(hhmm: string): string;
  /** A time on another day: "25/11 23:40" / "Nov 25 23:40" (the year only when it is not this year's). */
  otherDay(date: { day: number; month: number; year?: number }, hhmm: string): string;
  /** A start of period that is today: "06:00 (hoje)". */
  today(hhmm: string): string;
  /** A time within a sentence: "às 18:24" / "at 18:24"; "ontem 23:40" stays as it is. */
  at(clock: string): string;
}

export interface ListWords {
  /** " e " / " and ": the last joint of a list. */
  and: string;
  /** " ou " / " or ". */
  or: string;
  /** "e mais 3" / "and 3 more". */
  more(n: number): string;
}

export interface StatusWords {
  /** Words for substatuses the shared status words do not describe. */
  substatus: Readonly<Record<string, string>>;
  /** A job kept from starting by an operator: HOLD at priority 0. */
  heldByOperator: string;
  /** Dependency types as counted: [one, many]. */
  dependencyTypes: Readonly<Record<string, readonly [string, string]>>;
  workstation: string;
}

export interface SuggestionWords {
  action(action: JobChatAction, job: SuggestedJob): string;
  jobStatus(job: SuggestedJob): string;
  jobLog(job: SuggestedJob): string;
  dependencies(job: SuggestedJob): string;
  failedToday: string;
  runningNow: string;
  lateJobs: string;
  jobStream(name: string): string;
  workstation(name: string): string;
  workstations: string;
  help: string;
}

export interface UpstreamWords {
  retrySoon: string;
  retryIn(wait: string): string;
  reason(failure: HwaFailure, retry: string): string;
  couldNotAsk(reason: string): string;
  /** "(dados de há 40 s: o HWA não respondeu)". */
  staleNote(age: string): string;
}

export interface NameWords {
  which(count: number, kind: NamedKind, written: string): string;
  notFound(kind: NamedKind, written: string): string;
  closeNames(list: string): string;
  howToFind(kind: NamedKind, written: string, workstationsQuestion: string): string;
  askFor(kind: NamedKind, example: string): string;
}

export interface HelpWords {
  examples: readonly { intent: Intent; example: string; note?: string }[];
  suggested: readonly string[];
  head: string;
  notUnderstood: string;
}

export interface WorkstationWords {
  label: string;
  node: string;
  linked: string;
  notLinked: string;
  activeStates: string;
  none: string;
  limit: string;
  unlinkedNote: string;
  summary(total: number, linked: number, notLinked: number): string;
  notLinkedList: string;
}

export interface JobStatusWords {
  started(at: string): string;
  ended(at: string): string;
  running(duration: string): string;
  overEstimate(estimate: string, deviation: string | undefined): string;
  ofEstimate(estimate: string): string;
  ran(duration: string): string;
  againstEstimate(estimate: string, deviation: string | undefined): string;
  scheduled(at: string): string;
  estimated(estimate: string): string;
  waitingOn(count: number, detail: string | undefined): string;
  runs(runs: number, reruns: number): string;
  /** "A 1ª execução terminou com erro: ABEND RC 2 às 15:26." */
  earlierFailures(runs: readonly number[], outcomes: string): string;
  /** "…; o rerun terminou com sucesso às 16:38." */
  recovered(at: string | undefined): string;
  heldNote: string;
}

export interface DependencyWords {
  /** "Predecessores (3):". */
  predecessors(count: number): string;
  /** "Está esperando 2 de 3 predecessores:". */
  waitingOn(pending: number, total: number): string;
  noPredecessors: string;
  allDone(total: number): string;
  alsoWaitingOn(what: string): string;
  notWaitingRunning: string;
  notWaitingEnded: string;
  notWaiting: string;
  /** "Causa: " / "Root cause: " before the chain. */
  rootCause: string;
  successors(count: number, list: string): string;
  noSuccessors: string;
  heldNote(job: string): string;
}

export interface RootCauseWords {
  /** "aguarda" / "waits on". */
  waits: string;
  /** "que" / "which": the next link of a chain. */
  which: string;
  /** "(e mais 3 jobs na cadeia)": links left out of a long chain. */
  skipped(count: number): string;
  /** What the root is doing, after its name or "que": "terminou com erro (ABEND, RC 2) às 18:24". */
  failed(status: string, returnCode: number | null, at: string | undefined): string;
  held: string;
  agent(workstation: string): string;
  time(at: string | undefined): string;
  running(elapsed: string | undefined, estimate: string | undefined): string;
  other(what: string): string;
  unknown(status: string): string;
  /** The walk stopped at its bound. */
  tooDeep(hops: number): string;
  errorLine(job: string, line: number, text: string): string;
  unblockFailed(job: string): string;
  unblockHeld(job: string): string;
  unblockAgent(workstation: string): string;
  /** "Travado: " / "Blocked: " before a stream's chain. */
  blocked: string;
  /** Before the chain of a stream that has not started: what will stop it. */
  onceStarted: string;
  notBlocked: string;
  notStartedYet: string;
}

export interface JobStreamWords {
  started(at: string): string;
  ended(at: string): string;
  scheduled(at: string): string;
  counts(counts: { total: number; successful: number; running: number; abended: number; notRunning: number }): string;
  inError: string;
  running: string;
}

export interface FailedJobsWords {
  /** A period within today: " entre 00:00 e 06:00 de hoje". */
  betweenToday(since: string, until: string): string;
  between(since: string, until: string): string;
  since(since: string): string;
  ofStream(stream: string): string;
  none(ofStream: string, period: string): string;
  head(count: number, ofStream: string, period: string, streams: number | undefined, recovered: number): string;
  noStream: string;
  moreJobs(n: number): string;
  /** "recuperado: rerun SUCC às 16:38". */
  recovered(at: string | undefined): string;
  times(n: number): string;
}

export interface RunningWords {
  none: string;
  head(count: number, streams: number): string;
  late(count: number): string;
  noneLate(running: number): string;
  lateEntry(name: string, stream: string | null, ran: string, estimate: string, deviation: string): string;
  readyWaiting(count: number, workstations: string): string;
  /** Asked which jobs wait for an agent, when none does. */
  noneWaiting: string;
}

export interface JobLogWords {
  errorHeading(shown: number, omitted: number): string;
  noLogYet(heading: string, status: string): string;
  lines(n: number): string;
  heading(job: string, size: string, status: string, growing: boolean): string;
  noErrorLines: string;
  tail(count: number, first: number, total: number): string;
}

export interface ActionWords {
  /** "rerun do job LOAD" / "rerun of job LOAD". */
  actionOf(action: JobChatAction, job: string): string;
  within(seconds: number): string;
  confirm(what: string, within: string): string;
  yesNo: readonly [string, string];
  newRun(id: string): string;
  hwaAnswer(id: string): string;
  done(actionOf: string, detail: string): string;
  declined(doing: string): string;
  expired(actionOf: string): string;
  nothingPending: string;
  /** After a refusal: the action was not proposed, so a "sim" now confirms nothing. */
  nothingAwaitsConfirmation: string;
  cannot(doing: string): string;
  unknownStatus: string;
  inStatusNothingDone(status: string): string;
  killBeforeCancel(status: string): string;
  alreadyEnded(status: string): string;
  needsStatus(status: string, action: JobChatAction, accepted: string): string;
  roleCannotAct(role: string): string;
  maintenance(doing: string, message: string, until: string | undefined): string;
  notCarriedOut(actionOf: string): string;
  refusedInState: string;
  timedOut: string;
}

/** "Me avise quando o X terminar": a one-shot console notification of the job's end (src/subscriptions/chat-request.ts). */
export interface NotifyWords {
  maintenance: string;
  alreadyEnded(job: string, status: string): string;
  propose(job: string): string;
  expired(job: string): string;
  subscribed(job: string): string;
  failed(job: string, why: string): string;
  declined(job: string): string;
}

/** Several engines: a proposed action on a non-default engine names it. */
export interface EngineWords {
  mind(engine: string): string;
}

export interface Messages {
  readonly language: Language;
  readonly time: TimeWords;
  readonly list: ListWords;
  readonly status: StatusWords;
  readonly suggest: SuggestionWords;
  readonly upstream: UpstreamWords;
  readonly names: NameWords;
  readonly help: HelpWords;
  readonly workstation: WorkstationWords;
  readonly jobStatus: JobStatusWords;
  readonly dependencies: DependencyWords;
  readonly rootCause: RootCauseWords;
  readonly jobStream: JobStreamWords;
  readonly failed: FailedJobsWords;
  readonly running: RunningWords;
  readonly log: JobLogWords;
  readonly actions: ActionWords;
  readonly notify: NotifyWords;
  readonly engine: EngineWords;
}
