import { describeStatus } from "../../hwa/status";
import type { Language } from "../understanding/types";
import { messagesFor } from "./messages";

// The words for HWA's codes that several answers share.

/** What an answer knows of a job's state: its internal status, and what says it is held. */
export interface JobState {
  status: string | null;
  substatus?: string | null;
  common_status?: string | null;
  priority?: number | null;
}

/** Statuses of a run that has not started yet (it waits on something). */
export const notStartedStatuses: ReadonlySet<string> = new Set([
  "ADD",
  "PEND",
  "WAIT",
  "WAITD",
  "INTRO",
  "HOLD",
  "READY",
]);
/** Statuses of a run that is running or finishing. */
export const runningStatuses: ReadonlySet<string> = new Set(["EXEC", "SUCCP", "ABENP", "BOUND"]);
/** Statuses of a run that ended in error. */
export const failedStatuses: ReadonlySet<string> = new Set(["ABEND", "FAIL"]);

/** Kept from starting by an operator: HWA says HELD, or the priority is 0 (DWC: "Held: priority 0 or held by user"). */
export function isHeldByOperator(job: JobState): boolean {
  if (!notStartedStatuses.has(job.status ?? "")) return false;
  return job.common_status === "HELD" || job.priority === 0 || job.substatus === "HOLD_PRIORITY_ZERO";
}

/** A failed predecessor blocks until someone acts; a held one until released; a waiting one may still come. */
export function blockingRank(job: JobState): number {
  const status = job.status ?? "";
  if (status === "SUCC") return 5;
  if (failedStatuses.has(status) || status === "STUCK" || status === "SUSP" || status === "ERROR") return 0;
  if (isHeldByOperator(job)) return 1;
  if (notStartedStatuses.has(status)) return 2;
  if (runningStatuses.has(status)) return 3;
  return 4;
}

/** "em espera, aguardando um predecessor (HOLD)" / "ended in error (ABEND)": the words and HWA's code once. */
export function statusText(
  status: string | null | undefined,
  substatus: string | null | undefined,
  language: Language,
): string {
  let words = describeStatus(status ?? undefined, substatus ?? undefined, language);
  const extra = substatus ? messagesFor(language).status.substatus[substatus] : undefined;
  if (extra && words === describeStatus(status ?? undefined, undefined, language)) words = `${words}, ${extra}`;
  if (!status || words.includes(`(${status})`) || words === status) return words;
  // "on hold (waiting)" reads "on hold (waiting; HOLD)", not "on hold (waiting) (HOLD)"
  return words.endsWith(")") ? `${words.slice(0, -1)}; ${status})` : `${words} (${status})`;
}

/** A job's status in words; a job an operator holds says so, not "waiting (HOLD)". */
export function jobStatusText(job: JobState, language: Language): string {
  if (isHeldByOperator(job)) return messagesFor(language).status.heldByOperator;
  return statusText(job.status, job.substatus, language);
}

/** "ABEND (terminou com erro)" / "EXEC (running)": HWA's code, then its words. */
export function codeFirst(status: string, language: Language): string {
  const words = describeStatus(status, undefined, language)
    .replace(` (${status})`, "")
    .replace(/ \((.*)\)$/, ", $1");
  return words === status ? status : `${status} (${words})`;
}

/** "2 jobs do mesmo stream" / "1 file": a count of dependencies of one type. */
export function dependencyCountText(type: string, n: number, language: Language): string {
  const [one, many] = messagesFor(language).status.dependencyTypes[type] ?? [type, type];
  return `${n} ${n === 1 ? one : many}`;
}

/** "estação" / "workstation". */
export const workstationWord = (language: Language) => messagesFor(language).status.workstation;
