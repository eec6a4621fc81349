// What the operator asks for, from the cue words and names of one message. Decisions worth knowing:
// - "why did LOAD fail?", "por que o LOAD falhou?", "qual o erro do LOAD?", "mostra o log do LOAD" are job_log:
//   the reason a job failed is in its log.
// - "did LOAD fail?", "o LOAD abendou?" (one named job) are job_status; "what failed", "quais jobs falharam",
//   "falhou algo no PAYROLL?" (many, or a place to look in) are failed_jobs.
// - "o que está segurando o X", "what is X waiting for", "why hasn't X started", "o X tá parado pq?" are
//   job_dependencies; the same words about a stream ("o que tá travando o stream X?", "o BANK_RECON tá preso?")
//   are jobstream_status, focused on what blocks it.
// - "quem vem depois do X?", "what's downstream of X?", "o que depende do X?", "who waits on X?" are
//   job_dependencies focused on X's successors.
// - "o que está rodando agora?", "tem algo atrasado?" (no job named) are running_now; so is "tem job esperando
//   agente?" (what waits for an agent), focused on the ready jobs no agent takes.
// - An action word said of the past ("o X precisou de rerun?", "was X rerun?", "X teve que rodar de novo?") asks
//   what happened (job_status, with its runs), never orders it.
// - "quantas vezes o X falhou?", "how many times did X fail?" count one job's runs: job_status, not failed_jobs.
// - A message whose only names are unknown to the plan and that talks of something else ("vai chover amanhã em
//   SP?") is unknown: a name alone does not make it a question about a job.
// - An intent from a name alone ("LOAD?", "e o PAYROLL_CALC?") is weak: a conversation's previous intent wins.

import { asksAboutTheChat } from "./about-the-chat";
import { asksWhatHolds, isAskedOf } from "./asked-of";
import { asksWhatMustComeFirst } from "./before-start";
import { asksForJobsOfDownAgents } from "./down-agent";
import { happenedBefore } from "./happened";
import { actionCues, type Cue } from "./lexicon";
import type { Mention, Role } from "./entities";
import { asksWhatNeeds } from "./needed-by";
import { saysItDoesNotMove } from "./not-moving";
import { asksForPredecessors } from "./predecessors";
import type { Reading } from "./reading";
import { replyOf } from "./reply";
import { speaksOfTheJob } from "./spoken-of";
import type { ChatAction, ConversationContext, Entities, Intent } from "./types";
import { asksWhatWentWrongIn } from "./what-went-wrong";

export interface IntentReading {
  intent: Intent;
  action?: ChatAction;
  focus?: Entities["focus"];
  /** The message itself says what it asks for; false when only a name or a time was given. */
  ownCue: boolean;
}

const jobActions: Cue[] = ["hold", "release", "rerun", "cancel", "kill"];
/** Failure words that say a machine is down rather than that jobs failed. */
const wentDown = new Set([
  "caiu",
  "cairam",
  "cair",
  "crashed",
  "crash",
  "quebrou",
  "broke",
  "broken",
  "morreu",
  "died",
  "pifou",
]);
/** "depois", "após", "after" ask for successors only before a job ("depois do X", "after it") or at the end. */
const afterWords = new Set(["depois", "dps", "apos", "after", "behind"]);
/** Verbs whose object is the job waited on ("o que depende do X", "quem espera o X", "who waits on X"). */
const dependVerbs = new Set(["depende", "dependem", "depends", "depend"]);
/** "depende do X", "depends on X"; not "do que depende o X?", which asks what X depends on. */
const dependPrepositions = new Set(["de", "do", "da", "dos", "das", "dele", "dela", "on", "upon"]);
const waitVerbs = new Set([
  "espera",
  "esperam",
  "esperando",
  "aguarda",
  "aguardam",
  "aguardando",
  "wait",
  "waits",
  "waiting",
]);
/** Words between such a verb and its object ("depende do", "waits on", "espera pelo", "waiting for an"). */
const objectLinks = new Set([
  "de",
  "do",
  "da",
  "dos",
  "das",
  "on",
  "upon",
  "for",
  "pelo",
  "pela",
  "por",
  "o",
  "a",
  "os",
  "as",
  "the",
  "um",
  "uma",
  "an",
]);
/** Words that open a question about what was done, not an order to do it ("was X rerun?", "alguém segurou o X?"). */
const askedWhatWasDone = new Set([
  "was",
  "were",
  "has",
  "have",
  "had",
  "did",
  "does",
  "foi",
  "alguem",
  "someone",
  "somebody",
  "anyone",
]);
/** The error as a thing, right after a job's name: "RECON_MATCH error?", "LOAD erro". */
const errorNouns = new Set(["error", "errors", "erro", "erros"]);
/** Imperatives of "run": with "again", a rerun. */
const runVerbs = new Set(["run", "roda", "rodar", "rode", "executa", "executar", "execute", "reexecuta"]);

