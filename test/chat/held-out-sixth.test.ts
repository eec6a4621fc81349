import { describe, expect, it } from "vitest";
import { askHeldOut } from "./held-out-runner";
import { heldOutSixth } from "./held-out-sixth";

// Measures the chat on a sixth held-out set (held-out-sixth.ts), asked through /api/chat against the simulator's
// plan (seed 7, clock stopped). The score and every miss are an annotation (shown by `--reporter=verbose`) and the
// failure message. A message is right only when its intent, its language and every stated fact are right.
//
// The expectations were written from the simulator's plan, the README and the answers' data shapes only, before any
// run, and are not corrected. First run: not yet made.

/** 95% of the set, rounded up. */
const threshold = Math.ceil(0.95 * heldOutSixth.length); // target from issue #14; first run not yet made

describe("the sixth held-out set, through /api/chat", () => {
  it("has at least 100 messages, half in each language", () => {
    expect(heldOutSixth.length).toBeGreaterThanOrEqual(100);
    expect(heldOutSixth.filter((c) => c.language === "pt").length).toBe(heldOutSixth.length / 2);
  });

  it(`answers at least ${threshold} of its ${heldOutSixth.length} (the target is 95%)`, async ({ annotate }) => {
    const { asked, right, report } = await askHeldOut("held-out-sixth", heldOutSixth);
    await annotate(report.join("\n"));
    expect(asked).toBe(heldOutSixth.length);
    expect(right, report.join("\n")).toBeGreaterThanOrEqual(threshold);
  }, 600_000);
});
