// The plan as the V2 API shows it: JobInPlanV2 (with JobRunInstanceV2 runs and DependencyInPlanV2
// dependencies), JobStreamInPlanV2 and WorkstationInPlanV2, exactly as WA_API3_v2.json declares them.
import { jobStreamOf, lastRun, workstationOf } from "./plan.mjs";
import { uuidFor } from "./random.mjs";
import {
  commonStatus,
  compositeStatus,
  deadlineHasPassed,
  isDependencySatisfied,
  isFinished,
  jobStreamCommonStatus,
  jobStreamStatus,
} from "./status.mjs";

/** @typedef {import("./plan.mjs").Plan} Plan @typedef {import("./plan.mjs").Job} Job @typedef {import("./plan.mjs").Run} Run */

const timeZone = "UTC";

/** @param {number} ms */
export function isoTime(ms) {
  return new Date(ms).toISOString();
}

/** An ISO-8601 duration in whole seconds, as the document's `duration` format accepts: PT1H2M3S. @param {number} ms */
export function isoDuration(ms) {
  let seconds = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  const parts = `${hours ? `${hours}H` : ""}${minutes ? `${minutes}M` : ""}${seconds || (!hours && !minutes) ? `${seconds}S` : ""}`;
  return `PT${parts}`;
}

/** @param {Plan} plan @param {Job} job */
function jobKey(plan, job) {
  return `${workstationOf(plan, job.workstationId).name}#${jobStreamOf(plan, job.jobStreamId).name}.${job.name}`;
}

/**
 * @param {Plan} plan @param {Job} job
 * @param {{ dependencies?: boolean }} [options] dependencies: only a single job's view lists them (as in HWA)
 */
export function jobInPlan(plan, job, { dependencies = false } = {}) {
  const jobStream = jobStreamOf(plan, job.jobStreamId);
  const workstation = workstationOf(plan, job.workstationId);
  const jobStreamWorkstation = workstationOf(plan, jobStream.workstationId);
  const unresolved = job.dependencies.filter((dependency) => !isDependencySatisfied(plan, dependency)).length;
  const late = deadlineHasPassed(plan, job);
  return {
    flowNodeType: "JOB",
    engineId: plan.engineId,
    id: job.id,
    planId: plan.id,
    folderId: uuidFor(plan.seed, "folder", job.folder),
    folder: job.folder,
    name: job.name,
    workstationId: workstation.id,
    workstation: workstation.name,
    jobStreamId: jobStream.id,
    jobStreamName: jobStream.name,
    jobStreamWorkstationId: jobStreamWorkstation.id,
    jobStreamWorkstation: jobStreamWorkstation.name,
    position: job.position,
    key: jobKey(plan, job),
    jobDefinitionFlags: { monitored: job.critical, aliased: false, interactive: false },
    jobStatusFlags: {
      jobStreamCancelled: jobStream.canceled,
      jobLate: false,
      restarted: job.runs.length > 1,
      deadlineHasPassed: late,
    },
    jobOptions: { noOperation: false, critical: job.critical, requiresConfirmation: false, every: false },
    lastRunCompositeStatus: compositeStatus(plan, job),
    lastRunCommonStatus: commonStatus(plan, job),
    jobDefinitionRefId: job.definitionId,
    jobDefinition: jobDefinition(plan, job),
    priority: job.priority,
    origPriority: job.origPriority,
    jobruns: job.runs.map((run) => jobRun(plan, job, run)),
    schedTime: isoTime(jobStream.schedTime),
    timeZone,
    timeRestrictions: {
      timeDependent: false,
      startTimeSatisfied: plan.now >= jobStream.schedTime,
      ...(job.deadline === undefined ? {} : { deadlineTime: isoTime(job.deadline), deadlineSatisfied: !late }),
    },
    ...(dependencies
      ? {
          dependencies: job.dependencies.flatMap((dependency, index) => dependencyInPlan(plan, job, dependency, index)),
        }
      : {}),
    dependenciesStats: {
      numberOfDependencies: job.dependencies.length,
      numberOfJobDependencies: job.dependencies.length,
      numberOfJobStreamDependencies: 0,
      numberOfInternetworkDependencies: 0,
      numberOfPromptDependencies: 0,
      numberOfResourceDependencies: 0,
      numberOfFileDependencies: 0,
      numberOfUnresolvedDependencies: unresolved,
      numberOfNonResourceUnresolvedDependencies: unresolved,
    },
    actions: [],
  };
}