export function decideIntent(reading: Reading, context: ConversationContext | undefined): IntentReading {
  const { has, mentions } = reading;
  const reply = replyOf(reading);
  if (reply) return { intent: "job_action", action: reply, ownCue: true };

  const action = actionOf(reading);
  if (action === "cancel" && isBareWord(reading, "cancel") && context?.intent === "job_action") {
    // "cancela" right after the assistant proposed an action answers the proposal.
    return { intent: "job_action", action: "decline", ownCue: true };
  }
  if (has("how_to") && mentions.length === 0) return { intent: "help", ownCue: true };
  if (action) return { intent: "job_action", action, ownCue: true };
  if (asksAboutTheChat(reading)) return { intent: "help", ownCue: true };

  const oneJob = mentions.some((mention) => isJobLike(mention) && !mention.afterPreposition);
  const many = has("many") || has("jobs");
  const namedJob = mentions.some((mention) => roleOf(mention) === "job");
  const aboutStream = !namedJob && (has("stream") || onlyRole(mentions, "job_stream"));
  const downAgent = asksForJobsOfDownAgents(
    reading,
    mentions.some((mention) => roleOf(mention) !== "workstation"),
  );
  if (isWaitForAgent(reading) || isReadyWithoutAgent(reading) || downAgent)
    return { intent: "running_now", ownCue: true, focus: "agent" };
  const successors = asksForSuccessors(reading) || asksWhatNeeds(reading);
  const mustComeFirst = asksWhatMustComeFirst(reading, mentions.find(isJobLike));
  const holds = asksWhatHolds(reading) || saysItDoesNotMove(reading);
  const before = successors || mustComeFirst || asksForPredecessors(reading) || holds;
  if (has("dependencies") || before || (has("why") && has("negation") && has("start"))) {
    if (aboutStream) return { intent: "jobstream_status", ownCue: true, focus: "blocking" };
    return { intent: "job_dependencies", ownCue: true, ...(successors ? { focus: "successors" as const } : {}) };
  }
  if (has("help") && mentions.length === 0) return { intent: "help", ownCue: true };
  if (isAboutRunningJobs(reading)) {
    return { intent: "running_now", ownCue: true, ...(has("late") ? { focus: "late" as const } : {}) };
  }
  const aboutPlace = onlyRole(mentions, "job_stream") || onlyRole(mentions, "workstation");
  if (has("why") && (oneJob || !many) && !aboutPlace) return { intent: "job_log", ownCue: true };
  if (has("log")) return { intent: "job_log", ownCue: true };
  if (asksWhatWentWrongIn(reading)) return { intent: "job_log", ownCue: true };
  if (has("error_text")) return { intent: (oneJob || !many) && !aboutPlace ? "job_log" : "failed_jobs", ownCue: true };
  const aboutWorkstation = has("workstation") || onlyRole(mentions, "workstation");
  if (aboutWorkstation && !many && !oneJob && reading.tokens.some((token) => wentDown.has(token.word))) {
    return { intent: "workstation_status", ownCue: true }; // "a máquina AGT_AIX01 caiu?", "a AGT_AIX01 caiu?"
  }
  if (has("failure") && oneJob && isErrorOfJob(reading)) return { intent: "job_log", ownCue: true };
  const ofOneJob = (oneJob || speaksOfTheJob(reading)) && !many;
  if (has("failure")) return { intent: ofOneJob ? "job_status" : "failed_jobs", ownCue: true };
  if ((has("workstation") || has("workstation_state")) && !namedJob) {
    return { intent: "workstation_status", ownCue: !onlyPlaces(mentions, "workstation") };
  }
  if (has("stream") && !namedJob) return { intent: "jobstream_status", ownCue: !onlyPlaces(mentions, "job_stream") };
  const askedWhatWasDoneToIt = jobActions.some((cue) => has(cue)); // an action word, not an order (actionOf)
  const stateWord = has("status") || has("start") || has("on_hold") || has("running") || has("late") || has("ready");
  if (stateWord || askedWhatWasDoneToIt) return { intent: intentForSubject(mentions), ownCue: true };
  // Off topic is a reading of its own: no earlier question makes "vai chover em SP?" a question about a job SP.
  if (isOffTopic(reading)) return { intent: "unknown", ownCue: true };
  if (mentions.length > 0) return { intent: intentForSubject(mentions), ownCue: has("help") };
  return { intent: "unknown", ownCue: false };
}

