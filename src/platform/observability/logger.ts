export const logLevels = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof logLevels)[number];

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** `LOG_LEVEL` when it names a level, else "info": logging works even while the rest of the config is invalid. */
export function logLevelOf(env: { LOG_LEVEL?: string }): LogLevel {
  const level = env.LOG_LEVEL as LogLevel | undefined;
  return level !== undefined && level in rank ? level : "info";
}

export type LogFields = Record<string, unknown>;

/** Structured JSON logs, one object per line, with the request's identifiers on every line. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  with(fields: LogFields): Logger;
  /** Whether a line at `level` would be written: lets a caller skip building fields nobody reads. */
  enabled(level: LogLevel): boolean;
}

/** One per request: a class, so a request allocates one object rather than a closure per method. */
class JsonLogger implements Logger {
  constructor(
    private readonly level: LogLevel,
    private readonly base: LogFields,
  ) {}

  enabled(level: LogLevel): boolean {
    return rank[level] >= rank[this.level];
  }

  debug(message: string, fields?: LogFields): void {
    this.write("debug", message, fields);
  }

  info(message: string, fields?: LogFields): void {
    this.write("info", message, fields);
  }

  warn(message: string, fields?: LogFields): void {
    this.write("warn", message, fields);
  }

  error(message: string, fields?: LogFields): void {
    this.write("error", message, fields);
  }

  with(fields: LogFields): Logger {
    return new JsonLogger(this.level, { ...this.base, ...fields });
  }

  private write(at: LogLevel, message: string, fields?: LogFields): void {
    if (!this.enabled(at)) return;
    const line = JSON.stringify({ level: at, time: new Date().toISOString(), message, ...this.base, ...fields });
    if (at === "error") console.error(line);
    else if (at === "warn") console.warn(line);
    else console.log(line);
  }
}

export function createLogger(level: LogLevel = "info", base: LogFields = {}): Logger {
  return new JsonLogger(level, base);
}

/** What an unexpected error may say in a log line: its kind and message, never a stack. */
export function describeError(error: unknown): LogFields {
  if (error instanceof Error) return { error_name: error.name, error_message: error.message };
  return { error_message: String(error) };
}
