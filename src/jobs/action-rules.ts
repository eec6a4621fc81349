// Which job statuses each action makes sense in, as HWA decides it (and dev/hwa-simulator/actions.mjs with it):
// HWA refuses the others with a 400 we would otherwise pass on as a 502, so Resync says 409 and why, first.

export const jobActionNames = ["hold", "release", "rerun", "cancel", "kill", "confirm-succ", "confirm-abend"] as const;
export type JobActionName = (typeof jobActionNames)[number];

/** The statuses of the job's current run in which HWA accepts the action. */
const accepts: Record<Exclude<JobActionName, "cancel">, readonly string[]> = {
  hold: ["HOLD", "READY"], // not started yet
  release: ["HOLD", "READY"],
  rerun: ["SUCC", "ABEND"], // a finished run starts a new one in its rerun chain
  kill: ["EXEC"],
  "confirm-succ": ["ABEND"],
  "confirm-abend": ["SUCC"],
};

/** Why `action` makes no sense for a job in `status`, or undefined when HWA would accept it. */
export function refusal(
  job: { name: string; id: string },
  status: string | null,
  action: JobActionName,
): string | undefined {
  const what = `Job ${job.name} (${job.id})`;
  if (status === null) return `The status of job ${job.name} (${job.id}) is unknown; ${action} is not attempted`;
  if (action === "cancel") {
    if (status === "EXEC") return `${what} is running (EXEC); kill it before cancel`;
    if (status === "SUCC" || status === "CANCL")
      return `${what} is in ${status}; cancel needs a job that has not finished`;
    return undefined;
  }
  const allowed = accepts[action];
  return allowed.includes(status) ? undefined : `${what} is in ${status}; ${action} needs ${allowed.join(" or ")}`;
}