/** "RECON_MATCH error?": the error of the job named just before, which its log holds. */
function isErrorOfJob(reading: Reading): boolean {
  return reading.tokens.some(
    (token, i) =>
      errorNouns.has(token.word) && reading.mentions.some((mention) => mention.end === i && isJobLike(mention)),
  );
}

/** Words that make a running or late word part of another question ("what failed while running", "why late"). */
const otherQuestions: Cue[] = ["stream", "workstation", "failure", "log", "why", "error_text"];

/** Running or late words, and nothing named to ask them of: "o que está rodando agora?", "is anything late?". */
function isAboutRunningJobs(reading: Reading): boolean {
  if (!reading.has("running") && !reading.has("late")) return false;
  // "is it still running?" asks of the job spoken of before
  return reading.mentions.length === 0 && !speaksOfTheJob(reading) && !otherQuestions.some((cue) => reading.has(cue));
}

/**
 * Names the plan does not know, among words that are neither cue words, names nor a time: the message is about
 * something else ("vai chover amanhã em SP?").
 */
export function isOffTopic(reading: Reading): boolean {
  if (reading.mentions.some((mention) => mention.planRoles.length > 0 || mention.role)) return false;
  const named = new Set(reading.mentions.flatMap((m) => Array.from({ length: m.end - m.at }, (_, k) => m.at + k)));
  const timed = new Set(reading.period?.words ?? []);
  return reading.tokens.some(
    (token, i) => !named.has(i) && !timed.has(i) && reading.cues[i] === undefined && /^[a-z]+$/.test(token.word),
  );
}

/** The role a mention plays when the message or the plan says it; undefined for a name nobody knows. */
export function roleOf(mention: Mention): Role | undefined {
  if (mention.role) return mention.role;
  if (mention.planRoles.length === 1) return mention.planRoles[0];
  return mention.planRoles.includes("job") ? "job" : mention.planRoles[0];
}

function isJobLike(mention: Mention): boolean {
  const role = roleOf(mention);
  return role === undefined || role === "job";
}

function onlyRole(mentions: readonly Mention[], role: Role): boolean {
  return mentions.length > 0 && mentions.every((mention) => roleOf(mention) === role);
}

/** "e no stream DAILY?": the stream is where to look, not what is asked about. */
function onlyPlaces(mentions: readonly Mention[], role: Role): boolean {
  const named = mentions.filter((mention) => roleOf(mention) === role);
  return named.length > 0 && named.every((mention) => mention.afterPreposition);
}

/** job_status, jobstream_status or workstation_status by what the first name is. */
function intentForSubject(mentions: readonly Mention[]): Intent {
  const subject = mentions.find((mention) => !mention.afterPreposition) ?? mentions[0];
  const role = subject ? roleOf(subject) : undefined;
  if (role === "job_stream") return "jobstream_status";
  if (role === "workstation") return "workstation_status";
  return "job_status";
}

function actionOf(reading: Reading): ChatAction | undefined {
  if (askedWhatWasDone.has(reading.tokens[0]?.word ?? "")) return undefined;
  for (const [i, cues] of reading.cues.entries()) {
    const cue = cues?.[0];
    if (cue && jobActions.includes(cue))
      return happenedBefore(reading, i) || isAskedOf(reading, i) ? undefined : actionCues[cue];
  }
  if (reading.has("on_hold") && reading.has("put")) return "hold";
  if (reading.has("again") && reading.tokens.some((token) => runVerbs.has(token.word))) return "rerun";
  return undefined;
}

/** Besides the cue word, what a bare order or refusal holds ("cancel please", "cancel that", "não, cancela"). */
const bareWith = new Set<Cue>(["filler", "pronoun", "decline"]);

