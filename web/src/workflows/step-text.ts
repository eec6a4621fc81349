import type { Step } from "../api/types";
import { t } from "../i18n/i18n";

/** A step in one line, in the console's language: "rerun X", "wait until X is SUCC (at most 300 s)". */
export function stepText(step: Step): string {
  const words = t.value.stepText;
  if (step.action === "wait-for-status")
    return words["wait-for-status"](step.job, step.status.join(" / "), step.timeout_s);
  if (step.action === "assert-status") return words["assert-status"](step.job, step.status.join(" / "));
  return words.action(t.value.actionNames[step.action], step.job);
}
