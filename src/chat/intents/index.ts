import type { IntentHandler } from "../turn";
import type { Intent } from "../understanding/types";
import { failedJobs } from "./failed-jobs";
import { help, unknown } from "./help";
import { jobAction } from "./job-action";
import { jobDependencies } from "./job-dependencies";
import { jobLog } from "./job-log";
import { jobStatus } from "./job-status";
import { jobStreamStatus } from "./jobstream-status";
import { runningNow } from "./running-now";
import { workstationStatus } from "./workstation-status";

/** One handler per intent: the compiler holds the list complete. */
export const handlers: Record<Intent, IntentHandler> = {
  job_status: jobStatus,
  job_log: jobLog,
  failed_jobs: failedJobs,
  jobstream_status: jobStreamStatus,
  workstation_status: workstationStatus,
  job_dependencies: jobDependencies,
  running_now: runningNow,
  job_action: jobAction,
  help,
  unknown,
};
