// Names in a message: plan names however they were written ("load sales fact"), upper-case or underscored words
// (`PAYROLL_EXTRACT`), and the word after "job", "stream", "workstation" ("do job payroll_calc", "agente AGT_LNX01").

import type { CueMap } from "./cues";
import { lexicon, type Cue } from "./lexicon";
import { canonicalName, matchName, nameOfCanonical } from "./names";
import type { Token } from "./normalize";
import type { Vocabulary } from "./types";

export type Role = "job" | "job_stream" | "workstation";

export interface Mention {
  /** The plan's name when the vocabulary knows it, else as written, upper-cased. */
  name: string;
  /** Index of its first token. */
  at: number;
  /** Index after its last token. */
  end: number;
  /** Said by the message: an introducing word before or after it ("job LOAD", "the BILLING_EOD job stream"). */
  role?: Role;
  /** What the plan has by that name: a job, a job stream, a workstation (several when names repeat). */
  planRoles: Role[];
  /** After "no", "na", "in", "on": where to look rather than what to look at ("falhou algo no PAYROLL?"). */
  afterPreposition: boolean;
}

const MAX_SPAN_TOKENS = 4;
/** Fuzzy plan-name look-ups per message; each scans the whole plan. */
const MAX_FUZZY_LOOKUPS = 6;

const introducers = new Map<string, Role>([
  ["job", "job"],
  ["tarefa", "job"],
  ["processo", "job"],
  ["stream", "job_stream"],
  ["jobstream", "job_stream"],
  ["job-stream", "job_stream"],
  ["js", "job_stream"],
  ["cadeia", "job_stream"],
  ["fluxo", "job_stream"],
  ["schedule", "job_stream"],
  ["sched", "job_stream"],
  ["workstation", "workstation"],
  ["estacao", "workstation"],
  ["ws", "workstation"],
  ["agente", "workstation"],
  ["agent", "workstation"],
  ["servidor", "workstation"],
  ["server", "workstation"],
  ["maquina", "workstation"],
  ["machine", "workstation"],
  ["host", "workstation"],
  ["cpu", "workstation"],
  ["fta", "workstation"],
  ["pool", "workstation"],
]);

const actionVerbs = new Set<Cue>(["hold", "release", "rerun", "cancel", "kill"]);

const roleLists: [Role, keyof Vocabulary][] = [
  ["job", "jobs"],
  ["job_stream", "jobStreams"],
  ["workstation", "workstations"],
];

/** First pass, before cue words: spans of 1–4 words that are exactly a plan name ("load sales fact", "end of day"). */
export function findPlanNames(
  tokens: readonly Token[],
  taken: boolean[],
  vocabulary: Vocabulary | undefined,
): Mention[] {
  if (!hasNames(vocabulary)) return [];
  const { cuesOf } = lexicon();
  const mentions: Mention[] = [];
  const canonicals = tokens.map((token) => canonicalName(token.raw));
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    for (let length = Math.min(MAX_SPAN_TOKENS, tokens.length - i); length >= 1; length--) {
      const span = tokens.slice(i, i + length);
      if (span.some((_, k) => taken[i + k])) continue;
      if (
        length === 1 &&
        !span[0]!.upper &&
        (cuesOf.has(span[0]!.word) || span[0]!.word.length < 3 || !nameMayFollow(tokens[i - 1]))
      )
        continue;
      if (span.every((token) => cuesOf.has(token.word) || /^\d+$/.test(token.word))) continue;
      const found = planRolesOf(
        canonicals
          .slice(i, i + length)
          .filter((part) => part !== "")
          .join("_"),
        vocabulary,
      );
      if (!found) continue;
      mentions.push({ name: found.name, at: i, end: i + length, planRoles: found.roles, afterPreposition: false });
      for (let k = i; k < i + length; k++) taken[k] = true;
      i += length - 1;
      break;
    }
  }
  return mentions;
}

/** Words after which a lone lower-case word may be a name ("status do payroll", "the load job"; not "how do I load"). */
const nameLeadIns = new Set([
  "o",
  "a",
  "os",
  "as",
  "the",
  "do",
  "da",
  "dos",
  "das",
  "de",
  "of",
  "for",
  "about",
  "no",
  "na",
  "nos",
  "nas",
  "em",
  "in",
  "on",
  "at",
  "from",
  "pro",
  "pra",
  "para",
  "com",
  "with",
  "sobre",
  "e",
  "and",
  "ao",
]);