/** @param {Plan} plan @param {Job} job */
function jobDefinition(plan, job) {
  const workstation = workstationOf(plan, job.workstationId);
  return {
    id: job.definitionId,
    folder: job.folder,
    name: job.name,
    workstationId: workstation.id,
    workstation: workstation.name,
    description: `${job.name.replaceAll("_", " ").toLowerCase()} (${job.kind})`,
    task: { type: job.kind === "windows" ? "windows" : "executable", command: job.command },
    isCommand: job.kind !== "shell" && job.kind !== "windows",
    estimatedDuration: isoDuration(job.estimatedSeconds * 1000),
    planId: plan.id,
    userLogins: [job.userLogin],
    recoveryOption: "STOP",
  };
}

/** @param {Plan} plan @param {Job} job @param {Run} run */
export function jobRun(plan, job, run) {
  const ended = isFinished(run) ? run.endedAt : undefined;
  const elapsed = run.startedAt === undefined ? undefined : (ended ?? plan.now) - run.startedAt;
  return {
    id: run.id,
    name: job.name,
    jobId: job.id,
    jobKey: jobKey(plan, job),
    ...(run.actualWorkstationId ? { actualWorkstation: workstationOf(plan, run.actualWorkstationId).name } : {}),
    jobNumber: run.number,
    compositeStatus: compositeStatus(plan, job, run),
    commonStatus: commonStatus(plan, job, run),
    ...(run.returnCode !== undefined ? { returnCode: run.returnCode } : {}),
    rerunJob: run.rerunType === "RERUN",
    confirmed: run.confirmed,
    released: false,
    rerunType: run.rerunType,
    timeInfo: {
      estimatedDuration: isoDuration(job.estimatedSeconds * 1000),
      ...(run.startedAt !== undefined ? { actualStartTime: isoTime(run.startedAt) } : {}),
      ...(elapsed !== undefined ? { elapsedTime: isoDuration(elapsed) } : {}),
      ...(ended !== undefined ? { actualEndTime: isoTime(ended) } : {}),
    },
    ...(run.readyAt !== undefined ? { submittedTime: isoTime(run.readyAt) } : {}),
    lastInRerunChain: run === lastRun(job),
    runAttempt: run.number,
  };
}

/**
 * @param {Plan} plan @param {Job} job @param {import("./plan.mjs").Dependency} dependency @param {number} index
 */
function dependencyInPlan(plan, job, dependency, index) {
  const predecessor = plan.jobs.get(dependency.jobId);
  if (!predecessor) return [];
  const jobStream = jobStreamOf(plan, predecessor.jobStreamId);
  const satisfied = isDependencySatisfied(plan, dependency);
  const common = {
    dependencyType: dependency.type,
    id: uuidFor(plan.seed, "dependency", job.id, dependency.jobId),
    dependencyStatus: satisfied ? "SATISFIED" : "UNSATISFIED",
    satisfied,
    depSequence: index + 1,
    mandatory: true,
    conditional: false,
    critical: job.critical,
    jobId: predecessor.id,
    jobName: predecessor.name,
    predecessorStatus: compositeStatus(plan, predecessor),
    jobStreamName: jobStream.name,
    jobStreamWorkstation: workstationOf(plan, jobStream.workstationId).name,
    jobStreamFolder: jobStream.folder,
    jobStreamSchedTime: isoTime(jobStream.schedTime),
    jobSuccId: job.id,
  };
  if (dependency.type === "INTERNAL") return [common];
  return [
    { ...common, jobStreamId: jobStream.id, jobWorkstationName: workstationOf(plan, predecessor.workstationId).name },
  ];
}

/**
 * @param {Plan} plan @param {import("./plan.mjs").JobStream} jobStream @param {{ jobs?: boolean }} [options]
 */
