import type { Intent } from "../understanding/types";
import { composeReply, type ReplyWith } from "./compose";
import type { AnswerOptions } from "./format";
import { messagesFor, type NamedKind } from "./messages";
import { suggest } from "./suggest";

/** The question named no job (or stream) and the conversation had none: ask for it, with examples. */
export function askForName(kind: NamedKind, intent: Intent, options: AnswerOptions): ReplyWith<{ missing: NamedKind }> {
  const { language } = options;
  const example = {
    job:
      intent === "job_log"
        ? suggest.jobLog({ name: "PAYROLL_CALC" }, language)
        : suggest.jobStatus({ name: "PAYROLL_CALC" }, language),
    job_stream: suggest.jobStream("PAYROLL", language),
    workstation: suggest.workstation("AGT_LNX01", language),
  }[kind];
  return composeReply(intent, options, [messagesFor(language).names.askFor(kind, example)], { missing: kind }, [
    suggest.failedToday(language),
    suggest.help(language),
  ]);
}
