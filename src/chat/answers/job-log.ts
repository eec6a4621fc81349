import type { Job } from "../../jobs/job";
import type { Language } from "../understanding/types";
import { composeReply, type ReplyWith } from "./compose";
import { scanLog, type LogLine } from "./error-lines";
import type { AnswerOptions } from "./format";
import { jobHeading, returnCodeText } from "./job-status";
import { suggest } from "./suggest";
import { failedStatuses, runningStatuses, statusText } from "./words";

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

function errorHeading(shown: number, omitted: number, language: Language): string {
  if (language === "pt") {
    return omitted > 0
      ? `Linhas de erro (as ${shown} primeiras e últimas; ${omitted} omitidas no meio):`
      : `Linhas de erro (${shown}):`;
  }
  return omitted > 0
    ? `Error lines (the first and last ${shown}; ${omitted} left out in between):`
    : `Error lines (${shown}):`;
}

/** The log of a job's run, as the operator needs it: the error lines and the tail, with line numbers. */
export function answerJobLog(job: Job, log: string | null | undefined, options: JobLogOptions): ReplyWith<JobLogData> {
  const { language } = options;
  const pt = language === "pt";
  const scan = scanLog(log ?? "", { tailLines: Math.min(50, options.tailLines ?? 15) });
  const named = { name: job.name };
  const status = `${statusText(job.status, null, language)}${returnCodeText(job)}`;
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
    const lines = [
      pt
        ? `${jobHeading(job, language)} ainda não tem log: ${status}.`
        : `${jobHeading(job, language)} has no log yet: ${status}.`,
    ];
    return composeReply("job_log", options, lines, data, [
      suggest.dependencies(named, language),
      suggest.jobStatus(named, language),
    ]);
  }

  const running = runningStatuses.has(job.status ?? "") && !job.ended_at;
  const size = pt
    ? `${scan.lines_total} ${scan.lines_total === 1 ? "linha" : "linhas"}`
    : `${scan.lines_total} ${scan.lines_total === 1 ? "line" : "lines"}`;
  const first = scan.tail[0]?.line ?? 1;
  const lines = [
    pt
      ? `Log do ${jobHeading(job, language).replace(/^Job/, "job")}: ${size}; ${status}${running ? " (o log ainda cresce)" : ""}.`
      : `Log of ${jobHeading(job, language).replace(/^Job/, "job")}: ${size}; ${status}${running ? " (the log is still growing)" : ""}.`,
    scan.error_lines.length > 0
      ? [errorHeading(scan.error_lines.length, scan.error_lines_omitted, language), ...numbered(scan.error_lines)].join(
          "\n",
        )
      : pt
        ? "Nenhuma linha de erro reconhecida."
        : "No error lines recognized.",
    [
      pt
        ? `Últimas ${scan.tail.length} linhas (${first}–${scan.lines_total}):`
        : `Last ${scan.tail.length} lines (${first}–${scan.lines_total}):`,
      ...numbered(scan.tail),
    ].join("\n"),
  ];
  const next = failedStatuses.has(job.status ?? "")
    ? [suggest.rerun(named, language), suggest.jobStatus(named, language), suggest.failedToday(language)]
    : [suggest.jobStatus(named, language), suggest.dependencies(named, language)];
  return composeReply("job_log", options, lines, data, next);
}
