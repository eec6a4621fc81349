// The lines of a job log that look like its error, and its last lines: one pass over the text, bounded memory
// (a few dozen short strings whatever the size of the log).

export interface LogLine {
  /** 1-based line number in the log. */
  line: number;
  text: string;
}

export interface LogScan {
  lines_total: number;
  tail: LogLine[];
  /** Error-looking lines in log order: the first few and the last few when there are more than fit. */
  error_lines: LogLine[];
  /** How many lines looked like an error, repeats included. */
  error_lines_found: number;
  /** Distinct error lines left out between the first and the last ones kept. */
  error_lines_omitted: number;
}

export interface LogScanOptions {
  /** Lines of the tail; default 15. */
  tailLines?: number;
  /** Error lines kept; default 10. */
  maxErrorLines?: number;
  /** Characters kept of each line; default 300. */
  maxLineChars?: number;
}

/** A non-zero exit/return code: `exit code 12`, `RC=8`, `return code 4`, `Exit Status : 8`, `ERRORLEVEL 2`. */
const exitCode = /\b(?:exit(?:\s+(?:code|status|value))?|return[\s_-]*code|rc|errorlevel)\b\s*[:=]?\s*(-?\d+)/i;

const errorPatterns: readonly RegExp[] = [
  /\bFATAL\b/i,
  /\babend(?:ed)?\b/i,
  /Exception\b/,
  /^\s*Caused by:/,
  /[a-z]Error\b/, // java.lang.OutOfMemoryError, ValueError
  /\bORA-\d{5}\b/,
  /\b(?:RMAN|SP2|TNS|PLS|IMP|EXP)-\d{4,5}\b/,
  /\bSQLSTATE\b/i,
  /\bSQLCODE\s*[=:]?\s*-\d+/i,
  /\bTraceback\b/,
  /\bAWS[A-Z]{3}\d{3}E\b/, // HWA's own error messages end in E
  /\b(?:permission|access is) denied\b/i,
  /\bconnection (?:timed out|reset|refused|closed by)\b/i,
  /\bnot found\b|\bcannot (?:find|open|access)\b|\bNo such file or directory\b/i,
  /\bsegmentation fault\b|\bcore dumped\b|\bkilled\b/i,
];

/** Words that mean an error unless the line says there was none ("0 errors", "no failures"). */
const errorWords = /\b(?:error|erro|failed|failure|falhou|falha|cancell?ed)\b/i;
const noErrors =
  /\b(?:no|0|zero|without|sem|nenhum)\s+(?:errors?|erros?|failures?|falhas?)\b|\b(?:errors?|failures?|failed)\s*[=:]\s*0\b/i;

/**
 * Every word any pattern above starts from, for one fast search over the whole log: only the lines it finds are
 * tested line by line (a 5 MB log has a handful of them). Keep it a superset of the patterns.
 */
const hints =
  /exit|return|\brc\b|errorlevel|fatal|abend|exception|caused by|erro|fail|falh|cancel|ora-\d|rman-\d|sp2-\d|tns-\d|pls-\d|imp-\d|exp-\d|sqlstate|sqlcode|traceback|aws[a-z]{3}\d{3}e|denied|connection|not found|cannot|no such file|segmentation|core dumped|killed/gi;

/** Only so much of a line is searched: a single 5 MB line must not cost more than any other. */
const SEARCHED_CHARS = 2000;

export function looksLikeError(line: string): boolean {
  const searched = line.length > SEARCHED_CHARS ? line.slice(0, SEARCHED_CHARS) : line;
  const code = exitCode.exec(searched);
  if (code && Number(code[1]) !== 0) return true;
  if (errorPatterns.some((pattern) => pattern.test(searched))) return true;
  return errorWords.test(searched) && !noErrors.test(searched);
}

/** The same error written again with another timestamp is the same error. */
function repeatKey(text: string): string {
  return text
    .replace(/\d{4}-\d{2}-\d{2}[T ]?/g, "")
    .replace(/\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?/g, "")
    .trim();
}

