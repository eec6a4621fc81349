import { describe, expect, it } from "vitest";
import { askHeldOut } from "./held-out-runner";
import { heldOutSixth } from "./held-out-sixth";

// Measures the chat on a sixth held-out set (held-out-sixth.ts), asked through /api/chat against the simulator's
// plan (seed 7, clock stopped). The score and every miss are an annotation (shown by `--reporter=verbose`) and the
// failure message. A message is right only when its intent, its language and every stated fact are right.
//
// The expectations were written from the simulator's plan, the README and the answers' data shapes only, before any
// run, and are not corrected.
// First run (commit 1a570df, engine clock 2026-12-04T23:30:00Z, after the fifth set's fixes and a broad pass over 448
// operator phrasings): 117/124 = 94.4% (pt 58/62, en 59/62), one message short of issue #14's 95%. Its 7 misses:
// "X is sitting there doing nothing, why" and "o <code>X</code> n saiu do lugar, pq?" (the log, not what blocks it);
// "how many times did it crash?" after a job's status (the day's failures, not the job's runs); "any jobs queued up on
// a dead agent?" (the workstations) and "tem job parado em READY pq o agente ta fora?" (a job's dependencies), not
// the ready jobs per unlinked agent; "vc faz oq exatamente?" (not help); "teve q dar rerun no X hj?" (read as an
// order to rerun, so a viewer was told they cannot act; the job's runs were asked).
// After the fixes (commit 3db2b76, not a held-out measurement): 124/124.
// The test fails one below the score after the fixes, so nothing it gets right is lost unnoticed.

/** One below the score after the fixes (124); issue #14's target is 95% (118). */
const threshold = 123;

describe("the sixth held-out set, through /api/chat", () => {
  it("has at least 100 messages, half in each language", () => {
    expect(heldOutSixth.length).toBeGreaterThanOrEqual(100);
    expect(heldOutSixth.filter((c) => c.language === "pt").length).toBe(heldOutSixth.length / 2);
  });

  it(`answers at least ${threshold} of its ${heldOutSixth.length} (117 on its first run; the target is 95%)`, async ({
    annotate,
  }) => {
    const { asked, right, report } = await askHeldOut("held-out-sixth", heldOutSixth);
    await annotate(report.join("\n"));
    expect(asked).toBe(heldOutSixth.length);
    expect(right, report.join("\n")).toBeGreaterThanOrEqual(threshold);
  }, 600_000);
});