/** The message is that one cue word, politeness, a pronoun and a no ("cancela", "cancel that", "no, cancel it"). */
function isBareWord(reading: Reading, cue: Cue): boolean {
  return (
    reading.mentions.length === 0 &&
    reading.cues.every((cues, i) => reading.tokens[i]!.word === "no" || cues?.some((c) => c === cue || bareWith.has(c)))
  );
}

/** Where the words from `from` on lead, skipping `links`: the index of the first other word (or the end). */
function skipping(reading: Reading, from: number, links: ReadonlySet<string>): number {
  let i = from;
  while (i < reading.tokens.length && links.has(reading.tokens[i]!.word)) i++;
  return i;
}

/** Where the job spoken of is: its name, or a pronoun for it ("dele", "it"); the end of the message when neither. */
function jobAt(reading: Reading): number {
  const named = reading.mentions.find(isJobLike)?.at ?? reading.tokens.length;
  const pronoun = reading.cues.findIndex((cues) => cues?.includes("pronoun"));
  return pronoun >= 0 && pronoun < named ? pronoun : named;
}

/** Words that make "depois"/"after" a time, not an order of jobs ("o que falhou depois do meio-dia?"). */
const timeQuestions: Cue[] = ["failure", "log", "error_text", "why", "late"];

/**
 * "quem vem depois do X?", "what runs after X?", "what's downstream of X?", "sucessores do X", "o que depende do
 * X?", "o que depende dele?", "who waits on X?": what waits on a job. "X depende de quem?", "what does it depend
 * on?", "what is X waiting for?" (the job first) ask for its predecessors instead.
 */
function asksForSuccessors(reading: Reading): boolean {
  const { tokens, cues } = reading;
  const job = jobAt(reading);
  return tokens.some((token, i) => {
    if (cues[i]?.includes("after")) {
      if (!afterWords.has(token.word)) return true;
      // "depois do X", "after it", "e depois?": the jobs after one, unless the message asks something else of a time.
      const object = skipping(reading, i + 1, objectLinks);
      return (object === job || object === tokens.length) && !timeQuestions.some((cue) => reading.has(cue));
    }
    if (i > job || job === tokens.length) return false;
    const object = skipping(reading, i + 1, objectLinks);
    if (dependVerbs.has(token.word)) return dependPrepositions.has(tokens[i + 1]?.word ?? "") && object === job;
    return waitVerbs.has(token.word) && object === job;
  });
}

/**
 * "tem job esperando agente?", "any jobs waiting for an agent?", "o que tá parado esperando workstation?": a wait
 * word whose object is an agent or workstation, and no job named.
 */
function isWaitForAgent(reading: Reading): boolean {
  if (reading.mentions.some((mention) => roleOf(mention) !== "workstation")) return false;
  return reading.tokens.some((token, i) => {
    if (!waitVerbs.has(token.word)) return false;
    const object = skipping(reading, i + 1, objectLinks);
    const named = reading.mentions.some((mention) => mention.at === object);
    return named || (reading.cues[object]?.includes("workstation") ?? false);
  });
}

/** "sem", "without", "falta": nothing of what follows ("sem agente", "without an agent"). */
const absenceWords = new Set(["sem", "without", "nenhum", "nenhuma", "falta", "faltando", "missing", "lacking"]);
/** English "no" before these ("no agent to run it"); Portuguese "no agente" is "in the agent". */
const noneOf = new Set(["agent", "agents", "machine", "machines", "server", "servers", "host", "hosts"]);

/**
 * "tem job pronto sem agente?", "anything ready to go but no agent to run it?", "jobs sem agente pra rodar?": jobs
 * (or ready ones) and an absence word before an agent or workstation word, and no job named.
 */
function isReadyWithoutAgent(reading: Reading): boolean {
  if (reading.mentions.some((mention) => roleOf(mention) !== "workstation")) return false;
  if (!reading.has("ready") && !reading.has("job") && !reading.has("jobs")) return false;
  return reading.tokens.some((token, i) => {
    if (token.word === "no") return noneOf.has(reading.tokens[i + 1]?.word ?? "");
    if (!absenceWords.has(token.word)) return false;
    const object = skipping(reading, i + 1, objectLinks);
    return reading.cues[object]?.includes("workstation") ?? false;
  });
}
