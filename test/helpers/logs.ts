import { onTestFailed, onTestFinished, vi } from "vitest";

/** One line of the Worker's structured log (src/platform/observability/logger.ts). */
export interface LogLine {
  level: string;
  message: string;
  [field: string]: unknown;
}

function logLineOf(args: unknown[]): LogLine | undefined {
  if (args.length !== 1 || typeof args[0] !== "string" || !args[0].startsWith("{")) return undefined;
  try {
    const line = JSON.parse(args[0]) as Partial<LogLine>;
    return typeof line.level === "string" && typeof line.message === "string" ? (line as LogLine) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * From here to the end of the test, the Worker's log lines are collected instead of printed, for a test that provokes
 * a warning or an error to check it. Anything else written to the console still goes out, and the collected lines
 * are printed if the test fails.
 */
export function captureLogs(): LogLine[] {
  const lines: LogLine[] = [];
  for (const method of ["log", "warn", "error"] as const) {
    const original = console[method].bind(console);
    const spy = vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      const line = logLineOf(args);
      if (line) lines.push(line);
      else original(...args);
    });
    onTestFinished(() => spy.mockRestore());
  }
  onTestFailed(() => {
    for (const line of lines) console.error(JSON.stringify(line));
  });
  return lines;
}
