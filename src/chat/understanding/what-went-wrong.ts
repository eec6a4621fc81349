// "o que falhou no X?", "what blew up in X?", "oq deu no X? quero ver o erro", "what went wrong in X?": a failure
// word asked of one job the plan knows, named as the place ("no X", "in X"). What went wrong in that job is in its
// log. A stream or workstation there ("o que falhou no PAYROLL?"), or "jobs", is a place to look: failed_jobs.

import type { Mention } from "./entities";
import type { Reading } from "./reading";

export function asksWhatWentWrongIn(reading: Reading): boolean {
  if (!reading.has("failure") && !reading.has("error_text")) return false;
  if (reading.has("jobs") || reading.has("stream") || reading.has("workstation")) return false;
  const [only, ...others] = reading.mentions;
  return only !== undefined && others.length === 0 && only.afterPreposition && isPlanJob(only);
}

/** Said to be a job, or a name the plan knows as a job only. */
function isPlanJob(mention: Mention): boolean {
  if (mention.role) return mention.role === "job";
  return mention.planRoles.length > 0 && mention.planRoles.every((role) => role === "job");
}
