import type { Intent } from "../understanding/types";
import { composeReply, type ReplyWith } from "./compose";
import type { AnswerOptions } from "./format";
import type { NamedKind } from "./names";
import { suggest } from "./suggest";

/** The question named no job (or stream) and the conversation had none: ask for it, with examples. */
export function askForName(kind: NamedKind, intent: Intent, options: AnswerOptions): ReplyWith<{ missing: NamedKind }> {
  const pt = options.language === "pt";
  const what = {
    job: pt ? "De qual job?" : "Which job?",
    job_stream: pt ? "De qual job stream?" : "Which job stream?",
    workstation: pt ? "De qual estação?" : "Which workstation?",
  }[kind];
  const example = {
    job:
      intent === "job_log"
        ? suggest.jobLog({ name: "PAYROLL_CALC" }, options.language)
        : suggest.jobStatus({ name: "PAYROLL_CALC" }, options.language),
    job_stream: suggest.jobStream("PAYROLL", options.language),
    workstation: suggest.workstation("AGT_LNX01", options.language),
  }[kind];
  const line = pt
    ? `${what} Diga o nome, por exemplo: "${example}"`
    : `${what} Say its name, for example: "${example}"`;
  return composeReply(intent, options, [line], { missing: kind }, [
    suggest.failedToday(options.language),
    suggest.help(options.language),
  ]);
}
