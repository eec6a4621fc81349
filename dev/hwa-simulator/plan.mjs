// The plan of one production day, built from the seed: workstations, job stream instances, jobs with their
// tasks, estimated durations, priorities and predecessors, and one (not yet started) run per job.
import { between, pick, randomFor, uuidFor } from "./random.mjs";
import {
  jobStreams as jobStreamSeeds,
  taskRules,
  userByFolder,
  workstations as workstationSeeds,
} from "./seed-data.mjs";

/** @typedef {import("./seed-data.mjs").JobStreamSeed} JobStreamSeed */

const minute = 60_000;

/**
 * @typedef {"HOLD" | "READY" | "EXEC" | "SUCC" | "ABEND" | "CANCL"} RunStatus
 * @typedef {{ id: string, number: number, status: RunStatus, rerunType: "REGULAR" | "RERUN",
 *   readyAt?: number, startedAt?: number, endAt?: number, endedAt?: number, returnCode?: number,
 *   outcome?: "SUCC" | "ABEND", actualWorkstationId?: string, confirmed: boolean, killed: boolean,
 *   notBefore?: number }} Run
 *   endAt: when a running job will end; endedAt: when it did. notBefore: a rerun's requested start time.
 * @typedef {{ jobId: string, type: "INTERNAL" | "EXTERNAL_JOB", released: boolean }} Dependency
 * @typedef {{ id: string, definitionId: string, name: string, jobStreamId: string, workstationId: string,
 *   folder: string, position: number, kind: string, command: string, userLogin: string, estimatedSeconds: number,
 *   priority: number, origPriority: number, critical: boolean, longLog: boolean, dependencies: Dependency[],
 *   successorIds: string[], heldByUser: boolean, canceled: boolean, runs: Run[], scriptedOutcomes: string[],
 *   deadline?: number }} Job
 *   deadline: when the job must have ended (plan time); none unless the control API sets one.
 * @typedef {{ id: string, name: string, folder: string, workstationId: string, schedTime: number, jobIds: string[],
 *   heldByUser: boolean, canceled: boolean, priority: number, origPriority: number, critical: boolean,
 *   dayIndex: number, carriedForward: boolean }} JobStream
 * @typedef {{ id: string, name: string, type: string, os: string, linked: boolean, activeStates: string[],
 *   limit: number, fence: number, nodeName: string, description: string, memberIds: string[] }} Workstation
 * @typedef {{ at: number, action: string, jobId: string }} OperatorAction
 * @typedef {{ seed: number, id: string, engineId: string, dayStart: number, dayIndex: number, now: number,
 *   failureRate: number, nightShift: boolean, copies: number, workstations: Map<string, Workstation>,
 *   jobStreams: Map<string, JobStream>, jobs: Map<string, Job>, operatorActions: OperatorAction[] }} Plan
 *   nightShift: while the morning is replayed, an operator reruns unexpected ABENDs (and the rerun ends well).
 *   copies: how many times each job stream of the day is in the plan (a bigger engine's plan for benchmarks).
 */

/**
 * An empty plan with the workstations; `addProductionDay` fills it.
 * @param {{ seed: number, dayStart: number, failureRate: number, copies?: number }} options
 * @returns {Plan}
 */
export function createPlan({ seed, dayStart, failureRate, copies = 1 }) {
  /** @type {Map<string, Workstation>} */
  const workstations = new Map();
  for (const seedWorkstation of workstationSeeds) {
    const workstation = {
      id: uuidFor(seed, "workstation", seedWorkstation.name),
      name: seedWorkstation.name,
      type: seedWorkstation.type,
      os: seedWorkstation.os,
      linked: seedWorkstation.linked,
      activeStates: [...seedWorkstation.activeStates],
      limit: seedWorkstation.limit,
      fence: seedWorkstation.fence,
      nodeName: seedWorkstation.nodeName,
      description: seedWorkstation.description,
      memberIds: (seedWorkstation.members ?? []).map((name) => uuidFor(seed, "workstation", name)),
    };
    workstations.set(workstation.id, workstation);
  }
  return {
    seed,
    id: uuidFor(seed, "plan"),
    engineId: uuidFor(seed, "engine"),
    dayStart,
    dayIndex: 0,
    now: dayStart,
    failureRate,
    nightShift: false,
    copies,
    workstations,
    jobStreams: new Map(),
    jobs: new Map(),
    operatorActions: [],
  };
}

/**
 * Adds the job stream instances of production day `dayIndex` (starting at `dayStart`) to the plan; with `copies`
 * above 1, each stream also as `<NAME>_<n>` (n = 2…copies), following its own copy's streams.
 * @param {Plan} plan @param {number} dayIndex @param {number} dayStart
 */
