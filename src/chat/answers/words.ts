import { describeStatus } from "../../hwa/status";
import type { Language } from "../understanding/types";

// The words for HWA's codes that several answers share.

/** Substatuses HWA sends that `describeStatus` has no words for (the simulator sends them too). */
const moreSubstatus: Record<Language, Record<string, string>> = {
  pt: {
    READY_WAITING_FOR_AGENT: "aguardando o agente da estação",
    READY_WAITING_FOR_USER_INTERVENTION: "aguardando intervenção do operador",
    HOLD_PRIORITY_ZERO: "retido com prioridade 0",
  },
  en: {
    READY_WAITING_FOR_AGENT: "waiting for the workstation's agent",
    READY_WAITING_FOR_USER_INTERVENTION: "waiting for an operator",
    HOLD_PRIORITY_ZERO: "held at priority 0",
  },
};

/** "em espera, aguardando um predecessor (HOLD)" / "ended in error (ABEND)": the words and HWA's code once. */
export function statusText(
  status: string | null | undefined,
  substatus: string | null | undefined,
  language: Language,
): string {
  let words = describeStatus(status ?? undefined, substatus ?? undefined, language);
  const extra = substatus ? moreSubstatus[language][substatus] : undefined;
  if (extra && words === describeStatus(status ?? undefined, undefined, language)) words = `${words}, ${extra}`;
  if (!status || words.includes(`(${status})`) || words === status) return words;
  // "on hold (waiting)" reads "on hold (waiting; HOLD)", not "on hold (waiting) (HOLD)"
  return words.endsWith(")") ? `${words.slice(0, -1)}; ${status})` : `${words} (${status})`;
}

/** "ABEND (terminou com erro)" / "EXEC (running)": HWA's code, then its words. */
export function codeFirst(status: string, language: Language): string {
  const words = describeStatus(status, undefined, language)
    .replace(` (${status})`, "")
    .replace(/ \((.*)\)$/, ", $1");
  return words === status ? status : `${status} (${words})`;
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

const dependencyTypes: Record<Language, Record<string, [string, string]>> = {
  pt: {
    INTERNAL: ["job do mesmo stream", "jobs do mesmo stream"],
    EXTERNAL_JOB: ["job de outro stream", "jobs de outros streams"],
    EXTERNAL_JOBSTREAM: ["job stream", "job streams"],
    JOIN: ["condição de junção", "condições de junção"],
    FILE: ["arquivo", "arquivos"],
    RESOURCE: ["recurso", "recursos"],
    INTERNETWORK: ["dependência de outra rede", "dependências de outra rede"],
    PROMPT: ["prompt (resposta do operador)", "prompts (resposta do operador)"],
  },
  en: {
    INTERNAL: ["job in the same stream", "jobs in the same stream"],
    EXTERNAL_JOB: ["job in another stream", "jobs in other streams"],
    EXTERNAL_JOBSTREAM: ["job stream", "job streams"],
    JOIN: ["join condition", "join conditions"],
    FILE: ["file", "files"],
    RESOURCE: ["resource", "resources"],
    INTERNETWORK: ["internetwork dependency", "internetwork dependencies"],
    PROMPT: ["prompt (operator reply)", "prompts (operator reply)"],
  },
};

/** "2 jobs do mesmo stream" / "1 file": a count of dependencies of one type. */
export function dependencyCountText(type: string, n: number, language: Language): string {
  const [one, many] = dependencyTypes[language][type] ?? [type, type];
  return `${n} ${n === 1 ? one : many}`;
}

/** "estação" / "workstation". */
export const workstationWord = (language: Language) => (language === "pt" ? "estação" : "workstation");
