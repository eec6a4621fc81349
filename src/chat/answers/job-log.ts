import type { Job } from "../../jobs/job";
import { composeReply, type ReplyWith } from "./compose";
import { scanLog, type LogLine } from "./error-lines";
import type { AnswerOptions } from "./format";
import { jobHeading, returnCodeText } from "./job-status";
import { suggest } from "./suggest";
import { messagesFor } from "./messages";
import { failedStatuses, isHeldByOperator, jobStatusText, runningStatuses } from "./words";

// "E o log do PAYROLL_CALC?": never the whole log; its last lines and, apart, the lines that look like the error.

export type JobLogData = {
  job_id: string;
  job_name: string;
  run_id: string | null;
  lines_total: number;
  tail: string[];
  /** Line number of the first tail line (0 when the log is empty). */
  tail_from_line: number;
  error_lines: LogLine[];
  error_lines_found: number;
  error_lines_omitted: number;
};

export interface JobLogOptions extends AnswerOptions {
  /** The run whose log this is, when not the job's current run. */
  runId?: string;
  /** Lines of the tail; default 15, at most 50. */
  tailLines?: number;
}

const numbered = (entries: readonly LogLine[]) => entries.map((entry) => `${entry.line}: ${entry.text}`);

/** The log of a job's run, as the operator needs it: the error lines and the tail, with line numbers. */
export function answerJobLog(job: Job, log: string | null | undefined, options: JobLogOptions): ReplyWith<JobLogData> {
  const { language } = options;
  const say = messagesFor(language).log;
  const scan = scanLog(log ?? "", { tailLines: Math.min(50, options.tailLines ?? 15) });
  const named = { name: job.name };
  const status = `${jobStatusText(job, language)}${returnCodeText(job)}`;
  const data: JobLogData = {
    job_id: job.id,
    job_name: job.name,
    run_id: options.runId ?? job.run_id,
    lines_total: scan.lines_total,
    tail: scan.tail.map((entry) => entry.text),
    tail_from_line: scan.tail[0]?.line ?? 0,
    error_lines: scan.error_lines,
    error_lines_found: scan.error_lines_found,
    error_lines_omitted: scan.error_lines_omitted,
  };

  if (scan.lines_total === 0) {
    const next = isHeldByOperator(job)
      ? [suggest.release(named, language), suggest.dependencies(named, language)]
      : [suggest.dependencies(named, language), suggest.jobStatus(named, language)];
    return composeReply("job_log", options, [say.noLogYet(jobHeading(job, language), status)], data, next);
  }

  const running = runningStatuses.has(job.status ?? "") && !job.ended_at;
  const first = scan.tail[0]?.line ?? 1;
  const lines = [
    say.heading(jobHeading(job, language).replace(/^Job/, "job"), say.lines(scan.lines_total), status, running),
    scan.error_lines.length > 0
      ? [say.errorHeading(scan.error_lines.length, scan.error_lines_omitted), ...numbered(scan.error_lines)].join("\n")
      : say.noErrorLines,
    [say.tail(scan.tail.length, first, scan.lines_total), ...numbered(scan.tail)].join("\n"),
  ];
  const next = failedStatuses.has(job.status ?? "")
    ? [suggest.rerun(named, language), suggest.jobStatus(named, language), suggest.failedToday(language)]
    : [suggest.jobStatus(named, language), suggest.dependencies(named, language)];
  return composeReply("job_log", options, lines, data, next);
}