export function jobStreamInPlan(plan, jobStream, { jobs = false } = {}) {
  const workstation = workstationOf(plan, jobStream.workstationId);
  const status = jobStreamStatus(plan, jobStream);
  const members = jobStream.jobIds.flatMap((id) => plan.jobs.get(id) ?? []);
  const runs = members.map(lastRun);
  const count = (/** @type {(run: Run) => boolean} */ test) => runs.filter(test).length;
  const starts = runs.flatMap((run) => (run.startedAt === undefined ? [] : [run.startedAt]));
  const ends = runs.flatMap((run) => (run.endedAt === undefined ? [] : [run.endedAt]));
  const actualStart = starts.length > 0 ? Math.min(...starts) : undefined;
  const actualEnd = status === "SUCC" || status === "ABEND" ? Math.max(...ends, actualStart ?? 0) : undefined;
  return {
    flowNodeType: "JOBSTREAM",
    engineId: plan.engineId,
    id: jobStream.id,
    planId: plan.id,
    folderId: uuidFor(plan.seed, "folder", jobStream.folder),
    folder: jobStream.folder,
    name: jobStream.name,
    originalJobStreamName: jobStream.name,
    workstationId: workstation.id,
    workstation: workstation.name,
    jobStreamModelId: uuidFor(plan.seed, "jobstream-model", jobStream.folder, jobStream.name),
    key: `${workstation.name}#${jobStream.name}`,
    schedTime: isoTime(jobStream.schedTime),
    timeZone,
    jsDefinitionFlags: { aliased: false, carriedForward: jobStream.carriedForward, isService: false },
    jsStatusFlags: { released: false, lateJobStream: false, pendingPredecessor: false, hasEveryJobs: false },
    jsOptions: { monitored: jobStream.critical, carryForward: true },
    compositeStatus: {
      status,
      canceled: status === "CANCL",
      started: actualStart !== undefined,
      error: status === "ABEND" || status === "STUCK",
      cancelPending: false,
      dontRun: false,
    },
    commonStatus: jobStreamCommonStatus(plan, jobStream),
    priority: jobStream.heldByUser ? 0 : jobStream.priority,
    origPriority: jobStream.origPriority,
    timeInfo: {
      estimatedDuration: isoDuration(criticalPathSeconds(plan, members) * 1000),
      ...(actualStart !== undefined ? { actualStartTime: isoTime(actualStart) } : {}),
      ...(actualStart !== undefined ? { elapsedTime: isoDuration((actualEnd ?? plan.now) - actualStart) } : {}),
      ...(actualEnd !== undefined ? { actualEndTime: isoTime(actualEnd) } : {}),
    },
    scheduledDate: isoTime(jobStream.schedTime),
    jobStreamStats: {
      numberOfJob: runs.length,
      numberOfSuccessfullJob: count((run) => run.status === "SUCC"),
      numberOfExecutingJob: count((run) => run.status === "EXEC"),
      numberOfAbendedJob: count((run) => run.status === "ABEND"),
      numberOfNotRunningJob: count((run) => run.status === "HOLD" || run.status === "READY"),
      numberOfFailedJob: 0,
      numberOfUndecidedJob: 0,
    },
    limit: -1,
    ...(jobs ? { jobs: members.map((job) => jobInPlan(plan, job)) } : {}),
    actions: [],
  };
}

/** The longest chain of estimated durations through a stream's jobs. @param {Plan} _plan @param {Job[]} jobs */
function criticalPathSeconds(_plan, jobs) {
  /** @type {Map<string, number>} */
  const finishAt = new Map();
  for (const job of jobs) {
    const after = Math.max(0, ...job.dependencies.map((dependency) => finishAt.get(dependency.jobId) ?? 0));
    finishAt.set(job.id, after + job.estimatedSeconds);
  }
  return Math.max(0, ...finishAt.values());
}

/** @param {Plan} plan @param {import("./plan.mjs").Workstation} workstation */
export function workstationInPlan(plan, workstation) {
  return {
    engineId: plan.engineId,
    id: workstation.id,
    planId: plan.id,
    folderId: uuidFor(plan.seed, "folder", "/"),
    folder: "/",
    name: workstation.name,
    key: workstation.name,
    description: workstation.description,
    activeStates: workstation.activeStates,
    activeFlags: workstation.type === "FTA" ? ["AUTO_LINK", "FULL_STATUS", "TCP_IP_LINK"] : ["AUTO_LINK"],
    type: workstation.type,
    hostType: workstation.type === "MANAGER" ? "MASTER" : "WORKSTATION",
    os: workstation.os,
    timeZone,
    nodeName: workstation.nodeName,
    tcpPort: workstation.type === "POOL" ? 0 : 31111,
    domainName: "MASTERDM",
    limit: workstation.limit,
    fence: workstation.fence,
    version: "10.1.0.01",
    runNumber: plan.dayIndex + 1,
    timeStarted: isoTime(plan.dayStart),
    securityLevel: "ENABLED",
    sslPort: workstation.type === "POOL" ? 0 : 31113,
    actions: [],
    ignore: false,
  };
}
