export type LogLevel = "debug" | "info" | "warn" | "error";

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, unknown>;

/** Structured JSON logs, one object per line, with the request's identifiers on every line. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  with(fields: LogFields): Logger;
}

export function createLogger(level: LogLevel = "info", base: LogFields = {}): Logger {
  const write = (at: LogLevel, message: string, fields?: LogFields) => {
    if (rank[at] < rank[level]) return;
    const line = JSON.stringify({ level: at, time: new Date().toISOString(), message, ...base, ...fields });
    if (at === "error") console.error(line);
    else if (at === "warn") console.warn(line);
    else console.log(line);
  };
  return {
    debug: (message, fields) => write("debug", message, fields),
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
    with: (fields) => createLogger(level, { ...base, ...fields }),
  };
}

/** What an unexpected error may say in a log line: its kind and message, never a stack. */
export function describeError(error: unknown): LogFields {
  if (error instanceof Error) return { error_name: error.name, error_message: error.message };
  return { error_message: String(error) };
}
