import type { HwaClient } from "../hwa/client";
import { oneOf, query } from "../hwa/oql";
import { StepFailure } from "./step-failure";
import { qualifiedName } from "../workflows/steps";

/**
 * The HWA id of a step's job: the reference itself, or the one job of the plan that
 * WORKSTATION#JOBSTREAM.JOB names (every part an OQL literal, so a name cannot change the query).
 */
export async function resolveJob(client: HwaClient, reference: string): Promise<string> {
  const name = qualifiedName(reference);
  if (!name) return reference;
  const oql = query([
    oneOf("workstation", [name.workstation]),
    oneOf("jobStreamName", [name.jobStream]),
    oneOf("name", [name.job]),
  ]);
  const found = await client.listJobs({ oql, limit: 2, offset: 0 });
  if (found.results.length === 0) throw new StepFailure(`no job ${reference} in the current plan`);
  if (found.results.length > 1)
    throw new StepFailure(
      `${reference} names more than one job in the plan (the stream runs several times): name it by its HWA id`,
    );
  return found.results[0]!.id;
}
