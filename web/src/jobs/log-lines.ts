// A job log split into lines, with the lines that look like an error: the chat's own rule (looksLikeError), so the
// log viewer highlights what the chat's answers point to.
import { looksLikeError } from "../../../src/chat/answers/error-lines";

export interface LogLines {
  lines: string[];
  /** Indexes (0-based) of the lines that look like an error, in order. */
  errors: number[];
}

export function logLines(text: string): LogLines {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines.at(-1) === "") lines.pop();
  const errors: number[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    if (looksLikeError(lines[index]!)) errors.push(index);
  }
  return { lines, errors };
}

/** The error after (or before) line `from`, wrapping around; undefined when there is none. */
export function nearbyError(errors: readonly number[], from: number, direction: 1 | -1): number | undefined {
  if (errors.length === 0) return undefined;
  if (direction === 1) return errors.find((line) => line > from) ?? errors[0];
  return errors.findLast((line) => line < from) ?? errors.at(-1);
}
