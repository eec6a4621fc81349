import type { Intent, Language } from "../understanding/types";
import { composeReply, type ReplyWith } from "./compose";
import { cappedList, type AnswerOptions } from "./format";
import { suggest } from "./suggest";

// Names the operator wrote that matched several objects, or none.

const MAX_WRITTEN = 40;
const allowed = /[A-Za-z0-9_.#@/-]/;

/**
 * Text the operator wrote, made safe to echo: only `[A-Za-z0-9_.#@/-]` survive, cut at 40 characters with "…".
 * Every answer echoes operator-written text through this function and nothing else.
 */
export function quoteWritten(text: string): string {
  let kept = "";
  for (const char of text) {
    if (!allowed.test(char)) continue;
    if (kept.length === MAX_WRITTEN) return `${kept}…`;
    kept += char;
  }
  return kept;
}

export type NamedKind = "job" | "job_stream" | "workstation";

export interface Candidate {
  name: string;
  job_stream?: string | null;
  id?: string;
}

export interface NameOptions extends AnswerOptions {
  /** The question being answered: the suggestions ask it again about each candidate. Default job_status. */
  intent?: Intent;
  /** What the written name should have named. Default job. */
  kind?: NamedKind;
}

const kindWords: Record<Language, Record<NamedKind, [string, string]>> = {
  pt: { job: ["job", "jobs"], job_stream: ["stream", "streams"], workstation: ["estação", "estações"] },
  en: { job: ["job", "jobs"], job_stream: ["job stream", "job streams"], workstation: ["workstation", "workstations"] },
};

/** The question of `intent` asked again about one candidate. */
function askAbout(candidate: Candidate, kind: NamedKind, intent: Intent, language: Language): string {
  if (kind === "job_stream") return suggest.jobStream(candidate.name, language);
  if (kind === "workstation") return suggest.workstation(candidate.name, language);
  const job = { name: candidate.name, job_stream: candidate.job_stream ?? null };
  switch (intent) {
    case "job_log":
      return suggest.jobLog(job, language);
    case "job_dependencies":
      return suggest.dependencies(job, language);
    default:
      return suggest.jobStatus(job, language);
  }
}

const MAX_LISTED = 10;

/** "Há 2 jobs LOAD no plano; qual deles?" with each candidate and its stream. */
export function askWhich(
  written: string,
  candidates: readonly Candidate[],
  options: NameOptions,
): ReplyWith<{ written: string; candidates: Candidate[] }> {
  const { language } = options;
  const kind = options.kind ?? "job";
  const intent = options.intent ?? "job_status";
  const shown = quoteWritten(written);
  const [, many] = kindWords[language][kind];
  const labels = candidates.map((c) => (c.job_stream ? `${c.name} (stream ${c.job_stream})` : c.name));
  const lines = [
    language === "pt"
      ? `Encontrei ${candidates.length} ${many} para ${shown}; qual ${kind === "workstation" ? "delas" : "deles"}?`
      : `${candidates.length} ${many} match ${shown}; which one?`,
    ...labels.slice(0, MAX_LISTED).map((label) => `- ${label}`),
    labels.length > MAX_LISTED &&
      (language === "pt" ? `e mais ${labels.length - MAX_LISTED}` : `and ${labels.length - MAX_LISTED} more`),
  ];
  const suggestions = candidates.slice(0, 4).map((c) => askAbout(c, kind, intent, language));
  return composeReply(
    intent,
    options,
    lines,
    { written: shown, candidates: candidates.map((c) => ({ ...c })) },
    suggestions,
  );
}

/** "Não encontrei o job ABC123 no plano atual." with close names, and how to look for the right one. */
export function notFound(
  written: string,
  suggestions: readonly string[],
  options: NameOptions,
): ReplyWith<{ written: string; kind: NamedKind; close_names: string[] }> {
  const { language } = options;
  const kind = options.kind ?? "job";
  const intent = options.intent ?? "job_status";
  const shown = quoteWritten(written);
  const pt = language === "pt";
  const article = pt && kind === "workstation" ? "a" : "o";
  const close = suggestions.slice(0, 5);
  const how = {
    job: pt
      ? `A lista de jobs aceita parte do nome com * (ex.: ${shown.slice(0, 4)}*); ou pergunte pelo stream do job.`
      : `The jobs list takes part of a name with * (e.g. ${shown.slice(0, 4)}*); or ask about the job's stream.`,
    job_stream: pt
      ? "A lista de job streams aceita parte do nome com *."
      : "The job streams list takes part of a name with *.",
    workstation: pt
      ? `Pergunte "${suggest.workstations(language)}" para ver as estações.`
      : `Ask "${suggest.workstations(language)}" to see the workstations.`,
  }[kind];
  const lines = [
    pt
      ? `Não encontrei ${article} ${kindWords[language][kind][0]} ${shown} no plano atual.`
      : `I did not find ${kindWords[language][kind][0]} ${shown} in the current plan.`,
    close.length > 0 &&
      (pt ? `Nomes parecidos: ${cappedList(close, 5, language)}.` : `Close names: ${cappedList(close, 5, language)}.`),
    how,
  ];
  const next = close.slice(0, 3).map((name) => askAbout({ name }, kind, intent, language));
  if (kind === "job") next.push(suggest.failedToday(language));
  else next.push(suggest.help(language));
  return composeReply(intent, options, lines, { written: shown, kind, close_names: [...close] }, next);
}
