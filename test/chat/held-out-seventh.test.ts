import { describe, expect, it } from "vitest";
import { askHeldOut } from "./held-out-runner";
import { heldOutSeventh } from "./held-out-seventh";

// Measures the chat on a seventh held-out set (held-out-seventh.ts), asked through /api/chat against the simulator's
// plan (seed 7, clock stopped). The score and every miss are an annotation (shown by `--reporter=verbose`) and the
// failure message. A message is right only when its intent, its language and every stated fact are right.
//
// The expectations were written from the simulator's plan, the README and the answers' data shapes only, before any
// run, and are not corrected.
// First run (commit 7e66d49, engine clock 2026-12-04T23:30:00Z, after the sixth set's fixes): 132/134 = 98.5%
// (pt 66/67, en 66/67), above issue #14's 95%. Its 2 misses: "how many jobs in flight right now?" (not understood;
// "in flight" is not a running word) and "quantas vz o PAYROLL_CALC abendou hj?" ("vz" for "vezes": the day's failures,
// not the job's runs). The test fails below the first run's score, so nothing it got right is lost unnoticed.

/** Its first run's score; issue #14's target is 95% (128). */
const threshold = 132;

describe("the seventh held-out set, through /api/chat", () => {
  it("has at least 100 messages, half in each language", () => {
    expect(heldOutSeventh.length).toBeGreaterThanOrEqual(100);
    expect(heldOutSeventh.filter((c) => c.language === "pt").length).toBe(heldOutSeventh.length / 2);
  });

  it(`answers at least ${threshold} of its ${heldOutSeventh.length} (132 on its first run; the target is 95%)`, async ({
    annotate,
  }) => {
    const { asked, right, report } = await askHeldOut("held-out-seventh", heldOutSeventh);
    await annotate(report.join("\n"));
    expect(asked).toBe(heldOutSeventh.length);
    expect(right, report.join("\n")).toBeGreaterThanOrEqual(threshold);
  }, 600_000);
});