export function addProductionDay(plan, dayIndex, dayStart) {
  const { seed } = plan;
  /** @type {Map<string, JobStream>} the latest instance of each stream, for `follows` */
  const latestByName = new Map();
  const copyOf = (/** @type {JobStreamSeed} */ stream, /** @type {number} */ copy) =>
    copy === 1
      ? stream
      : { ...stream, name: `${stream.name}_${copy}`, follows: stream.follows?.map((name) => `${name}_${copy}`) };
  const seeds = Array.from({ length: plan.copies }, (_, i) => jobStreamSeeds.map((stream) => copyOf(stream, i + 1)))
    .flat()
    .flatMap((stream) => instanceTimes(stream).map((at, instance) => ({ stream, at, instance })));
  seeds.sort((a, b) => a.at - b.at || a.stream.name.localeCompare(b.stream.name));

  for (const { stream, at, instance } of seeds) {
    const workstation = workstationNamed(plan, stream.workstation);
    const jobStream = {
      id: uuidFor(seed, "jobstream", dayIndex, stream.name, instance),
      name: stream.name,
      folder: stream.folder,
      workstationId: workstation.id,
      schedTime: dayStart + at,
      jobIds: /** @type {string[]} */ ([]),
      heldByUser: false,
      canceled: false,
      priority: stream.critical ? 50 : 10,
      origPriority: stream.critical ? 50 : 10,
      critical: Boolean(stream.critical),
      dayIndex,
      carriedForward: false,
    };
    plan.jobStreams.set(jobStream.id, jobStream);

    /** @type {Job[]} */
    let previousStage = (stream.follows ?? []).flatMap((name) => lastJobsOf(plan, latestByName.get(name)));
    let position = 0;
    for (const stage of stream.stages) {
      const names = [stage].flat().flatMap(expandName);
      const stageJobs = names.map((name) => {
        position += 1;
        const job = buildJob(plan, jobStream, workstation, name, position, instance);
        job.dependencies = previousStage.map((predecessor) => ({
          jobId: predecessor.id,
          type: predecessor.jobStreamId === jobStream.id ? "INTERNAL" : "EXTERNAL_JOB",
          released: false,
        }));
        for (const predecessor of previousStage) predecessor.successorIds.push(job.id);
        plan.jobs.set(job.id, job);
        jobStream.jobIds.push(job.id);
        return job;
      });
      previousStage = stageJobs;
    }
    latestByName.set(stream.name, jobStream);
  }
}

/**
 * @param {Plan} plan @param {JobStream} jobStream @param {Workstation} workstation
 * @param {string} name @param {number} position @param {number} instance
 * @returns {Job}
 */
function buildJob(plan, jobStream, workstation, name, position, instance) {
  const { seed } = plan;
  const random = randomFor(seed, "job", jobStream.dayIndex, jobStream.name, instance, name);
  const rule = taskRules.find((candidate) => candidate.match.test(name)) ?? taskRules[taskRules.length - 1];
  if (!rule) throw new Error("no task rule");
  const kind = workstation.os === "WINDOWS" ? "windows" : rule.kind;
  const estimatedSeconds = Math.round(between(random, rule.seconds[0], rule.seconds[1]) / 5) * 5;
  const priority = jobStream.critical ? 50 : random() < 0.05 ? 100 : 10;
  const id = uuidFor(seed, "job", jobStream.dayIndex, jobStream.name, instance, name);
  return {
    id,
    definitionId: uuidFor(seed, "job-definition", jobStream.folder, name),
    name,
    jobStreamId: jobStream.id,
    workstationId: workstation.id,
    folder: jobStream.folder,
    position,
    kind,
    command: commandFor(kind, name, jobStream.folder, random),
    userLogin: /** @type {Record<string, string>} */ (userByFolder)[jobStream.folder] ?? "twsuser",
    estimatedSeconds,
    priority,
    origPriority: priority,
    critical: jobStream.critical,
    longLog: Boolean(rule.longLog),
    dependencies: [],
    successorIds: [],
    heldByUser: false,
    canceled: false,
    runs: [firstRun(seed, id)],
    scriptedOutcomes: [],
  };
}

/** @param {number} seed @param {string} jobId @returns {Run} */
function firstRun(seed, jobId) {
  return {
    id: uuidFor(seed, "run", jobId, 1),
    number: 1,
    status: "HOLD",
    rerunType: "REGULAR",
    confirmed: false,
    killed: false,
  };
}

/**
 * The command line or script a job's definition runs.
 * @param {string} kind @param {string} name @param {string} folder @param {() => number} random
 */