function nameMayFollow(previous: Token | undefined): boolean {
  if (!previous) return true;
  if (nameLeadIns.has(previous.word)) return true;
  const cue = lexicon().cuesOf.get(previous.word)?.[0];
  return cue !== undefined && !["filler", "pronoun", "negation", "many", "confirm", "decline"].includes(cue);
}

/**
 * Second pass, after cue words: names by their look (upper case, `_`, digits), names after an introducing word,
 * and plan names with a typo or written in part ("payrol calc", "billing cut").
 */
export function findWrittenNames(
  tokens: readonly Token[],
  cues: CueMap,
  taken: boolean[],
  planMentions: readonly Mention[],
  vocabulary: Vocabulary | undefined,
): Mention[] {
  const mentions = [...planMentions];
  const budget = { lookups: MAX_FUZZY_LOOKUPS };
  const isFree = (i: number) =>
    i < tokens.length && !taken[i] && cues[i] === undefined && !/^\d+$/.test(tokens[i]!.word);
  const isPlanWord = (i: number) => isFree(i) && /^[a-z0-9_-]+$/.test(tokens[i]!.word);

  // Names after an introducing word: "job LOAD", "stream do PAYROLL", "agente agt_lnx01", "job payroll calc".
  for (let i = 0; i < tokens.length; i++) {
    const role = introducerAt(tokens, cues, i);
    if (!role) continue;
    let j = i + 1;
    while (j < tokens.length && j - i <= 2 && cues[j]?.includes("article")) j++;
    const planned = mentions.find((mention) => mention.at === j);
    if (planned) {
      // "hold PAYROLL": an action verb says nothing of what PAYROLL is; the plan says it is a job stream.
      const byAction = actionVerbs.has(cues[i]?.[0] ?? "filler");
      if (!byAction || planned.planRoles.length === 0 || planned.planRoles.includes("job")) planned.role ??= role;
      continue;
    }
    let end = j;
    while (isFree(end) && end - j < MAX_SPAN_TOKENS) end++;
    if (end === j) continue;
    const written = tokens
      .slice(j, end)
      .map((token) => token.raw)
      .join("_");
    // A name written like one (`PAYROL_CALC`) stays as written; "payroll calc" becomes the plan's name.
    const resolved =
      end - j === 1 && looksLikeName(tokens[j]!) ? undefined : resolveInList(written, vocabulary, role, budget);
    mentions.push({
      name: resolved ?? canonicalName(written),
      at: j,
      end,
      role,
      planRoles: resolved ? [role] : [],
      afterPreposition: false,
    });
    for (let k = j; k < end; k++) taken[k] = true;
  }

  // Names by their look: `LOAD`, `PAYROL_CALC`, `agt_lnx01`.
  for (let i = 0; i < tokens.length; i++) {
    if (!isFree(i) || !looksLikeName(tokens[i]!)) continue;
    const written = canonicalName(tokens[i]!.raw);
    const found = planRolesOf(written, vocabulary) ?? closePlanRoles(written, vocabulary, budget);
    mentions.push({ name: written, at: i, end: i + 1, planRoles: found?.roles ?? [], afterPreposition: false });
    taken[i] = true;
  }

  // Plan names in lower case with a typo or in part: "payrol calc", "billing cut".
  if (hasNames(vocabulary)) {
    for (let i = 0; i < tokens.length && budget.lookups > 0; i++) {
      if (!isPlanWord(i)) continue;
      let runEnd = i;
      while (isPlanWord(runEnd) && runEnd - i < MAX_SPAN_TOKENS) runEnd++;
      let matched = false;
      for (let end = runEnd; end > i && !matched && budget.lookups > 0; end--) {
        const span = tokens.slice(i, end);
        if (span.length === 1 && span[0]!.word.length < 4) continue;
        const found = closePlanRoles(span.map((token) => token.raw).join("_"), vocabulary, budget, span.length > 1);
        if (!found) continue;
        mentions.push({ name: found.name, at: i, end, planRoles: found.roles, afterPreposition: false });
        for (let k = i; k < end; k++) taken[k] = true;
        i = end - 1;
        matched = true;
      }
    }
  }

  mentions.sort((a, b) => a.at - b.at);
  for (const mention of mentions) {
    mention.afterPreposition = precededByPreposition(cues, mention.at);
    mention.role ??= roleFollowing(tokens, cues, mentions, mention);
  }
  return mentions;
}

