import type { Job } from "../../jobs/job";
import type { Language } from "../understanding/types";
import type { LogLine } from "./error-lines";
import { atText, clockText, durationText, elapsedText, instant, listText, type AnswerOptions } from "./format";
import { messagesFor } from "./messages";
import { suggest } from "./suggest";
import { dependencyCountText } from "./words";

// Why a job (or a job stream) does not move: the chain of jobs each waiting on the next, down to the one that
// blocks them all, said in one sentence ("RECON_REPORT aguarda RECON_EXCEPTIONS, que aguarda RECON_MATCH, que
// terminou com erro (ABEND, RC 2) às 18:24"), with the root's error line and what would unblock it.

/** What the root of a chain is doing that keeps the others waiting. */
export type RootKind = "failed" | "held" | "agent" | "time" | "running" | "other" | "unknown";

export interface Blockage {
  /** From the job asked about (or a stream's last waiting job) to the root, which is last. */
  chain: Job[];
  kind: RootKind;
  /** A failed root's log line that says why. */
  error?: LogLine;
  /** Dependencies that are not jobs, which an "other" root waits on. */
  other?: { type: string; count: number }[];
  /** The walk stopped at its bound of reads before it reached a root. */
  truncated: boolean;
  /** Cached reads the walk made. */
  hops: number;
}

/** Links shown between the first and the last two of a long chain. */
const MAX_SHOWN_LINKS = 4;

function stateOf(blockage: Blockage, options: AnswerOptions): string {
  const say = messagesFor(options.language).rootCause;
  const root = blockage.chain.at(-1)!;
  switch (blockage.kind) {
    case "failed":
      return say.failed(root.status ?? "ABEND", root.return_code, atText(root.ended_at, options));
    case "held":
      return say.held;
    case "agent":
      return say.agent(root.workstation ?? "?");
    case "time":
      return say.time(clockText(root.sched_time, options));
    case "running": {
      const started = instant(root.started_at);
      const elapsed = started ? elapsedText(options.now.getTime() - started.getTime(), options.language) : undefined;
      const estimate = root.estimated_duration_ms ? durationText(root.estimated_duration_ms) : undefined;
      return say.running(elapsed, estimate);
    }
    case "other":
      return say.other(
        listText(
          (blockage.other ?? []).map((o) => dependencyCountText(o.type, o.count, options.language)),
          options.language,
        ),
      );
    default:
      return say.unknown(root.status ?? "?");
  }
}

/** "A aguarda B, que aguarda C, que terminou com erro (ABEND, RC 2) às 18:24" (without the final period). */
export function chainSentence(blockage: Blockage, options: AnswerOptions): string {
  const say = messagesFor(options.language).rootCause;
  const names = blockage.chain.map((job) => job.name);
  const state = stateOf(blockage, options);
  if (names.length === 1) return `${names[0]} ${state}`;
  const links = names.slice(1);
  const long = links.length > MAX_SHOWN_LINKS;
  const shown = long ? [links[0]!, ...links.slice(-2)] : links;
  let text = `${names[0]} ${say.waits} ${shown[0]}`;
  if (long) text += ` ${say.skipped(links.length - 3)}`;
  for (const name of shown.slice(1)) text += `, ${say.which} ${say.waits} ${name}`;
  const truncated = blockage.truncated ? ` ${say.tooDeep(blockage.hops)}` : "";
  return `${text}, ${say.which} ${state}${truncated}`;
}

/** The chain, the root's error line and what would unblock it, as lines of an answer. */
export function blockageLines(blockage: Blockage, options: AnswerOptions, prefix = ""): string[] {
  const say = messagesFor(options.language).rootCause;
  const root = blockage.chain.at(-1)!;
  const lines = [`${prefix}${chainSentence(blockage, options)}.`];
  if (blockage.error) lines.push(say.errorLine(root.name, blockage.error.line, blockage.error.text));
  if (blockage.kind === "failed") lines.push(say.unblockFailed(root.name));
  if (blockage.kind === "held") lines.push(say.unblockHeld(root.name));
  if (blockage.kind === "agent" && root.workstation) lines.push(say.unblockAgent(root.workstation));
  return lines;
}

/** What to ask next about the root: act on it, or look at it. */
export function blockageSuggestions(blockage: Blockage, language: Language): string[] {
  const root = { name: blockage.chain.at(-1)!.name };
  switch (blockage.kind) {
    case "failed":
      return [suggest.rerun(root, language), suggest.jobLog(root, language)];
    case "held":
      return [suggest.release(root, language), suggest.jobStatus(root, language)];
    case "agent":
      return [suggest.workstation(blockage.chain.at(-1)!.workstation ?? "", language)];
    default:
      return [suggest.jobStatus(root, language)];
  }
}

/** The facts of a chain for `data`. */
export function blockageData(blockage: Blockage) {
  const root = blockage.chain.at(-1)!;
  return {
    chain: blockage.chain.map((job) => ({
      id: job.id,
      name: job.name,
      job_stream: job.job_stream,
      status: job.status,
    })),
    root: {
      id: root.id,
      name: root.name,
      job_stream: root.job_stream,
      kind: blockage.kind,
      status: root.status,
      return_code: root.return_code,
      ended_at: root.ended_at,
      error_line: blockage.error ?? null,
      // The unlinked workstation the text names ("a estação AGT_AIX01 não está linkada").
      ...(blockage.kind === "agent" ? { workstation: root.workstation } : {}),
    },
    truncated: blockage.truncated,
  };
}
