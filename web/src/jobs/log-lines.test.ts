import { describe, expect, it } from "vitest";
import { logLines, nearbyError } from "./log-lines";

describe("a job log's lines", () => {
  it("splits lines (CRLF too) and finds the error lines by the chat's rule", () => {
    const { lines, errors } = logLines(
      "starting\r\nORA-01017: invalid username/password\nrows: 12, errors: 0\nexit code 12\n",
    );
    expect(lines).toEqual(["starting", "ORA-01017: invalid username/password", "rows: 12, errors: 0", "exit code 12"]);
    expect(errors).toEqual([1, 3]);
  });

  it("jumps to the next and previous error, wrapping around", () => {
    const errors = [3, 10, 42];
    expect(nearbyError(errors, -1, 1)).toBe(3);
    expect(nearbyError(errors, 3, 1)).toBe(10);
    expect(nearbyError(errors, 42, 1)).toBe(3);
    expect(nearbyError(errors, 10, -1)).toBe(3);
    expect(nearbyError(errors, 3, -1)).toBe(42);
    expect(nearbyError([], 0, 1)).toBeUndefined();
  });

  it("takes a log of 100,000 lines in one pass", () => {
    const text = Array.from({ length: 100_000 }, (_, i) => (i % 1000 === 999 ? `ERROR at ${i}` : `line ${i} ok`)).join(
      "\n",
    );
    const { lines, errors } = logLines(text);
    expect(lines).toHaveLength(100_000);
    expect(errors).toHaveLength(100);
  });
});
