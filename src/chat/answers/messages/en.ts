import type { Messages, NamedKind, SuggestedJob } from "./messages";

// English, as operators write it in a control room.

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const inStream = (job: SuggestedJob) => (job.job_stream ? ` in stream ${job.job_stream}` : "");
const runsList = (runs: readonly number[]) =>
  runs.length === 1 ? `run ${runs[0]}` : `runs ${runs.slice(0, -1).join(", ")} and ${runs.at(-1)}`;

const kinds: Record<NamedKind, readonly [string, string]> = {
  job: ["job", "jobs"],
  job_stream: ["job stream", "job streams"],
  workstation: ["workstation", "workstations"],
};

export const en: Messages = {
  language: "en",
  time: {
    ago: (duration) => `${duration} ago`,
    elapsed: (duration) => `for ${duration}`,
    yesterday: (hhmm) => `yesterday ${hhmm}`,
    tomorrow: (hhmm) => `tomorrow ${hhmm}`,
    otherDay: (date, hhmm) => `${months[date.month - 1]} ${date.day}${date.year ? `, ${date.year}` : ""} ${hhmm}`,
    today: (hhmm) => `${hhmm} (today)`,
    at: (clock) => (/^\d/.test(clock) ? `at ${clock}` : clock),
  },
  list: { and: " and ", or: " or ", more: (n) => `and ${n} more` },
  status: {
    substatus: {
      READY_WAITING_FOR_AGENT: "waiting for the workstation's agent",
      READY_WAITING_FOR_USER_INTERVENTION: "waiting for an operator",
      HOLD_PRIORITY_ZERO: "held at priority 0",
    },
    heldByOperator: "held by an operator (HOLD, priority 0)",
    dependencyTypes: {
      INTERNAL: ["job in the same stream", "jobs in the same stream"],
      EXTERNAL_JOB: ["job in another stream", "jobs in other streams"],
      EXTERNAL_JOBSTREAM: ["job stream", "job streams"],
      JOIN: ["join condition", "join conditions"],
      FILE: ["file", "files"],
      RESOURCE: ["resource", "resources"],
      INTERNETWORK: ["internetwork dependency", "internetwork dependencies"],
      PROMPT: ["prompt (operator reply)", "prompts (operator reply)"],
    },
    workstation: "workstation",
  },
  suggest: {
    action: (action, job) => `${action} job ${job.name}${inStream(job)}`,
    jobStatus: (job) => `what is the status of job ${job.name}${inStream(job)}?`,
    jobLog: (job) => `show the log of job ${job.name}${inStream(job)}`,
    dependencies: (job) => `what is job ${job.name}${inStream(job)} waiting on?`,
    failedToday: "which jobs abended today?",
    runningNow: "what is running now?",
    lateJobs: "is any job late?",
    jobStream: (name) => `what is the status of job stream ${name}?`,
    workstation: (name) => `is workstation ${name} linked?`,
    workstations: "which workstations are not linked?",
    help: "help",
  },
  upstream: {
    retrySoon: "try again shortly",
    retryIn: (wait) => `try again in ${wait}`,
    reason(failure, retry) {
      switch (failure) {
        case "timeout":
          return `it did not answer in time; ${retry}`;
        case "circuit-open":
          return `it has been failing, so calls to it are paused to spare it; ${retry}`;
        case "rate-limited":
          return `it is limiting requests; ${retry}`;
        case "bulkhead-full":
          return `too many calls to it are in progress; ${retry}`;
        case "credentials-rejected":
          return "it rejected Resync's credentials; tell the administrator";
        case "not-configured":
          return "its address is not configured in Resync; tell the administrator";
        case "not-found":
          return "it did not find what was asked for";
        case "conflict":
          return "it refused the request in the current state";
        case "bad-request":
        case "invalid-response":
        case "upstream-error":
          return `it answered with an error; ${retry}, and tell the administrator if it persists`;
        default:
          return `it is unavailable; ${retry}`;
      }
    },
    couldNotAsk: (reason) => `I could not ask HWA: ${reason}.`,
    staleNote: (age) => `(data from ${age} ago: HWA did not answer)`,
  },
  names: {
    which: (count, kind, written) => `${count} ${kinds[kind][1]} match ${written}; which one?`,
    notFound: (kind, written) => `I did not find ${kinds[kind][0]} ${written} in the current plan.`,
    closeNames: (list) => `Close names: ${list}.`,
    howToFind: (kind, written, workstationsQuestion) =>
      ({
        job: `The jobs list takes part of a name with * (e.g. ${written.slice(0, 4)}*); or ask about the job's stream.`,
        job_stream: "The job streams list takes part of a name with *.",
        workstation: `Ask "${workstationsQuestion}" to see the workstations.`,
      })[kind],
    askFor: (kind, example) =>
      `${{ job: "Which job?", job_stream: "Which job stream?", workstation: "Which workstation?" }[kind]} Say its name, for example: "${example}"`,
  },
  help: {
    examples: [
      { intent: "job_status", example: "what is the status of job PAYROLL_CALC?" },
      { intent: "job_log", example: "show the log of job PAYROLL_CALC" },
      { intent: "failed_jobs", example: "which jobs abended since 6am?" },
      { intent: "running_now", example: "what is running now? is anything late?" },
      { intent: "jobstream_status", example: "what is blocking job stream BANK_RECON?" },
      { intent: "workstation_status", example: "is workstation AGT_LNX01 linked?" },
      { intent: "job_dependencies", example: "why is job RECON_REPORT not running?" },
      {
        intent: "job_action",
        example: "rerun job LOAD_SALES_FACT",
        note: "also hold, release, cancel and kill; I ask you to confirm first",
      },
    ],
    suggested: [
      "which jobs abended today?",
      "what is running now?",
      "what is the status of job stream PAYROLL?",
      "which workstations are not linked?",
    ],
    head: "I can read HWA's plan and act on jobs. For example:",
    notUnderstood: "I did not understand. I answer questions about HWA's plan, like:",
  },
  workstation: {
    label: "Workstation",
    node: "node",
    linked: "linked",
    notLinked: "NOT linked",
    activeStates: "Active states",
    none: "none",
    limit: "limit",
    unlinkedNote: "Its jobs stay READY until it links again (link/start the workstation in HWA).",
    summary: (total, linked, notLinked) =>
      `${plural(total, "workstation", "workstations")}: ${linked} linked, ${notLinked} not linked.`,
    notLinkedList: "Not linked",
  },
  jobStatus: {
    started: (at) => `Started ${at}`,
    ended: (at) => `ended ${at}`,
    running: (duration) => `running for ${duration}`,
    overEstimate: (estimate, deviation) => `, over its ${estimate} estimate (${deviation})`,
    ofEstimate: (estimate) => ` of ~${estimate} estimated`,
    ran: (duration) => `ran ${duration}`,
    againstEstimate: (estimate, deviation) => ` against an estimate of ${estimate} (${deviation})`,
    scheduled: (at) => `Scheduled for ${at}`,
    estimated: (estimate) => `estimated ${estimate}`,
    waitingOn: (count, detail) =>
      `Waiting on ${count} unresolved ${count === 1 ? "dependency" : "dependencies"}${detail ? `: ${detail}` : ""}.`,
    runs: (runs, reruns) => `${runs} runs (${plural(reruns, "rerun", "reruns")})`,
    earlierFailures: (runs, outcomes) => `${runsList(runs)} ended in error: ${outcomes}`,
    recovered: (at) => `the rerun ended successfully${at ? ` ${at}` : ""}`,
    heldNote: "An operator held it: it starts only once released.",
  },
  dependencies: {
    predecessors: (count) => `Predecessors (${count}):`,
    waitingOn: (pending, total) => `Waiting on ${pending} of ${plural(total, "predecessor", "predecessors")}:`,
    noPredecessors: "It has no predecessors.",
    allDone: (total) =>
      total === 1 ? "Its only predecessor ended successfully." : `All ${total} predecessors ended successfully.`,
    alsoWaitingOn: (what) => `Also waiting on: ${what}.`,
    notWaitingRunning: "Not waiting: it is already running.",
    notWaitingEnded: "Not waiting: it has already ended.",
    notWaiting: "Not waiting on predecessors.",
    rootCause: "Root cause: ",
    successors: (count, list) => `Waiting on it (${count}): ${list}.`,
    noSuccessors: "No job waits on it.",
    heldNote: (job) => `An operator held ${job}: it starts only once released.`,
  },
  rootCause: {
    waits: "waits on",
    which: "which",
    skipped: (count) => `(and ${plural(count, "more job", "more jobs")} in the chain)`,
    failed: (status, returnCode, at) =>
      `ended in error (${status}${returnCode !== null ? `, RC ${returnCode}` : ""})${at ? ` ${at}` : ""}`,
    held: "is held by an operator (HOLD, priority 0)",
    agent: (workstation) => `is ready (READY), but workstation ${workstation} is not linked`,
    time: (at) => `waits for its start time${at ? ` (${at})` : ""}`,
    running: (elapsed, estimate) =>
      `is running${elapsed ? ` ${elapsed}` : ""}${estimate ? ` (estimate ${estimate})` : ""}`,
    other: (what) => `waits on ${what}`,
    unknown: (status) => `is in ${status}`,
    tooDeep: (hops) => `(I stopped after ${hops} reads; the chain goes on)`,
    errorLine: (job, line, text) => `Error in ${job}'s log (line ${line}): ${text}`,
    unblockFailed: (job) => `To unblock it: rerun ${job} (or confirm it SUCC if the error can be ignored).`,
    unblockHeld: (job) => `To unblock it: release ${job}.`,
    unblockAgent: (workstation) => `To unblock it: link/start workstation ${workstation} in HWA.`,
    blocked: "Blocked: ",
    onceStarted: "Once it starts, it will stop at: ",
    notBlocked: "Nothing is blocking it.",
    notStartedYet: "It has not started yet.",
  },
  jobStream: {
    started: (at) => `Started ${at}`,
    ended: (at) => `ended ${at}`,
    scheduled: (at) => `Scheduled for ${at}`,
    counts: (c) =>
      `${c.total} jobs: ${c.successful} successful, ${c.running} running, ${c.abended} in error, ${c.notRunning} not started.`,
    inError: "In error",
    running: "Running",
  },
  failed: {
    betweenToday: (since, until) => ` between ${since} and ${until} today`,
    between: (since, until) => ` between ${since} and ${until}`,
    since: (since) => ` since ${since}`,
    ofStream: (stream) => ` in stream ${stream}`,
    none: (ofStream, period) => `No job${ofStream} has failed${period}.`,
    head: (count, ofStream, period, streams, recovered) =>
      `${plural(count, "job", "jobs")}${ofStream} failed${period}` +
      `${streams === undefined ? "" : `, in ${plural(streams, "stream", "streams")}`}` +
      `${recovered > 0 ? ` (${recovered} recovered by a rerun)` : ""}:`,
    noStream: "(no stream)",
    moreJobs: (n) => `and ${plural(n, "more job", "more jobs")}.`,
    recovered: (at) => `recovered: rerun SUCC${at ? ` ${at}` : ""}`,
    times: (n) => `${n} times`,
  },
  running: {
    none: "No job is running now.",
    head: (count, streams) =>
      `${plural(count, "job", "jobs")} running now, in ${plural(streams, "stream", "streams")}:`,
    late: (count) => `${plural(count, "job is", "jobs are")} late (running past the estimate):`,
    noneLate: (running) =>
      running === 0 ? "No job is late." : "No job is late: every running job is within its estimate.",
    lateEntry: (name, stream, ran, estimate, deviation) =>
      `${name}${stream ? ` (stream ${stream})` : ""}: ${ran} of ~${estimate} estimated (${deviation})`,
    noneWaiting: "No ready job is waiting for an agent (none is READY on an unlinked workstation).",
    readyWaiting: (count, workstations) =>
      `${plural(count, "ready job waits", "ready jobs wait")} for the agent of ${workstations}, which is not linked.`,
  },
  log: {
    errorHeading: (shown, omitted) =>
      omitted > 0
        ? `Error lines (the first and last ${shown}; ${omitted} left out in between):`
        : `Error lines (${shown}):`,
    noLogYet: (heading, status) => `${heading} has no log yet: ${status}.`,
    lines: (n) => plural(n, "line", "lines"),
    heading: (job, size, status, growing) =>
      `Log of ${job}: ${size}; ${status}${growing ? " (the log is still growing)" : ""}.`,
    noErrorLines: "No error lines recognized.",
    tail: (count, first, total) => `Last ${count} lines (${first}–${total}):`,
  },
  actions: {
    actionOf: (action, job) => `${action} of job ${job}`,
    within: (seconds) => (seconds < 60 ? `${seconds} seconds` : plural(Math.ceil(seconds / 60), "minute", "minutes")),
    confirm: (what, within) => `I will ${what} — confirm? Reply "yes" within ${within}.`,
    yesNo: ["yes", "no"],
    newRun: (id) => `; new run ${id}`,
    hwaAnswer: (id) => ` (HWA's answer: ${id})`,
    done: (actionOf, detail) => `Done: HWA accepted the ${actionOf}${detail}.`,
    declined: (doing) => `OK, I will not ${doing}.`,
    expired: (actionOf) =>
      `The confirmation of the ${actionOf} expired; nothing was done. Ask again if you still want it.`,
    nothingPending: "There is no action waiting for confirmation.",
    nothingAwaitsConfirmation: "No action is waiting for confirmation.",
    cannot: (doing) => `Cannot ${doing}`,
    unknownStatus: "its current status is unknown; the action was not attempted",
    inStatusNothingDone: (status) => `it is in ${status}; nothing was done`,
    killBeforeCancel: (status) => `it is in ${status}; kill it before cancel`,
    alreadyEnded: (status) => `it is already in ${status}; cancel needs a job that has not ended`,
    needsStatus: (status, action, accepted) => `it is in ${status}; ${action} needs a job in ${accepted}`,
    roleCannotAct: (role) => `Your role (${role}) cannot run actions; ask an operator.`,
    maintenance: (doing, message, until) =>
      `Resync is in maintenance: I will not ${doing} now; nothing was done. ` +
      `The administrator's notice: "${message}". ` +
      (until ? `Expected to end at ${until}. ` : "No end time was announced. ") +
      "Ask again after the maintenance.",
    notCarriedOut: (actionOf) => `HWA did not carry out the ${actionOf}`,
    refusedInState: "it refused it in the job's current state",
    timedOut: "it did not answer in time; check the job's status before asking again",
  },
  notify: {
    maintenance: "Resync is in maintenance: I will not create the notification now; nothing was done.",
    alreadyEnded: (job, status) =>
      `Job ${job} has already ended (${status}): there is nothing to wait for. Ask for its status or log if you like.`,
    propose: (job) =>
      `I will tell you in the console when job ${job} ends, successfully or not (once) — confirm? Reply "yes" within 2 minutes.`,
    expired: (job) =>
      `The confirmation of the notification for job ${job} expired; nothing was created. Ask again if you still want it.`,
    subscribed: (job) => `Done: I will tell you in the console when job ${job} ends.`,
    failed: (job, why) => `I could not create the notification for job ${job}: ${why}`,
    declined: (job) => `OK, no notification for job ${job}.`,
  },
  engine: {
    mind: (engine) => ` Mind: engine ${engine}.`,
  },
};
