import { describe, expect, it } from "vitest";
import { literal, matches, oneOf, query } from "../../src/hwa/oql";

describe("OQL builder", () => {
  it("quotes every value and doubles quotes inside it", () => {
    expect(literal("LOAD")).toBe("'LOAD'");
    expect(literal("X' OR name LIKE '%")).toBe("'X'' OR name LIKE ''%'");
  });

  it("turns * into LIKE %, and plain values into =", () => {
    expect(matches("name", "PAY*")).toBe("name LIKE 'PAY%'");
    expect(matches("jobStreamName", "DAILY")).toBe("jobStreamName = 'DAILY'");
    expect(oneOf("jobruns.compositeStatus.status", ["ABEND", "FAIL"])).toBe(
      "jobruns.compositeStatus.status IN ('ABEND', 'FAIL')",
    );
    expect(query(["a = 'b'", "c = 'd'"], "name ASC")).toBe("a = 'b' AND c = 'd' ORDER BY name ASC");
    expect(query([], "name ASC")).toBe("ORDER BY name ASC");
  });
});
