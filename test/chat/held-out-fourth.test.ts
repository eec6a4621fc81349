import { describe, expect, it } from "vitest";
import { askHeldOut } from "./held-out-runner";
import { heldOutFourth } from "./held-out-fourth";

// Measures the chat on a fourth held-out set (held-out-fourth.ts), asked through /api/chat against the simulator's
// plan (seed 7, clock stopped). The score and every miss are an annotation (shown by `--reporter=verbose`) and the
// failure message. A message is right only when its intent, its language and every stated fact are right.
//
// The expectations were written from the simulator's plan and the README only, before any run, and are not corrected.
// First run (commit e922ed0, engine clock 2026-12-04T22:30:00Z, right after the third set's fixes): 104/124 = 83.9%
// (pt 53/62, en 51/62), below issue #14's 95%. Its 20 misses:
// - 13 misunderstood: "status X pfv" read as English; "show me this week's failed jobs" (today's window); "o q precisa
//   terminar pro X rodar?", "X hasn't kicked off, why?", "what's keeping X from starting?" (status or log, not what
//   blocks it); "tem algum job pronto sem agente pra rodar?", "anything ready to go but no agent to run it?", "is
//   anything taking longer than it should?" (not running_now); "quero o q ta no SAP_FI_OPEN", "I mean the PAYROLL
//   one" after a proposed rerun of a name in several streams (the pending rerun not picked); "no, leave it running"
//   after a proposed kill (not declined); "o que da pra perguntar aqui?", "what kind of questions can you answer?"
//   (not help);
// - 7 answered right in words, with the fact in a shape the set did not look for: a held job's priority 0 (said, and
//   `held_by_operator` in data, no `priority` key), four workstation answers (`not_linked: [{name}]`, not a link
//   flag on an item), "pq o INV_LOAD nao rodou?" (the agent AGT_AIX01 named in the text, not in data).
// The test fails one below the score after the fixes, so nothing it gets right is lost unnoticed.
// After the fixes (commit 52920b4, not a held-out measurement): 124/124.

describe("the fourth held-out set, through /api/chat", () => {
  it("has at least 100 messages, half in each language", () => {
    expect(heldOutFourth.length).toBeGreaterThanOrEqual(100);
    expect(heldOutFourth.filter((c) => c.language === "pt").length).toBe(heldOutFourth.length / 2);
  });

  it("answers at least 123 of its 124 (first run 104, 124 after its fixes)", async ({ annotate }) => {
    const { asked, right, report } = await askHeldOut("held-out-fourth", heldOutFourth);
    await annotate(report.join("\n"));
    expect(asked).toBe(heldOutFourth.length);
    expect(right, report.join("\n")).toBeGreaterThanOrEqual(123);
  }, 600_000);
});
