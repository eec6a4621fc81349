// Job logs, generated from the run (so the same run always has the same log): HWA's header, the job's own
// output with timestamps, error lines when it fails, and HWA's footer with the exit status once it has ended.
// A running job's log grows with its elapsed time.
import { failureLines, openingLines, progressLine } from "./joblog-text.mjs";
import { jobStreamOf, workstationOf } from "./plan.mjs";
import { between, randomFor } from "./random.mjs";
import { isFinished } from "./status.mjs";

/** @typedef {import("./plan.mjs").Plan} Plan @typedef {import("./plan.mjs").Job} Job @typedef {import("./plan.mjs").Run} Run */

const rule = "===============================================================";

/**
 * The lines of a run's log, or undefined when the run has not started (there is no log yet).
 * @param {Plan} plan @param {Job} job @param {Run} run
 * @returns {string[] | undefined}
 */
export function jobLogLines(plan, job, run) {
  if (run.startedAt === undefined) return undefined;
  const random = randomFor(plan.seed, "joblog", run.id);
  const start = run.startedAt;
  const plannedEnd = Math.max(run.endAt ?? start, start + 1000);
  const ended = isFinished(run) ? (run.endedAt ?? plannedEnd) : undefined;
  const failing = run.outcome === "ABEND" && !run.killed;
  const bodyCount = job.longLog ? between(random, 2500, 6000) : between(random, 12, 60);
  // A failing job stops early: its log is shorter from the first line on, so it never loses lines as it runs.
  const bodyTotal = failing ? Math.ceil(bodyCount * 0.7) : bodyCount;
  const until = ended ?? plan.now;
  const written = Math.min(bodyTotal, Math.floor((bodyTotal * (until - start)) / (plannedEnd - start)));

  const jobStream = jobStreamOf(plan, job.jobStreamId);
  const workstation = workstationOf(plan, run.actualWorkstationId ?? job.workstationId).name;
  const date = new Date(jobStream.schedTime).toISOString().slice(0, 10).replaceAll("-", "");
  let lineTime = start;
  const context = {
    random,
    name: job.name,
    lower: job.name.toLowerCase(),
    date,
    time: () => new Date(lineTime).toISOString().replace("T", " ").slice(0, 19),
    index: 0,
  };

  const lines = [...header(plan, job, run, workstation, random), ...openingLines(job.kind, job.command)];
  for (let i = 0; i < written; i++) {
    lineTime = start + Math.floor(((i + 1) * (plannedEnd - start)) / (bodyTotal + 1));
    context.index = i + 1;
    lines.push(progressLine(job.kind, context));
  }
  if (ended === undefined) return lines;

  lineTime = ended;
  if (run.killed) lines.push(`AWSBCV025I The job was killed on request of the user at ${context.time()}.`);
  else if (failing) lines.push(...failureLines(job.kind, context, run.returnCode ?? 1));
  lines.push(...footer(run, start, ended));
  return lines;
}

/** @param {Plan} plan @param {Job} job @param {Run} run @param {string} workstation @param {() => number} random */
function header(plan, job, run, workstation, random) {
  const jobStream = jobStreamOf(plan, job.jobStreamId);
  const at = new Date(jobStream.schedTime);
  const hhmm = at.toISOString().slice(11, 16).replace(":", "");
  const mmddyy = `${at.toISOString().slice(5, 7)}/${at.toISOString().slice(8, 10)}/${at.toISOString().slice(2, 4)}`;
  const streamKey = `0AAAAAAAAAAAA${jobStream.id.slice(0, 3).toUpperCase()}`;
  return [
    rule,
    `= JOB       : ${workstation}#${jobStream.name}[(${hhmm} ${mmddyy}),(${streamKey})].${job.name}`,
    `= USER      : ${job.userLogin}`,
    `= JCLFILE   : ${job.command}`,
    `= Job Number: ${between(random, 100_000, 999_999)}`,
    `= RUN       : ${run.number}${run.rerunType === "RERUN" ? " (rerun)" : ""}`,
    `= ${stamp(run.startedAt ?? plan.now)}`,
    rule,
  ];
}

/** @param {Run} run @param {number} start @param {number} end */
function footer(run, start, end) {
  const seconds = Math.round((end - start) / 1000);
  const elapsed = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60]
    .map((part) => String(part).padStart(2, "0"))
    .join(":");
  return [
    rule,
    `= Exit Status           : ${run.returnCode ?? 0}`,
    `= Elapsed Time (hh:mm:ss) : ${elapsed}`,
    `= ${stamp(end)}`,
    rule,
  ];
}

/** "Fri 11/28/2025 08:00:15 UTC", as HWA stamps its job logs. @param {number} ms */
function stamp(ms) {
  const date = new Date(ms);
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][date.getUTCDay()];
  const iso = date.toISOString();
  return `${day} ${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)} ${iso.slice(11, 19)} UTC`;
}

/**
 * Lines `fromLine` to `toLine` (1-based, both included) as text/plain; a range past the end is cut at the end.
 * @param {string[]} lines @param {number} [fromLine] @param {number} [toLine]
 */
export function linesInRange(lines, fromLine = 1, toLine = lines.length) {
  const selected = lines.slice(Math.max(0, fromLine - 1), Math.max(0, toLine));
  return selected.length === 0 ? "" : `${selected.join("\n")}\n`;
}