function commandFor(kind, name, folder, random) {
  const lower = name.toLowerCase();
  const area = folder.replaceAll("/", "").toLowerCase() || "ops";
  switch (kind) {
    case "sql":
      return `sqlplus -s /@${pick(random, ["DWHPRD", "ERPPRD", "CRMPRD"])} @/opt/batch/${area}/sql/${lower}.sql \${tws.plan.date}`;
    case "java":
      return `java -Xmx${pick(random, ["1g", "2g", "4g"])} -jar /opt/apps/${area}/batch-runner.jar --step=${lower} --date=\${tws.plan.date}`;
    case "sftp":
      return `/opt/batch/bin/sftp_transfer.sh --profile ${lower} --retries 3`;
    case "sap":
      return `r3batch -c SAPPRD -client 100 -job Z${name.replaceAll("_", "").slice(0, 24)} -user BATCH_${area.toUpperCase()}`;
    case "backup":
      return name.startsWith("RMAN_")
        ? `rman target / cmdfile=/opt/dba/rman/${lower}.rcv log=/var/log/rman/${lower}.log`
        : `/opt/backup/bin/${lower}.sh --target nas01:/backup --parallel 4`;
    case "windows":
      return `C:\\Batch\\${area.toUpperCase()}\\${name}.cmd /date:%TWS_PLAN_DATE%`;
    case "report":
      return `/opt/batch/bin/run_report.sh --report ${lower} --format pdf --mail ops-${area}@example.com`;
    default:
      return `/opt/batch/${area}/bin/${lower}.sh \${tws.plan.date}`;
  }
}

/** `INV_STORE_{001..012}` → 12 names; other names stay as they are. @param {string} name */
function expandName(name) {
  const range = /\{(\d+)\.\.(\d+)\}/.exec(name);
  if (!range || range[1] === undefined || range[2] === undefined) return [name];
  const [from, to, width] = [Number(range[1]), Number(range[2]), range[1].length];
  return Array.from({ length: to - from + 1 }, (_, i) => name.replace(range[0], String(from + i).padStart(width, "0")));
}

/** Offsets (ms after the start of the day) of a stream's instances. @param {import("./seed-data.mjs").JobStreamSeed} stream */
function instanceTimes(stream) {
  const [hours, minutes] = stream.at.split(":").map(Number);
  const first = ((hours ?? 0) * 60 + (minutes ?? 0)) * minute;
  if (!stream.everyMinutes) return [first];
  const times = [];
  for (let at = first; at < 24 * 60 * minute; at += stream.everyMinutes * minute) times.push(at);
  return times;
}

/** The jobs of a stream no other job of it follows. @param {Plan} plan @param {JobStream | undefined} jobStream */
function lastJobsOf(plan, jobStream) {
  if (!jobStream) return [];
  const jobs = jobStream.jobIds.map((id) => /** @type {Job} */ (plan.jobs.get(id)));
  return jobs.filter((job) => !job.successorIds.some((id) => jobStream.jobIds.includes(id)));
}

/** @param {Plan} plan @param {string} name */
export function workstationNamed(plan, name) {
  for (const workstation of plan.workstations.values()) if (workstation.name === name) return workstation;
  throw new Error(`no workstation ${name}`);
}

/** @param {Plan} plan @param {string} jobStreamName @param {string} jobName */
export function jobNamed(plan, jobStreamName, jobName) {
  for (const job of plan.jobs.values()) {
    if (job.name === jobName && plan.jobStreams.get(job.jobStreamId)?.name === jobStreamName) return job;
  }
  throw new Error(`no job ${jobStreamName}.${jobName} in the plan`);
}

/** The job's current run: the last in its rerun chain. @param {Job} job */
export function lastRun(job) {
  const run = job.runs[job.runs.length - 1];
  if (!run) throw new Error(`job ${job.id} has no run`);
  return run;
}

/** @param {Plan} plan @param {string} id */
export function jobStreamOf(plan, id) {
  const jobStream = plan.jobStreams.get(id);
  if (!jobStream) throw new Error(`no job stream ${id}`);
  return jobStream;
}

/** @param {Plan} plan @param {string} id */
export function workstationOf(plan, id) {
  const workstation = plan.workstations.get(id);
  if (!workstation) throw new Error(`no workstation ${id}`);
  return workstation;
}

/** Finds a run by id anywhere in the plan. @param {Plan} plan @param {string} runId */
export function findRun(plan, runId) {
  for (const job of plan.jobs.values()) {
    const run = job.runs.find((candidate) => candidate.id === runId);
    if (run) return { job, run };
  }
  return undefined;
}

/**
 * Where a run executes: the job's workstation, or for a pool one of its members (the same one for a given run).
 * @param {Plan} plan @param {Job} job @param {Run} run
 */
export function launchWorkstationId(plan, job, run) {
  const workstation = workstationOf(plan, job.workstationId);
  if (workstation.memberIds.length === 0) return workstation.id;
  return pick(randomFor(plan.seed, "member", run.id), workstation.memberIds);
}
