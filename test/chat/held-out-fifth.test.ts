import { describe, expect, it } from "vitest";
import { askHeldOut } from "./held-out-runner";
import { heldOutFifth } from "./held-out-fifth";

// Measures the chat on a fifth held-out set (held-out-fifth.ts), asked through /api/chat against the simulator's
// plan (seed 7, clock stopped). The score and every miss are an annotation (shown by `--reporter=verbose`) and the
// failure message. A message is right only when its intent, its language and every stated fact are right.
//
// The expectations were written from the simulator's plan, the README and the answers' data shapes only, before any
// run, and are not corrected.
// First run (commit 9e500ce, engine clock 2026-12-04T22:30:00Z, right after the fourth set's fixes): 101/120 = 84.2%
// (pt 49/60, en 52/60), below issue #14's 95%. Its 19 misses: successors and predecessors asked in words the chat
// did not know ("quem roda dps do X", "o que vem na sequencia do X", "which jobs are sitting behind X", "upstream
// jobs of X", "e quem ta antes dele?"); "why hasn't CHECK_QUEUE_DEPTH started" answered from another HOURLY_HEALTH
// instance; the log asked as "what blew up in X?" / "oq deu no X? quero ver o erro" (read as failures); "quantas vez o
// X abendou hj?" (failures, not the job's runs); "me passa a situacao do X pfv" (read as an action); "HR_SYNC
// empacou?" read as English; "anything running behind schedule?", "are jobs stuck in READY cause their agent is
// down?" (not understood); "tem algum agente caido?" (about one agent, not the list); "this week so far" (today);
// "como eu uso esse chat?" (not help); "esse do SAP_FI_CLOSE" after a proposed rerun (the pending rerun not picked);
// and two "sim"/"yes" after proposing to kill an ended job or cancel a running one, which the chat refuses when it
// proposes (nothing is pending), where the set expected the refusal on "sim".
// After the fixes (commit 3bebeea, not a held-out measurement): 117/120.
// The test fails one below the score after the fixes, so nothing it gets right is lost unnoticed.

/** The score after the fixes minus 1 (its first run: 101); issue #14's target is 95% (114). */
const threshold = 116;

describe("the fifth held-out set, through /api/chat", () => {
  it("has at least 100 messages, half in each language", () => {
    expect(heldOutFifth.length).toBeGreaterThanOrEqual(100);
    expect(heldOutFifth.filter((c) => c.language === "pt").length).toBe(heldOutFifth.length / 2);
  });

  it(`answers at least ${threshold} of its ${heldOutFifth.length} (101 on its first run; the target is 95%)`, async ({
    annotate,
  }) => {
    const { asked, right, report } = await askHeldOut("held-out-fifth", heldOutFifth);
    await annotate(report.join("\n"));
    expect(asked).toBe(heldOutFifth.length);
    expect(right, report.join("\n")).toBeGreaterThanOrEqual(threshold);
  }, 600_000);
});
