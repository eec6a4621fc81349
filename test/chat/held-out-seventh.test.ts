import { describe, expect, it } from "vitest";
import { askHeldOut } from "./held-out-runner";
import { heldOutSeventh } from "./held-out-seventh";

// Measures the chat on a seventh held-out set (held-out-seventh.ts), asked through /api/chat against the simulator's
// plan (seed 7, clock stopped). The score and every miss are an annotation (shown by `--reporter=verbose`) and the
// failure message. A message is right only when its intent, its language and every stated fact are right.
//
// The expectations were written from the simulator's plan, the README and the answers' data shapes only, before any
// run, and are not corrected. No run has been made yet.

/** target from issue #14; first run not yet made */
const threshold = Math.ceil(0.95 * heldOutSeventh.length);

describe("the seventh held-out set, through /api/chat", () => {
  it("has at least 100 messages, half in each language", () => {
    expect(heldOutSeventh.length).toBeGreaterThanOrEqual(100);
    expect(heldOutSeventh.filter((c) => c.language === "pt").length).toBe(heldOutSeventh.length / 2);
  });

  it(`answers at least ${threshold} of its ${heldOutSeventh.length} (the target is 95%)`, async ({ annotate }) => {
    const { asked, right, report } = await askHeldOut("held-out-seventh", heldOutSeventh);
    await annotate(report.join("\n"));
    expect(asked).toBe(heldOutSeventh.length);
    expect(right, report.join("\n")).toBeGreaterThanOrEqual(threshold);
  }, 600_000);
});
