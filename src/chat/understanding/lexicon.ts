// What a word can signal (the cues), and the word lists of cue-words.ts indexed for reading a message.

import { cuePhrases, cueWords } from "./cue-words";
import type { ChatAction } from "./types";

export type Cue =
  | "status"
  | "log"
  | "failure"
  /** "qual o erro", "error message": the error text of one job, which its log holds. */
  | "error_text"
  /** "atrasado", "late", "demorando": past its estimate (one job), or which jobs are ("tem algo atrasado?"). */
  | "late"
  /** "rodando", "running", "em execução": with no job named, what runs now. */
  | "running"
  | "why"
  | "dependencies"
  /** "depois do X", "after X", "downstream", "sucessores": the jobs that wait on one (its successors). */
  | "after"
  /** "não", "not", "hasn't": with "why" and a start word, a job that has not started ("why hasn't LOAD started"). */
  | "negation"
  /** "rodou", "started", "começou". */
  | "start"
  | "stream"
  | "workstation"
  /** "linkada", "unlinked", "offline": a state only workstations have. */
  | "workstation_state"
  /** "pronto", "ready": a job that could start now (with "sem agente", one no agent takes). */
  | "ready"
  | "job"
  | "jobs"
  /** "quais", "which", "any", "algum": many jobs, not one. */
  | "many"
  | "help"
  /** "como faço", "how do I": a question about using the assistant. */
  | "how_to"
  /** "em hold", "on hold": a state ("o LOAD está em hold?"), or with "put" an action ("coloca o LOAD em hold"). */
  | "on_hold"
  /** "coloca", "put": with "on hold", a hold. */
  | "put"
  /** "de novo", "again": with a run verb, a rerun ("run LOAD again", "roda o LOAD de novo"). */
  | "again"
  | "hold"
  | "release"
  | "rerun"
  | "cancel"
  | "kill"
  | "confirm"
  | "decline"
  /** "e", "and", "what about", "e quanto ao": the message goes on from the previous one. */
  | "follow_up"
  /** "it", "ele", "dele": the job spoken of before. */
  | "pronoun"
  /** "no", "na", "in", "on": a name after it is where to look ("falhou algo no PAYROLL?"). */
  | "preposition"
  /** Words skipped between an introducing word and the name ("job o LOAD", "the job called LOAD"). */
  | "article"
  /** Words that carry no meaning here but are never names. */
  | "filler";

export const actionCues: Partial<Record<Cue, ChatAction>> = {
  hold: "hold",
  release: "release",
  rerun: "rerun",
  cancel: "cancel",
  kill: "kill",
  confirm: "confirm",
  decline: "decline",
};

export interface Lexicon {
  /** A single folded word → its cue; a word listed under several cues keeps the first of `cueOrder`. */
  byWord: ReadonlyMap<string, Cue>;
  /** The word lists themselves, for words that signal two things ("rodou": status and start). */
  cuesOf: ReadonlyMap<string, readonly Cue[]>;
  /** Phrases by their first word, longest first. */
  phrasesByFirstWord: ReadonlyMap<string, readonly { cue: Cue; words: readonly string[] }[]>;
  /** Single words worth correcting a typo into, by length; never fillers, articles or very short words. */
  correctableByLength: ReadonlyMap<number, readonly { word: string; cue: Cue }[]>;
}

// Which cue a word keeps when listed under several: meaning first, fillers last.
const cueOrder: Cue[] = [
  "hold",
  "release",
  "rerun",
  "cancel",
  "kill",
  "status",
  "log",
  "failure",
  "late",
  "running",
  "why",
  "dependencies",
  "after",
  "stream",
  "workstation",
  "workstation_state",
  "on_hold",
  "put",
  "again",
  "ready",
  "job",
  "jobs",
  "help",
  "confirm",
  "decline",
  "negation",
  "start",
  "many",
  "pronoun",
  "preposition",
  "follow_up",
  "article",
  "error_text",
  "how_to",
  "filler",
];
const uncorrectable = new Set<Cue>([
  "filler",
  "article",
  "preposition",
  "many",
  "follow_up",
  "pronoun",
  "negation",
  "confirm",
  "decline",
]);

let built: Lexicon | undefined;

/** Built on first use, once per isolate. */
export function lexicon(): Lexicon {
  if (built) return built;
  const cuesOf = new Map<string, Cue[]>();
  for (const cue of cueOrder) {
    for (const word of cueWords[cue]) {
      const cues = cuesOf.get(word) ?? [];
      if (!cues.includes(cue)) cues.push(cue);
      cuesOf.set(word, cues);
    }
  }
  const byWord = new Map<string, Cue>();
  for (const [word, cues] of cuesOf) byWord.set(word, cues[0]!);
  const phrasesByFirstWord = new Map<string, { cue: Cue; words: string[] }[]>();
  for (const [cue, text] of cuePhrases) {
    const phraseWords = text.split(" ");
    const list = phrasesByFirstWord.get(phraseWords[0]!) ?? [];
    list.push({ cue, words: phraseWords });
    phrasesByFirstWord.set(phraseWords[0]!, list);
  }
  for (const list of phrasesByFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  const correctableByLength = new Map<number, { word: string; cue: Cue }[]>();
  for (const [word, cue] of byWord) {
    if (word.length < 3 || uncorrectable.has(cue) || !/^[a-z]+$/.test(word)) continue;
    const list = correctableByLength.get(word.length) ?? [];
    list.push({ word, cue });
    correctableByLength.set(word.length, list);
  }
  built = { byWord, cuesOf, phrasesByFirstWord, correctableByLength };
  return built;
}