// Control characters other than tab would reach the console as they are; a log has no use for them.
const controls = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

function cut(text: string, max: number): string {
  const clean = text.replace(controls, "");
  if (clean.length <= max) return clean;
  let end = max - 1;
  const code = clean.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1; // never split a surrogate pair
  return `${clean.slice(0, end)}…`;
}

/** One pass over `log`: its line count, its last lines and its error-looking lines. */
export function scanLog(log: string, options: LogScanOptions = {}): LogScan {
  const tailSize = Math.max(1, options.tailLines ?? 15);
  const maxErrors = Math.max(1, options.maxErrorLines ?? 10);
  const maxChars = Math.max(20, options.maxLineChars ?? 300);
  const headSize = Math.ceil(maxErrors / 2);
  const lastSize = maxErrors - headSize;

  // The tail holds where its lines are, not their text: nothing is copied out of the log but the lines shown.
  const tail: { line: number; start: number; end: number }[] = [];
  const head: LogLine[] = [];
  const last: LogLine[] = [];
  const keys = new Set<string>();
  let found = 0;
  let omitted = 0;
  let lineNumber = 0;
  let position = 0;
  const hint = new RegExp(hints); // its own lastIndex
  const nextHint = (from: number) => {
    hint.lastIndex = from;
    return hint.exec(log)?.index ?? Number.POSITIVE_INFINITY;
  };
  let hintAt = nextHint(0);

  while (position < log.length) {
    const newline = log.indexOf("\n", position);
    const end = newline === -1 ? log.length : newline;
    const start = position;
    const textEnd = end > start && log.charCodeAt(end - 1) === 13 ? end - 1 : end;
    position = end + 1;
    lineNumber += 1;
    tail.push({ line: lineNumber, start, end: textEnd });
    if (tail.length > tailSize) tail.shift();

    if (hintAt >= end) continue;
    hintAt = nextHint(position);
    const raw = log.slice(start, Math.min(textEnd, start + SEARCHED_CHARS));
    if (!looksLikeError(raw)) continue;
    found += 1;
    const text = cut(raw.trim(), maxChars);
    const key = repeatKey(text);
    if (keys.has(key)) continue;
    if (head.length < headSize) {
      head.push({ line: lineNumber, text });
      keys.add(key);
      continue;
    }
    if (lastSize === 0) {
      omitted += 1;
      continue;
    }
    last.push({ line: lineNumber, text });
    keys.add(key);
    if (last.length > lastSize) {
      keys.delete(repeatKey(last.shift()!.text));
      omitted += 1;
    }
  }

  return {
    lines_total: lineNumber,
    tail: tail.map((entry) => ({
      line: entry.line,
      text: cut(log.slice(entry.start, Math.min(entry.end, entry.start + maxChars * 2)), maxChars),
    })),
    error_lines: [...head, ...last],
    error_lines_found: found,
    error_lines_omitted: omitted,
  };
}

/** Lines that say little alone: the return code again (`= Exit Status : 1`), a heading (`ERROR at line 1:`), a farewell. */
const weakLines = [
  /^[\s=*#-]*(?:exit(?:\s+(?:code|status|value))?|return[\s_-]*code|rc|errorlevel)\b\s*[:=]?\s*-?\d+[\s=*#-]*$/i,
  /:\s*$/,
  /^connection closed\.?$/i,
];
/** Lines that name the error itself: an engine's code, an exception, a refusal, something missing. */
const telling =
  /\b[A-Z]{2,5}-\d{4,5}\b|Exception\b|[a-z]Error\b|runtime error|denied|not found|cannot|timed out|reset by|refused/i;

/** The line of a failed run's log that says why it failed, with its number; undefined when none looks like it. */
export function errorCause(log: string): LogLine | undefined {
  const lines = scanLog(log).error_lines.filter((line) => !weakLines.some((weak) => weak.test(line.text)));
  return lines.find((line) => telling.test(line.text)) ?? lines.at(-1);
}
