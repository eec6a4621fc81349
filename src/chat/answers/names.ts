import type { ChatAction, Intent } from "../understanding/types";
import { composeReply, type ReplyWith } from "./compose";
import { cappedList, type AnswerOptions } from "./format";
import { messagesFor, type NamedKind } from "./messages";
import { suggest } from "./suggest";

export type { NamedKind };

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

export interface Candidate {
  name: string;
  job_stream?: string | null;
  id?: string;
}

export interface NameOptions extends AnswerOptions {
  /** The question being answered: the suggestions ask it again about each candidate. Default job_status. */
  intent?: Intent;
  /** The action asked for, when the question was one ("rerun SFTP_SEND_BANK"). */
  action?: ChatAction;
  /** What the written name should have named. Default job. */
  kind?: NamedKind;
}

/** The question of `intent` (or its action) asked again about one candidate. */
function askAbout(candidate: Candidate, kind: NamedKind, options: NameOptions): string {
  const { language } = options;
  if (kind === "job_stream") return suggest.jobStream(candidate.name, language);
  if (kind === "workstation") return suggest.workstation(candidate.name, language);
  const job = { name: candidate.name, job_stream: candidate.job_stream ?? null };
  const action = options.action;
  switch (options.intent) {
    case "job_log":
      return suggest.jobLog(job, language);
    case "job_dependencies":
      return suggest.dependencies(job, language);
    case "job_action":
      return action && action !== "confirm" && action !== "decline"
        ? suggest.action(action, job, language)
        : suggest.jobStatus(job, language);
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
  const say = messagesFor(language);
  const kind = options.kind ?? "job";
  const intent = options.intent ?? "job_status";
  const shown = quoteWritten(written);
  const labels = candidates.map((c) => (c.job_stream ? `${c.name} (stream ${c.job_stream})` : c.name));
  const lines = [
    say.names.which(candidates.length, kind, shown),
    ...labels.slice(0, MAX_LISTED).map((label) => `- ${label}`),
    labels.length > MAX_LISTED && say.list.more(labels.length - MAX_LISTED),
  ];
  const suggestions = candidates.slice(0, 4).map((c) => askAbout(c, kind, { ...options, intent }));
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
  const say = messagesFor(language);
  const kind = options.kind ?? "job";
  const intent = options.intent ?? "job_status";
  const shown = quoteWritten(written);
  const close = suggestions.slice(0, 5);
  const lines = [
    say.names.notFound(kind, shown),
    close.length > 0 && say.names.closeNames(cappedList(close, 5, language)),
    say.names.howToFind(kind, shown, suggest.workstations(language)),
  ];
  const next = close.slice(0, 3).map((name) => askAbout({ name }, kind, { ...options, intent }));
  if (kind === "job") next.push(suggest.failedToday(language));
  else next.push(suggest.help(language));
  return composeReply(intent, options, lines, { written: shown, kind, close_names: [...close] }, next);
}