/** The role a word introduces, when it introduces one here ("job stream" is one introducer of a stream). */
function introducerAt(tokens: readonly Token[], cues: CueMap, i: number): Role | undefined {
  const cue = cues[i];
  if (!cue) return undefined;
  if (cue.includes("stream") && tokens[i]!.word === "stream") return "job_stream";
  if (cue.includes("stream") && tokens[i]!.word === "job") return undefined; // the first word of "job stream"
  // An action verb names its job next: "hold X", "libera o X", "rerun load sales fact".
  if (actionVerbs.has(cue[0]!)) return "job";
  if (!cue.some((c) => c === "job" || c === "stream" || c === "workstation")) return undefined;
  return introducers.get(tokens[i]!.word);
}

/** "the LOAD job", "the BILLING_EOD job stream", "AGT_LNX01 agent": an introducing word right after the name. */
function roleFollowing(
  tokens: readonly Token[],
  cues: CueMap,
  mentions: readonly Mention[],
  mention: Mention,
): Role | undefined {
  const next = mention.end;
  const afterPhrase = tokens[next]?.word === "job" && tokens[next + 1]?.word === "stream" ? next + 1 : next;
  const role = introducerAt(tokens, cues, afterPhrase);
  if (!role) return undefined;
  const introducesAnother = mentions.some(
    (other) => other !== mention && other.at > afterPhrase && other.at <= afterPhrase + 2,
  );
  return introducesAnother ? undefined : role;
}

function precededByPreposition(cues: CueMap, at: number): boolean {
  for (let i = at - 1; i >= 0 && at - i <= 3; i--) {
    const cue = cues[i];
    if (cue?.includes("preposition")) return true;
    if (!cue?.some((c) => c === "article" || c === "stream" || c === "job" || c === "workstation")) return false;
  }
  return false;
}

/** Upper case, or letters with `_` or digits; HWA names are ASCII letters, digits, `_` and `-`. */
function looksLikeName(token: Token): boolean {
  if (!/^[a-z0-9_-]+$/.test(token.word)) return false;
  if (token.upper) return true;
  return /[a-z]/.test(token.word) && (token.word.includes("_") || /\d/.test(token.word));
}

function hasNames(vocabulary: Vocabulary | undefined): vocabulary is Vocabulary {
  return Boolean(
    vocabulary && (vocabulary.jobs?.length || vocabulary.jobStreams?.length || vocabulary.workstations?.length),
  );
}

/** The plan's spelling and what it names, when `canonical` is exactly a plan name. */
function planRolesOf(
  canonical: string,
  vocabulary: Vocabulary | undefined,
): { name: string; roles: Role[] } | undefined {
  if (!vocabulary || canonical === "") return undefined;
  let name: string | undefined;
  const roles: Role[] = [];
  for (const [role, list] of roleLists) {
    const names = vocabulary[list];
    const found = names ? nameOfCanonical(canonical, names) : undefined;
    if (found === undefined) continue;
    name ??= found;
    roles.push(role);
  }
  return name === undefined ? undefined : { name, roles };
}

/** Fuzzy look-ups left for this message; each scans a whole list of the plan. */
interface Budget {
  lookups: number;
}

/** The one plan name `written` is a typo of (or, for several words, a distinctive part of), with what it names. */
function closePlanRoles(
  written: string,
  vocabulary: Vocabulary | undefined,
  budget: Budget,
  partAllowed = false,
): { name: string; roles: Role[] } | undefined {
  if (!vocabulary || budget.lookups <= 0) return undefined;
  budget.lookups -= 1;
  for (const [role, list] of roleLists) {
    const names = vocabulary[list];
    if (!names || names.length === 0) continue;
    const { match, via } = matchName(written, names, false);
    if (match.kind === "close" && (via === "typo" || partAllowed)) return { name: match.name, roles: [role] };
  }
  return undefined;
}

/** After "job"/"stream"/"workstation": the plan's name in that list when it is exact or close. */
function resolveInList(
  written: string,
  vocabulary: Vocabulary | undefined,
  role: Role,
  budget: Budget,
): string | undefined {
  const list = roleLists.find(([r]) => r === role)?.[1];
  const names = list ? vocabulary?.[list] : undefined;
  if (!names || names.length === 0 || budget.lookups <= 0) return undefined;
  budget.lookups -= 1;
  const { match } = matchName(written, names, false);
  return match.kind === "exact" || match.kind === "close" ? match.name : undefined;
}
